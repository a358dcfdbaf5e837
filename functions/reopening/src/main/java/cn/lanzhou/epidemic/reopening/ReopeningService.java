package cn.lanzhou.epidemic.reopening;

import cn.lanzhou.epidemic.common.idempotency.Attempt;
import cn.lanzhou.epidemic.common.model.District;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.problem.FieldError;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.reopening.domain.ApplicationForm;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.HistoryEntry;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplications.Slice;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplications;
import cn.lanzhou.epidemic.reopening.domain.StaffCommands;
import cn.lanzhou.epidemic.reopening.domain.Status;
import cn.lanzhou.epidemic.reopening.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The reopening workflow: submissions under the one-open-application rule, staff transitions, views. */
public record ReopeningService(ReopeningApplications store, Districts districts, AppClock clock) {
    /**
     * A lock whose application does not exist yet may belong to a submission still running (the lock
     * is taken before the application is written); only after this long is it deemed abandoned.
     */
    static final Duration UNWRITTEN_LOCK_GRACE = Duration.ofMinutes(2);
    private static final Pattern ID = Pattern.compile("[0-9A-Z]{26}");

    /**
     * Submits under the enterprise's lock. A run again after a crash (same id from the same
     * Idempotency-Key) finds what the first run wrote and completes it instead of duplicating it.
     */
    public ReopeningApplication submit(ApplicationForm form, Attempt attempt) {
        String id = attempt.recordId();
        Instant at = attempt.receivedAt().truncatedTo(ChronoUnit.MILLIS);
        if (attempt.keyed()) {
            Optional<ReopeningApplication> written = store.find(id);
            if (written.isPresent()) {
                return written.get();
            }
        }
        lock(form.enterprise().creditCode(), id, at);
        LocalDate on = clock.localDate(at);
        store.announce(on, form.district(), id, clock.today(), clock.now());
        ReopeningApplication application = ReopeningApplication.submitted(id, form, at, on);
        if (!store.create(application)) {
            return store.find(id).orElseThrow();
        }
        return application;
    }

    private void lock(String creditCode, String id, Instant at) {
        store.locks().acquire(creditCode, id, at, holder -> store.find(holder).map(app -> app.status().isOpen()),
                UNWRITTEN_LOCK_GRACE, clock::now).ifPresent(holder -> {
                    throw Problem.conflict("open-application-exists",
                            "该企业已有一份在办的复工复产申请 / This enterprise already has an open application")
                            .with("existingId", holder);
                });
    }

    public ReopeningApplication decide(String id, StaffCommands.Decision decision, String actor, Attempt attempt) {
        return transition(id, decision.expectedVersion(), decision.to(), actor, attempt, decision.reason(), null);
    }

    public ReopeningApplication markReopened(String id, StaffCommands.Reopened reopened, String actor, Attempt attempt) {
        return transition(id, reopened.expectedVersion(), Status.REOPENED, actor, attempt, null, reopened.reopenedOn());
    }

    private ReopeningApplication transition(String id, long expected, Status to, String actor, Attempt attempt,
            String reason, LocalDate reopenedOn) {
        ReopeningApplication current = get(id);
        HistoryEntry last = current.history().get(current.history().size() - 1);
        if (attempt.keyed() && attempt.recordId().equals(last.attemptId())) {
            return current; // this very request, run again after a crash that followed its write
        }
        Instant at = attempt.receivedAt().truncatedTo(ChronoUnit.MILLIS);
        HistoryEntry entry = new HistoryEntry(at, actor, to.source(), to, reason, attempt.recordId());
        check(current, expected, to);
        if (reopenedOn != null && reopenedOn.isBefore(current.submittedOn())) {
            throw Problem.validation(new FieldError("reopenedOn", "before-submission",
                    "复工日期不能早于申请提交日期 / Must not be before the date the application was submitted"));
        }
        LocalDate eventDate = reopenedOn != null ? reopenedOn : clock.localDate(at);
        store.announce(eventDate, current.district(), id, clock.today(), clock.now());
        Optional<ReopeningApplication> updated = store.apply(new Transition(id, expected, entry, eventDate));
        if (updated.isEmpty()) {
            // the condition failed: one read tells a stale version (409) from an illegal step (422)
            check(get(id), expected, to);
            throw stale();
        }
        if (!to.isOpen()) {
            store.locks().release(current.enterprise().creditCode(), id);
        }
        return updated.get();
    }

    private static void check(ReopeningApplication current, long expected, Status to) {
        if (current.version() != expected) {
            throw stale();
        }
        if (!current.status().canBecome(to)) {
            throw Problem.unprocessable("illegal-transition",
                    "当前状态 " + current.status() + " 不能变更为 " + to + " / An application in status "
                            + current.status() + " cannot become " + to)
                    .with("currentStatus", current.status().name())
                    .with("currentVersion", current.version());
        }
    }

    private static Problem stale() {
        return Problem.conflict("stale-version",
                "申请已被他人修改，请刷新后重试 / The application has changed; reload it and try again");
    }

    public ReopeningApplication get(String id) {
        Optional<ReopeningApplication> found = ID.matcher(id).matches() ? store.find(id) : Optional.empty();
        return found.orElseThrow(() -> Problem.notFound("未找到该复工复产申请 / No such reopening application"));
    }

    /** A page of the staff list, newest first. */
    public record Page(List<ReopeningApplication> items, Optional<String> nextToken) {
    }

    public Page list(Optional<String> district, Optional<Status> status, int limit, Optional<String> nextToken) {
        List<String> codes = district.map(List::of).orElseGet(() -> districts.all().stream().map(District::code).toList());
        Map<String, String> positions = new LinkedHashMap<>();
        if (nextToken.isPresent()) {
            positions.putAll(PageToken.decode(nextToken.get(), codes));
        } else {
            codes.forEach(code -> positions.put(code, ""));
        }
        // one query per district, merged: the newest `limit` across all of them
        Map<String, Slice> slices = new LinkedHashMap<>();
        List<ReopeningApplication> merged = new ArrayList<>();
        positions.forEach((code, after) -> {
            Slice slice = store.slice(code, status, limit, after);
            slices.put(code, slice);
            merged.addAll(slice.items());
        });
        merged.sort(Comparator.comparing(ReopeningApplications::position).reversed());
        List<ReopeningApplication> page = List.copyOf(merged.subList(0, Math.min(limit, merged.size())));

        Map<String, String> next = new LinkedHashMap<>();
        slices.forEach((code, slice) -> {
            List<ReopeningApplication> taken = page.stream().filter(a -> a.district().equals(code)).toList();
            if (slice.more() || taken.size() < slice.items().size()) {
                next.put(code, taken.isEmpty() ? positions.get(code)
                        : ReopeningApplications.position(taken.get(taken.size() - 1)));
            }
        });
        return new Page(page, next.isEmpty() ? Optional.empty() : Optional.of(PageToken.encode(next)));
    }
}
