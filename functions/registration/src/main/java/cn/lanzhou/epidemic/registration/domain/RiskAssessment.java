package cn.lanzhou.epidemic.registration.domain;

import cn.lanzhou.epidemic.person.Symptom;
import cn.lanzhou.epidemic.common.config.Env;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures the server derives from a registration (openapi.yaml): fever, risk level and, for contacts
 * and arrivals from a high-risk region, the end of the 14-day isolation. High-risk regions are
 * configuration ({@code HIGH_RISK_REGIONS}, comma-separated; an entry matches any travel-history
 * or origin text that contains it, ignoring case), because the list changes with the epidemic.
 */
public final class RiskAssessment {
    public static final String DEFAULT_HIGH_RISK_REGIONS = "湖北,Hubei";
    static final BigDecimal FEVER_THRESHOLD = new BigDecimal("37.3");
    static final int ISOLATION_DAYS = 14;

    private final List<String> highRiskRegions;

    public RiskAssessment(List<String> highRiskRegions) {
        this.highRiskRegions = highRiskRegions.stream()
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    public static RiskAssessment fromEnvironment() {
        return new RiskAssessment(Arrays.asList(Env.get("HIGH_RISK_REGIONS", DEFAULT_HIGH_RISK_REGIONS).split(",")));
    }

    /** The outcome for one person. */
    public record Outcome(boolean fever, RiskLevel riskLevel, Optional<LocalDate> isolationUntil) {
    }

    public Outcome assess(RegistrationCommand command, LocalDate localDate) {
        boolean fever = command.temperatureCelsius().map(t -> t.compareTo(FEVER_THRESHOLD) >= 0).orElse(false)
                || command.symptoms().contains(Symptom.FEVER);
        boolean highRiskTravel = command.origin().map(this::isHighRisk).orElse(false)
                || command.travelHistory().stream().anyMatch(this::isHighRisk);
        boolean isolate = command.contactWithCases() || highRiskTravel;
        RiskLevel level;
        if (isolate || fever) {
            level = RiskLevel.HIGH;
        } else if (!command.symptoms().isEmpty() || !command.travelHistory().isEmpty()) {
            level = RiskLevel.MEDIUM;
        } else {
            level = RiskLevel.LOW;
        }
        return new Outcome(fever, level, isolate ? Optional.of(localDate.plusDays(ISOLATION_DAYS)) : Optional.empty());
    }

    boolean isHighRisk(String region) {
        String text = region.toLowerCase(Locale.ROOT);
        return highRiskRegions.stream().anyMatch(text::contains);
    }
}
