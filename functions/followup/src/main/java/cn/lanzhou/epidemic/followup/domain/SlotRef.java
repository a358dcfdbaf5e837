package cn.lanzhou.epidemic.followup.domain;

import java.time.LocalDate;

/** One check slot: a local date and AM or PM. */
public record SlotRef(LocalDate localDate, Slot slot) {
    /** The key of the slot inside an observation's checks: {@code 2020-02-13#AM}. */
    public String key() {
        return localDate + "#" + slot;
    }
}
