package cn.lanzhou.epidemic.followup.domain;

import cn.lanzhou.epidemic.person.Symptom;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * One temperature check. {@code attemptId} (never shown) names the request that wrote it, so that the
 * same request run again after a crash recognises its own check.
 */
public record Check(SlotRef slot, BigDecimal temperatureCelsius, Set<Symptom> symptoms, Instant recordedAt,
        String recordedBy, String attemptId) {
    public static final BigDecimal FEVER_FROM = new BigDecimal("37.3");

    public Check {
        symptoms = Set.copyOf(symptoms);
    }

    public boolean fever() {
        return temperatureCelsius.compareTo(FEVER_FROM) >= 0 || symptoms.contains(Symptom.FEVER);
    }
}
