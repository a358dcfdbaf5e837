package cn.lanzhou.epidemic.reopening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.store.Locks;
import cn.lanzhou.epidemic.common.idempotency.Attempt;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.Ids;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.validation.Errors;
import cn.lanzhou.epidemic.common.validation.Fields;
import cn.lanzhou.epidemic.reopening.domain.ApplicationForm;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplications;
import cn.lanzhou.epidemic.reopening.domain.StaffCommands;
import cn.lanzhou.epidemic.reopening.domain.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReopeningServiceTest {
    private final InMemoryReopeningApplications store = new InMemoryReopeningApplications();
    private final ReopeningService service = new ReopeningService(store, Fixtures.districts(), Fixtures.clock());

    private static ApplicationForm form(String creditCode) throws Exception {
        Fields fields = Fields.root(Json.parse(Fixtures.body(creditCode)), false, new Errors());
        return ApplicationForm.read(fields, Fixtures.districts(), LocalDate.parse("2020-02-13"));
    }

    private static Attempt attempt() {
        return new Attempt(Ids.random(Fixtures.NOW), Fixtures.NOW, false);
    }

    private ReopeningApplication submit(String creditCode) throws Exception {
        return service.submit(form(creditCode), attempt());
    }

    private static StaffCommands.Decision approve(long version) {
        return new StaffCommands.Decision(Status.APPROVED, null, version);
    }

    private static StaffCommands.Decision reject(long version) {
        return new StaffCommands.Decision(Status.REJECTED, "防疫物资不足", version);
    }

    private static int status(Runnable action) {
        return assertThrows(Problem.class, action::run).status();
    }

    @Test
    void aSubmissionStartsAtVersionOneWithTheApplicantInItsHistoryAndAReportPointer() throws Exception {
        ReopeningApplication app = submit(Fixtures.CREDIT_CODE);
        assertEquals(Status.SUBMITTED, app.status());
        assertEquals(1, app.version());
        assertEquals("applicant", app.history().get(0).actor());
        assertEquals(LocalDate.parse("2020-02-13"), app.submittedOn());
        assertTrue(store.pointers.contains("REOEV#2020-02-13/chengguan#" + app.id()));
        assertEquals(app.id(), store.locks.held.get(Fixtures.CREDIT_CODE).holder());
    }

    @Test
    void aSecondOpenApplicationOfTheSameEnterpriseIsAConflictNamingTheFirst() throws Exception {
        ReopeningApplication first = submit(Fixtures.CREDIT_CODE);
        Problem problem = assertThrows(Problem.class, () -> submit(Fixtures.CREDIT_CODE));
        assertEquals(409, problem.status());
        assertEquals(first.id(), problem.body(null).get("existingId").asText());
        service.decide(first.id(), approve(1), "staff-1", attempt());
        assertEquals(409, assertThrows(Problem.class, () -> submit(Fixtures.CREDIT_CODE)).status());
        submit(Fixtures.OTHER_CREDIT_CODE); // another enterprise is not affected
    }

    @Test
    void afterRejectionOrReopeningTheEnterpriseMayApplyAgain() throws Exception {
        ReopeningApplication first = submit(Fixtures.CREDIT_CODE);
        service.decide(first.id(), reject(1), "staff-1", attempt());
        ReopeningApplication second = submit(Fixtures.CREDIT_CODE);
        service.decide(second.id(), approve(1), "staff-1", attempt());
        service.markReopened(second.id(), new StaffCommands.Reopened(LocalDate.parse("2020-02-13"), 2), "staff-1", attempt());
        ReopeningApplication third = submit(Fixtures.CREDIT_CODE);
        assertEquals(third.id(), store.locks.held.get(Fixtures.CREDIT_CODE).holder());
    }

    @Test
    void aStaleLockWhoseApplicationIsClosedIsTakenOver() throws Exception {
        ReopeningApplication first = submit(Fixtures.CREDIT_CODE);
        service.decide(first.id(), reject(1), "staff-1", attempt());
        // as if the release after the rejection had been lost in a crash
        store.locks.held.put(Fixtures.CREDIT_CODE, new Locks.Held(first.id(), Fixtures.NOW));
        ReopeningApplication second = submit(Fixtures.CREDIT_CODE);
        assertEquals(second.id(), store.locks.held.get(Fixtures.CREDIT_CODE).holder());
    }

    @Test
    void aLockWithoutItsApplicationIsRespectedForAWhileThenTakenOver() throws Exception {
        store.locks.held.put(Fixtures.CREDIT_CODE, new Locks.Held("01ARZ3NDEKTSV4RRFFQ69G5FAV", Fixtures.NOW));
        assertEquals(409, assertThrows(Problem.class, () -> submit(Fixtures.CREDIT_CODE)).status());
        store.locks.held.put(Fixtures.CREDIT_CODE, new Locks.Held("01ARZ3NDEKTSV4RRFFQ69G5FAV",
                Fixtures.NOW.minus(ReopeningService.UNWRITTEN_LOCK_GRACE).minusSeconds(1)));
        ReopeningApplication app = submit(Fixtures.CREDIT_CODE);
        assertEquals(app.id(), store.locks.held.get(Fixtures.CREDIT_CODE).holder());
    }

    @Test
    void aKeyedSubmissionRunAgainAfterACrashFindsWhatItWroteInsteadOfDuplicating() throws Exception {
        Attempt keyed = new Attempt(Ids.derived(Fixtures.NOW, "key"), Fixtures.NOW, true);
        // the first run took the lock and died before writing the application
        store.locks.take(Fixtures.CREDIT_CODE, keyed.recordId(), Fixtures.NOW);
        ReopeningApplication app = service.submit(form(Fixtures.CREDIT_CODE), keyed);
        assertEquals(keyed.recordId(), app.id());
        assertEquals(app, service.submit(form(Fixtures.CREDIT_CODE), keyed));
        assertEquals(1, store.applications.size());
    }

    @Test
    void theWorkflowRecordsEachStepWithActorTimeAndReason() throws Exception {
        ReopeningApplication app = submit(Fixtures.CREDIT_CODE);
        ReopeningApplication approved = service.decide(app.id(), approve(1), "staff-7", attempt());
        assertEquals(Status.APPROVED, approved.status());
        assertEquals(2, approved.version());
        assertEquals(Fixtures.NOW, approved.decidedAt());
        ReopeningApplication reopened = service.markReopened(app.id(),
                new StaffCommands.Reopened(LocalDate.parse("2020-02-13"), 2), "staff-8", attempt());
        assertEquals(Status.REOPENED, reopened.status());
        assertEquals(3, reopened.version());
        assertEquals(LocalDate.parse("2020-02-13"), reopened.reopenedOn());
        var history = reopened.history();
        assertEquals(List.of(Status.SUBMITTED, Status.APPROVED, Status.REOPENED), history.stream().map(h -> h.to()).toList());
        assertEquals(List.of("applicant", "staff-7", "staff-8"), history.stream().map(h -> h.actor()).toList());
        assertEquals(Status.SUBMITTED, history.get(1).from());
        assertTrue(store.locks.held.isEmpty(), "the lock is released when the enterprise has reopened");
    }

    @Test
    void aRejectionKeepsItsReason() throws Exception {
        ReopeningApplication app = submit(Fixtures.CREDIT_CODE);
        ReopeningApplication rejected = service.decide(app.id(), reject(1), "staff-1", attempt());
        assertEquals("防疫物资不足", rejected.reason());
        assertEquals("防疫物资不足", rejected.history().get(1).reason());
        assertTrue(store.locks.held.isEmpty());
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() throws Exception {
        ReopeningApplication app = submit(Fixtures.CREDIT_CODE);
        service.decide(app.id(), approve(1), "staff-1", attempt());
        assertEquals(409, status(() -> service.decide(app.id(), reject(1), "staff-2", attempt())));
        assertEquals(409, status(() -> service.markReopened(app.id(),
                new StaffCommands.Reopened(LocalDate.parse("2020-02-13"), 1), "staff-2", attempt())));
        assertEquals(2, store.applications.get(app.id()).version());
        assertEquals(Status.APPROVED, store.applications.get(app.id()).status());
    }

    @Test
    void anIllegalTransitionAtTheCurrentVersionIsUnprocessable() throws Exception {
        ReopeningApplication app = submit(Fixtures.CREDIT_CODE);
        assertEquals(422, status(() -> service.markReopened(app.id(),
                new StaffCommands.Reopened(LocalDate.parse("2020-02-13"), 1), "staff-1", attempt())));
        service.decide(app.id(), reject(1), "staff-1", attempt());
        assertEquals(422, status(() -> service.decide(app.id(), approve(2), "staff-1", attempt())));
        assertEquals(422, status(() -> service.markReopened(app.id(),
                new StaffCommands.Reopened(LocalDate.parse("2020-02-13"), 2), "staff-1", attempt())));
        assertEquals(2, store.applications.get(app.id()).version());
    }

    @Test
    void reopeningDatedBeforeTheSubmissionIsRejected() throws Exception {
        ReopeningApplication app = submit(Fixtures.CREDIT_CODE);
        service.decide(app.id(), approve(1), "staff-1", attempt());
        assertEquals(400, status(() -> service.markReopened(app.id(),
                new StaffCommands.Reopened(LocalDate.parse("2020-02-12"), 2), "staff-1", attempt())));
        assertEquals(2, store.applications.get(app.id()).version());
        assertTrue(store.changedDays.isEmpty());
    }

    @Test
    void eventsOnPastDaysGetAReportPointerAndMarkTheDayChanged() throws Exception {
        Instant threeDaysAgo = Instant.parse("2020-02-10T02:00:00Z");
        ReopeningApplication app = service.submit(form(Fixtures.CREDIT_CODE),
                new Attempt(Ids.derived(threeDaysAgo, "late"), threeDaysAgo, true));
        service.decide(app.id(), approve(1), "staff-1", attempt());
        service.markReopened(app.id(), new StaffCommands.Reopened(LocalDate.parse("2020-02-11"), 2), "staff-1", attempt());
        assertEquals(List.of(LocalDate.parse("2020-02-10"), LocalDate.parse("2020-02-11")), List.copyOf(store.changedDays));
        assertEquals(List.of("REOEV#2020-02-10/chengguan#" + app.id(), "REOEV#2020-02-13/chengguan#" + app.id(),
                "REOEV#2020-02-11/chengguan#" + app.id()), List.copyOf(store.pointers));
    }

    @Test
    void aStaffRequestRunAgainAfterACrashRecognisesItsOwnStep() throws Exception {
        ReopeningApplication app = submit(Fixtures.CREDIT_CODE);
        Attempt keyed = new Attempt(Ids.derived(Fixtures.NOW, "decide"), Fixtures.NOW, true);
        ReopeningApplication first = service.decide(app.id(), approve(1), "staff-1", keyed);
        assertEquals(first, service.decide(app.id(), approve(1), "staff-1", keyed));
        assertEquals(1, store.transitionsApplied);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        assertEquals(404, status(() -> service.get("01ARZ3NDEKTSV4RRFFQ69G5FAV")));
        assertEquals(404, status(() -> service.get("../../etc")));
        assertEquals(404, status(() -> service.decide("01ARZ3NDEKTSV4RRFFQ69G5FAV", approve(1), "s", attempt())));
    }

    @Test
    void twentyConcurrentDecisionsOnOneVersionMakeExactlyOneTransitionAndNineteenConflicts() throws Exception {
        ReopeningApplication app = submit(Fixtures.CREDIT_CODE);
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            StaffCommands.Decision decision = i % 2 == 0 ? approve(1) : reject(1);
            String actor = "staff-" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    service.decide(app.id(), decision, actor, new Attempt(Ids.random(Instant.now()), Instant.now(), true));
                    return 200;
                } catch (Problem p) {
                    return p.status();
                }
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, store.transitionsApplied);
        ReopeningApplication after = store.applications.get(app.id());
        assertEquals(2, after.version());
        assertEquals(2, after.history().size());
        assertNotEquals(Status.SUBMITTED, after.status());
    }
}
