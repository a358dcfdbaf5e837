package cn.lanzhou.epidemic.followup.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One answered tracing call: who, when, why, and what was looked at — a person's key or a site's day,
 * never an identity number.
 */
public record AuditEntry(String id, Instant at, String actor, Action action, Optional<String> personKey,
        Optional<String> siteType, Optional<String> siteCode, Optional<LocalDate> date, String purpose) {
    public enum Action { LOOKUP, VISITS }
}
