package cn.lanzhou.epidemic.registration;

/** Where a person was checked. Checkpoints and observation sites always take a temperature. */
public enum SiteType {
    CHECKPOINT, COMMUNITY, ENTERPRISE, OBSERVATION;

    boolean takesTemperature() {
        return this == CHECKPOINT || this == OBSERVATION;
    }
}
