package cn.lanzhou.epidemic.followup.domain;

import java.time.LocalTime;

/** The two temperature checks of a day, each missed once its local deadline has passed without a check. */
public enum Slot {
    AM(LocalTime.NOON), PM(LocalTime.of(20, 0));

    private final LocalTime deadline;

    Slot(LocalTime deadline) {
        this.deadline = deadline;
    }

    public LocalTime deadline() {
        return deadline;
    }
}
