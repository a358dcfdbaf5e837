package cn.lanzhou.epidemic.followup.domain;

import cn.lanzhou.epidemic.common.store.Locks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where observations are kept, with the one-ACTIVE-per-person lock. */
public interface Observations {
    /** What became of a check. */
    enum CheckWrite { ADDED, SLOT_TAKEN, NOT_ACTIVE }

    /** Each person's one-ACTIVE lock, keyed by person key, held by an observation id. */
    Locks locks();

    /** A daily-report pointer: this observation has an event (start, check, release) on {@code date}. */
    void announce(LocalDate date, String district, String observationId, LocalDate today, Instant now);

    /**
     * The daily-report pointers of every day from {@code from} to {@code to}: the report counts the
     * slots an active observation missed on a day it has no other event.
     */
    void announcePeriod(LocalDate from, LocalDate to, String district, String observationId, LocalDate today, Instant now);

    /** Stores a new observation unless its id is already stored; true when this call stored it. */
    boolean create(Observation observation);

    Optional<Observation> find(String id);

    /** Every observation of the person, newest first. */
    List<Observation> ofPerson(String personKey);

    /** Adds the check if the observation is ACTIVE and the slot free, in one conditional write. */
    CheckWrite addCheck(String id, Check check);

    /** Releases the observation if it is ACTIVE at {@code expectedVersion}; empty when that condition failed. */
    Optional<Observation> release(String id, long expectedVersion, Release release);

    /** Newest first by creation, of one status, optionally of one district and site. */
    Page<Observation> list(Status status, Optional<String> district, Optional<String> siteCode, int limit,
            Optional<String> after);
}
