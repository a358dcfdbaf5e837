package cn.lanzhou.epidemic.followup.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A 14-day medical observation: {@code endDate = startDate + 14}; checks in date and slot order.
 * {@code release} is empty while {@link Status#ACTIVE}.
 */
public record Observation(String id, Person person, String district, PlaceType placeType, String placeCode,
        Reason reason, String note, Optional<String> registrationId, LocalDate startDate, Instant createdAt,
        String createdBy, Status status, long version, Optional<Release> release, List<Check> checks) {
    public static final int DAYS = 14;

    public Observation {
        checks = checks.stream()
                .sorted(Comparator.comparing((Check c) -> c.slot().localDate()).thenComparing(c -> c.slot().slot()))
                .toList();
    }

    public LocalDate endDate() {
        return startDate.plusDays(DAYS);
    }

    public Optional<Check> check(SlotRef slot) {
        return checks.stream().filter(c -> c.slot().equals(slot)).findFirst();
    }

    public Optional<LocalDate> releasedOn() {
        return release.map(Release::releasedOn);
    }
}
