package cn.lanzhou.epidemic.reopening.domain;

import cn.lanzhou.epidemic.common.validation.Fields;
import java.time.LocalDate;

/** The bodies of the two staff POSTs, validated. */
public final class StaffCommands {
    private StaffCommands() {
    }

    enum Verdict { APPROVE, REJECT }

    /** {@code POST /reopenings/{id}/decision}: a reason is required to reject. */
    public record Decision(Status to, String reason, long expectedVersion) {
        public static Decision read(Fields body) {
            Verdict verdict = body.requiredEnum("decision", Verdict.class);
            String reason = verdict == Verdict.REJECT
                    ? body.requiredString("reason", 1, 500)
                    : body.string("reason", 1, 500).orElse(null);
            Long expected = readExpectedVersion(body);
            body.finishAndThrow();
            return new Decision(verdict == Verdict.APPROVE ? Status.APPROVED : Status.REJECTED, reason, expected);
        }
    }

    /** {@code POST /reopenings/{id}/reopened}: the local date work resumed, not in the future. */
    public record Reopened(LocalDate reopenedOn, long expectedVersion) {
        public static Reopened read(Fields body, LocalDate today) {
            LocalDate on = body.requiredDate("reopenedOn");
            if (on != null && on.isAfter(today)) {
                body.error("reopenedOn", "future", "复工日期不能晚于今天 / Must not be in the future");
            }
            Long expected = readExpectedVersion(body);
            body.finishAndThrow();
            return new Reopened(on, expected);
        }
    }

    private static Long readExpectedVersion(Fields body) {
        return body.requiredInteger("expectedVersion", 1, Long.MAX_VALUE);
    }
}
