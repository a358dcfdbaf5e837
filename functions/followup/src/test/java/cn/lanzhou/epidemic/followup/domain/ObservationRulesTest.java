package cn.lanzhou.epidemic.followup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.person.Symptom;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObservationRulesTest {
    private static final LocalDate START = LocalDate.of(2020, 2, 1);

    private static Observation observation(List<Check> checks) {
        return new Observation("01ARZ3NDEKTSV4RRFFQ69G5FAV", new Person("k", "李四", "RESIDENT_ID", "6***2X", "139****0000"),
                "chengguan", PlaceType.OBSERVATION, "CG-01", Reason.CLOSE_CONTACT, null, Optional.empty(), START,
                Instant.parse("2020-02-01T01:00:00Z"), "nurse", Status.ACTIVE, 1, Optional.empty(), checks);
    }

    private static Check check(LocalDate date, Slot slot, String temperature, Symptom... symptoms) {
        return new Check(new SlotRef(date, slot), new BigDecimal(temperature), Set.of(symptoms), Instant.EPOCH, "nurse", "a");
    }

    @Test
    void theAmSlotIsMissedOnlyAfterNoonAndThePmSlotOnlyAfterEightInTheEvening() {
        Observation o = observation(List.of());
        assertEquals(List.of(), ObservationRules.missed(o, START.atTime(LocalTime.of(11, 59))));
        assertEquals(List.of(new SlotRef(START, Slot.AM)), ObservationRules.missed(o, START.atTime(LocalTime.of(12, 1))));
        assertEquals(2, ObservationRules.missed(o, START.atTime(LocalTime.of(20, 1))).size());
        assertEquals(ObservationRules.TodayStatus.DUE, ObservationRules.today(o, START.atTime(LocalTime.of(13, 0))).get(Slot.PM));
        assertEquals(ObservationRules.TodayStatus.MISSING, ObservationRules.today(o, START.atTime(LocalTime.of(13, 0))).get(Slot.AM));
    }

    @Test
    void aFeverIsATemperatureOf37Point3OrMoreOrTheSymptom() {
        assertTrue(check(START, Slot.AM, "37.3").fever());
        assertFalse(check(START, Slot.AM, "37.2").fever());
        assertTrue(check(START, Slot.AM, "36.5", Symptom.FEVER).fever());
    }

    @Test
    void completedNeedsTheEndDateAndTheDayBeforesTwoChecksBelow37Point3() {
        LocalDate end = START.plusDays(14);
        Observation o = observation(List.of(check(end.minusDays(1), Slot.AM, "36.5"), check(end.minusDays(1), Slot.PM, "37.4")));

        ObservationRules.Blockers onEnd = ObservationRules.toComplete(o, end);
        assertFalse(onEnd.beforeEndDate());
        assertEquals(List.of(), onEnd.missing());
        assertEquals(List.of(new SlotRef(end.minusDays(1), Slot.PM)), onEnd.fever());
        assertTrue(ObservationRules.toComplete(o, end.minusDays(1)).beforeEndDate());
        assertEquals(2, ObservationRules.toComplete(o, end.plusDays(3)).missing().size());
    }

    @Test
    void checksAreAcceptedFromTheStartToTheEndDateAndNotAfterToday() {
        Observation o = observation(List.of());
        LocalDateTime late = START.plusDays(20).atStartOfDay();
        assertTrue(ObservationRules.acceptsCheckOn(o, START, late.toLocalDate()));
        assertTrue(ObservationRules.acceptsCheckOn(o, START.plusDays(14), late.toLocalDate()));
        assertFalse(ObservationRules.acceptsCheckOn(o, START.plusDays(15), late.toLocalDate()));
        assertFalse(ObservationRules.acceptsCheckOn(o, START.minusDays(1), late.toLocalDate()));
        assertFalse(ObservationRules.acceptsCheckOn(o, START.plusDays(2), START.plusDays(1)));
    }
}
