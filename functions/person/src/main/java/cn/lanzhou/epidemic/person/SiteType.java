package cn.lanzhou.epidemic.person;

/** Where a person was checked. Checkpoints and observation sites always take a temperature. */
public enum SiteType {
    CHECKPOINT, COMMUNITY, ENTERPRISE, OBSERVATION;

    public boolean takesTemperature() {
        return this == CHECKPOINT || this == OBSERVATION;
    }
}
