package cn.lanzhou.epidemic.reopening.domain;

/** Where an application stands: {@code SUBMITTED → APPROVED | REJECTED}, {@code APPROVED → REOPENED}. */
public enum Status {
    SUBMITTED, APPROVED, REJECTED, REOPENED;

    /** The one status a transition to this status starts from (none for SUBMITTED, which starts the workflow). */
    public Status source() {
        return switch (this) {
            case SUBMITTED -> null;
            case APPROVED, REJECTED -> SUBMITTED;
            case REOPENED -> APPROVED;
        };
    }

    public boolean canBecome(Status to) {
        return to.source() == this;
    }

    /** An open application holds its enterprise's lock: no second application meanwhile. */
    public boolean isOpen() {
        return this == SUBMITTED || this == APPROVED;
    }
}
