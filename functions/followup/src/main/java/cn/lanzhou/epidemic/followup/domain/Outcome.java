package cn.lanzhou.epidemic.followup.domain;

/** How an observation ends; every outcome but COMPLETED needs a reason. */
public enum Outcome {
    COMPLETED, TRANSFERRED, ENDED_EARLY;

    public Status status() {
        return Status.valueOf(name());
    }
}
