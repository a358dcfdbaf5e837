package cn.lanzhou.epidemic.followup.domain;

import java.time.LocalDate;
import java.util.Optional;

/** The record of tracing calls, by local date. */
public interface AuditLog {
    /** Writes the entry; the same entry written twice is one entry. */
    void record(AuditEntry entry, LocalDate localDate);

    /** A day's entries, newest first. */
    Page<AuditEntry> of(LocalDate date, int limit, Optional<String> after);
}
