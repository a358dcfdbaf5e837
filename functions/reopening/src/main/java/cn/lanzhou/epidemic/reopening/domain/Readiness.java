package cn.lanzhou.epidemic.reopening.domain;

import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.EntryStep;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Prevention;
import java.util.ArrayList;
import java.util.List;

/** What a prevention plan lacks, in the order openapi.yaml lists it; ready when it lacks nothing. */
public record Readiness(boolean ready, List<String> missing) {
    static final int DISINFECTIONS_NEEDED = 3;

    public static Readiness of(Prevention plan) {
        List<String> missing = new ArrayList<>();
        for (EntryStep step : EntryStep.values()) {
            if (!plan.entrySteps().contains(step)) {
                missing.add(step.name());
            }
        }
        if (plan.disinfectionsPerDay() < DISINFECTIONS_NEEDED) {
            missing.add("DISINFECTION_3_PER_DAY");
        }
        if (!plan.emergencyPlan()) {
            missing.add("EMERGENCY_PLAN");
        }
        if (plan.thermometers() == 0) {
            missing.add("THERMOMETER");
        }
        return new Readiness(missing.isEmpty(), List.copyOf(missing));
    }
}
