package cn.lanzhou.epidemic.reopening.domain;

import java.time.LocalDate;

/**
 * One step of the workflow as the store writes it: conditional on {@code expectedVersion} and on
 * the entry's {@code from}, it sets the status, increments the version and appends the entry.
 * {@code eventDate} is the local date the report counts it on (decidedOn, or reopenedOn).
 */
public record Transition(String applicationId, long expectedVersion, ReopeningApplication.HistoryEntry entry,
        LocalDate eventDate) {
}
