package cn.lanzhou.epidemic.reopening.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.EntryStep;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Prevention;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    @Test
    void aCompletePlanIsReady() {
        Readiness r = Readiness.of(new Prevention("李", 3, EnumSet.allOf(EntryStep.class), 0, 1, true));
        assertTrue(r.ready());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void anEmptyPlanListsEverythingInTheDocumentedOrder() {
        Readiness r = Readiness.of(new Prevention("李", 0, Set.of(), 0, 0, false));
        assertFalse(r.ready());
        assertEquals(List.of("MASK", "TEMPERATURE", "DISINFECTION", "HEALTH_FORM", "CONSENT", "PASS",
                "DISINFECTION_3_PER_DAY", "EMERGENCY_PLAN", "THERMOMETER"), r.missing());
    }

    @Test
    void missingStepsFollowTheEntryStepOrderWhateverOrderTheyWereGivenIn() {
        Readiness r = Readiness.of(new Prevention("李", 2, Set.of(EntryStep.PASS, EntryStep.MASK, EntryStep.CONSENT), 0, 5, true));
        assertEquals(List.of("TEMPERATURE", "DISINFECTION", "HEALTH_FORM", "DISINFECTION_3_PER_DAY"), r.missing());
    }

    @Test
    void threeDisinfectionsADayAreEnoughAndOneThermometerIsEnough() {
        Readiness r = Readiness.of(new Prevention("李", 3, EnumSet.allOf(EntryStep.class), 0, 1, false));
        assertEquals(List.of("EMERGENCY_PLAN"), r.missing());
    }
}
