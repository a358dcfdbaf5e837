package cn.lanzhou.epidemic.registration.domain;

/** Where a person was checked. Checkpoints and observation sites always take a temperature. */
public enum SiteType {
    CHECKPOINT, COMMUNITY, ENTERPRISE, OBSERVATION;

    boolean takesTemperature() {
        return this == CHECKPOINT || this == OBSERVATION;
    }
}
