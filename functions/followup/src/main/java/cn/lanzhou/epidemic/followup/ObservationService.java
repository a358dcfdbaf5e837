package cn.lanzhou.epidemic.followup;

import cn.lanzhou.epidemic.common.problem.FieldError;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.idempotency.Attempt;
import cn.lanzhou.epidemic.common.log.Log;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.followup.Commands.NewCheck;
import cn.lanzhou.epidemic.followup.Commands.NewObservation;
import cn.lanzhou.epidemic.followup.Commands.ReleaseCommand;
import cn.lanzhou.epidemic.followup.domain.Check;
import cn.lanzhou.epidemic.followup.domain.Observation;
import cn.lanzhou.epidemic.followup.domain.ObservationRules;
import cn.lanzhou.epidemic.followup.domain.Observations;
import cn.lanzhou.epidemic.followup.domain.Outcome;
import cn.lanzhou.epidemic.followup.domain.Page;
import cn.lanzhou.epidemic.followup.domain.Person;
import cn.lanzhou.epidemic.followup.domain.RegistrationIndex;
import cn.lanzhou.epidemic.followup.domain.Release;
import cn.lanzhou.epidemic.followup.domain.SlotRef;
import cn.lanzhou.epidemic.followup.domain.Status;
import cn.lanzhou.epidemic.person.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Observations: one ACTIVE per person (a conditional lock, as reopenings do per enterprise), checks, releases. */
record ObservationService(Observations store, RegistrationIndex registrations, PersonalData personalData, AppClock clock) {
    /** A lock whose observation is not written yet may belong to a creation still running. */
    static final Duration UNWRITTEN_LOCK_GRACE = Duration.ofMinutes(2);

    Observation create(NewObservation command, String actor, Attempt attempt, String requestId) {
        String id = attempt.recordId();
        if (attempt.keyed()) {
            Optional<Observation> written = store.find(id);
            if (written.isPresent()) {
                return written.get();
            }
        }
        Person person = person(command);
        Instant at = attempt.receivedAt().truncatedTo(ChronoUnit.MILLIS);
        lock(person.personKey(), id, at);
        store.announcePeriod(command.startDate(), command.startDate().plusDays(Observation.DAYS), command.district(), id,
                clock.today(), clock.now());
        Observation observation = new Observation(id, person, command.district(), command.placeType(), command.placeCode(),
                command.reason(), command.note(), command.registrationId(), command.startDate(), at, actor,
                Status.ACTIVE, 1, Optional.empty(), List.of());
        if (!store.create(observation)) {
            return store.find(id).orElseThrow();
        }
        Log.info(requestId, "observation started", "observationId", id, "personKey", person.personKey());
        return observation;
    }

    private Person person(NewObservation command) {
        if (command.registrationId().isPresent()) {
            return registrations.byId(command.registrationId().get()).map(r -> r.person())
                    .orElseThrow(() -> Problem.validation(new FieldError("registrationId", "unknown-registration",
                            Commands.UNKNOWN_REGISTRATION)));
        }
        Commands.PersonForm p = command.person().orElseThrow();
        return new Person(personalData.idHash(p.idType(), p.idNumber()), p.name(), p.idType().name(),
                PersonalData.maskIdNumber(p.idNumber()), PersonalData.maskPhone(p.phone()));
    }

    private void lock(String personKey, String id, Instant at) {
        store.locks().acquire(personKey, id, at, holder -> store.find(holder).map(o -> o.status() == Status.ACTIVE),
                UNWRITTEN_LOCK_GRACE, clock::now).ifPresent(holder -> {
                    throw Problem.conflict("active-observation-exists",
                            "此人已在医学观察中 / This person is already under observation").with("existingId", holder);
                });
    }

    Observation addCheck(String id, NewCheck command, String actor, Attempt attempt) {
        Observation current = get(id);
        SlotRef slot = new SlotRef(command.localDate(), command.slot());
        Optional<Check> existing = current.check(slot);
        if (attempt.keyed() && existing.isPresent() && attempt.recordId().equals(existing.get().attemptId())) {
            return current; // this very request, run again after a crash that followed its write
        }
        if (current.status() != Status.ACTIVE) {
            throw released();
        }
        if (!ObservationRules.acceptsCheckOn(current, command.localDate(), clock.today())) {
            throw Problem.unprocessable("outside-period",
                    "检测日期须在观察期内且不晚于今天 / The date must lie within the observation period and not after today")
                    .with("startDate", current.startDate().toString()).with("endDate", current.endDate().toString());
        }
        if (existing.isPresent()) {
            throw slotTaken();
        }
        store.announce(command.localDate(), current.district(), id, clock.today(), clock.now());
        Check check = new Check(slot, command.temperatureCelsius(), command.symptoms(),
                attempt.receivedAt().truncatedTo(ChronoUnit.MILLIS), actor, attempt.recordId());
        switch (store.addCheck(id, check)) {
            case ADDED:
                return get(id);
            case NOT_ACTIVE:
                throw released();
            default:
                throw slotTaken();
        }
    }

    Observation release(String id, ReleaseCommand command, String actor, Attempt attempt) {
        Observation current = get(id);
        if (attempt.keyed() && current.release().map(r -> attempt.recordId().equals(r.attemptId())).orElse(false)) {
            return current;
        }
        check(current, command.expectedVersion());
        LocalDate today = clock.today();
        if (command.outcome() == Outcome.COMPLETED) {
            ObservationRules.Blockers blockers = ObservationRules.toComplete(current, today);
            if (!blockers.none()) {
                throw Problem.unprocessable("not-completable",
                        "观察期未满或前一日两次体温检测未全部正常 / The period has not ended, or the two checks of the day "
                                + "before are not both present and below 37.3 °C")
                        .with("endDate", current.endDate().toString())
                        .with("missing", Views.slots(blockers.missing()))
                        .with("fever", Views.slots(blockers.fever()));
            }
        }
        store.announce(today, current.district(), id, today, clock.now());
        Release release = new Release(command.outcome(), command.reason(), today,
                attempt.receivedAt().truncatedTo(ChronoUnit.MILLIS), actor, attempt.recordId());
        Optional<Observation> updated = store.release(id, command.expectedVersion(), release);
        if (updated.isEmpty()) {
            check(get(id), command.expectedVersion());
            throw stale();
        }
        store.locks().release(current.person().personKey(), id);
        return updated.get();
    }

    private static void check(Observation current, long expected) {
        if (current.version() != expected) {
            throw stale();
        }
        if (current.status() != Status.ACTIVE) {
            throw Problem.unprocessable("illegal-transition", "该医学观察已解除 / This observation has already been released")
                    .with("currentStatus", current.status().name()).with("currentVersion", current.version());
        }
    }

    private static Problem stale() {
        return Problem.conflict("stale-version", "记录已被他人修改，请刷新后重试 / The observation has changed; reload it and try again");
    }

    private static Problem released() {
        return Problem.conflict("observation-released", "该医学观察已解除，不再记录体温 / This observation is released and takes no checks");
    }

    private static Problem slotTaken() {
        return Problem.conflict("check-exists", "该时段已记录体温 / This slot already has a check");
    }

    Observation get(String id) {
        Optional<Observation> found = Commands.ID.matcher(id).matches() ? store.find(id) : Optional.empty();
        return found.orElseThrow(() -> Problem.notFound("未找到该医学观察 / No such observation"));
    }

    Page<Observation> list(Status status, Optional<String> district, Optional<String> siteCode, int limit, Optional<String> after) {
        return store.list(status, district, siteCode, limit, after);
    }
}
