package cn.lanzhou.epidemic.followup.domain;

import java.time.Instant;
import java.time.LocalDate;

/** How and when an observation was released, by whom, and the request that did it. */
public record Release(Outcome outcome, String reason, LocalDate releasedOn, Instant releasedAt, String releasedBy,
        String attemptId) {
}
