package cn.lanzhou.epidemic.reopening.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An enterprise's application to resume work and production (复工复产), with its workflow state. */
public record ReopeningApplication(
        String id,
        Enterprise enterprise,
        String district,
        String street,
        Contact contact,
        LocalDate plannedDate,
        long returningEmployees,
        long employeesFromHubei,
        Prevention prevention,
        Set<Difficulty> difficulties,
        String difficultyNote,
        Readiness readiness,
        Status status,
        long version,
        Instant submittedAt,
        LocalDate submittedOn,
        Instant decidedAt,
        LocalDate decidedOn,
        String reason,
        LocalDate reopenedOn,
        List<HistoryEntry> history) {

    public static final String APPLICANT = "applicant";

    public enum EntryStep { MASK, TEMPERATURE, DISINFECTION, HEALTH_FORM, CONSENT, PASS }

    public enum Difficulty { FUNDING, TRANSPORT, LABOR, SUPPLIES, OTHER }

    public record Enterprise(String name, String creditCode, String industry, boolean aboveDesignatedSize, long employees) {
    }

    /** The applicant's contact person: staff call this number about the application, so it is kept in full. */
    public record Contact(String name, String phone) {
    }

    public record Prevention(String responsiblePerson, int disinfectionsPerDay, Set<EntryStep> entrySteps,
            long masksInStock, long thermometers, boolean emergencyPlan) {
    }

    /**
     * One step of the workflow; {@code from} is null for the submission. {@code attemptId} (never
     * shown) identifies the request that wrote it, so that the same request run again after a crash
     * recognises its own step.
     */
    public record HistoryEntry(Instant at, String actor, Status from, Status to, String reason, String attemptId) {
    }

    /** A new application as submitted: version 1, its history the submission. */
    public static ReopeningApplication submitted(String id, ApplicationForm form, Instant at, LocalDate on) {
        return new ReopeningApplication(id, form.enterprise(), form.district(), form.street(), form.contact(),
                form.plannedDate(), form.returningEmployees(), form.employeesFromHubei(), form.prevention(),
                form.difficulties(), form.difficultyNote(), Readiness.of(form.prevention()), Status.SUBMITTED, 1,
                at, on, null, null, null, null,
                List.of(new HistoryEntry(at, APPLICANT, null, Status.SUBMITTED, null, id)));
    }

    /** This application after {@code transition}: what the store's conditional update writes. */
    public ReopeningApplication after(Transition transition) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(transition.entry());
        boolean decision = transition.entry().to() != Status.REOPENED;
        return new ReopeningApplication(id, enterprise, district, street, contact, plannedDate, returningEmployees,
                employeesFromHubei, prevention, difficulties, difficultyNote, readiness, transition.entry().to(),
                version + 1, submittedAt, submittedOn,
                decision ? transition.entry().at() : decidedAt,
                decision ? transition.eventDate() : decidedOn,
                decision && transition.entry().reason() != null ? transition.entry().reason() : reason,
                decision ? reopenedOn : transition.eventDate(),
                List.copyOf(longer));
    }
}
