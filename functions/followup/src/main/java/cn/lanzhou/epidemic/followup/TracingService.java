package cn.lanzhou.epidemic.followup;

import cn.lanzhou.epidemic.common.idempotency.Attempt;
import cn.lanzhou.epidemic.common.log.Log;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.followup.Commands.Lookup;
import cn.lanzhou.epidemic.followup.domain.AuditEntry;
import cn.lanzhou.epidemic.followup.domain.AuditLog;
import cn.lanzhou.epidemic.followup.domain.Observation;
import cn.lanzhou.epidemic.followup.domain.Observations;
import cn.lanzhou.epidemic.followup.domain.Page;
import cn.lanzhou.epidemic.followup.domain.RegistrationIndex;
import cn.lanzhou.epidemic.followup.domain.RegistrationRecord;
import cn.lanzhou.epidemic.person.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A person's registrations and observations, a site's day; each answered call is audited first. */
record TracingService(RegistrationIndex registrations, Observations observations, AuditLog audit, PersonalData personalData,
            AppClock clock) {
    static final int MAX_REGISTRATIONS = 200;

    /** What a lookup finds. */
    record Found(String personKey, String idNumberMasked, List<RegistrationRecord> registrations, List<Observation> observations) {
    }

    Found lookup(Lookup command, String actor, Attempt attempt, String requestId) {
        List<String> keys = personalData.idHashes(command.idType(), command.idNumber());
        String personKey = personalData.idHash(command.idType(), command.idNumber());
        List<RegistrationRecord> found = registrations.ofPerson(keys, MAX_REGISTRATIONS);
        Map<String, Observation> byId = new LinkedHashMap<>();
        keys.forEach(k -> observations.ofPerson(k).forEach(o -> byId.put(o.id(), o)));
        List<Observation> theirs = byId.values().stream().sorted(Comparator.comparing(Observation::createdAt).reversed()).toList();
        // the same Idempotency-Key run again writes the same entry (same id and time)
        Instant at = attempt.receivedAt().truncatedTo(ChronoUnit.MILLIS);
        audit.record(new AuditEntry(attempt.recordId(), at, actor, AuditEntry.Action.LOOKUP, Optional.of(personKey),
                Optional.empty(), Optional.empty(), Optional.empty(), command.purpose()), clock.localDate(at));
        Log.info(requestId, "person looked up", "personKey", personKey, "registrations", found.size());
        return new Found(personKey, PersonalData.maskIdNumber(command.idNumber()), found, theirs);
    }

    Page<RegistrationRecord> visits(String siteType, String siteCode, LocalDate date, String purpose, int limit,
            Optional<String> after, String actor, String requestId) {
        Page<RegistrationRecord> page = registrations.atSite(siteType, siteCode, date, limit, after);
        Instant at = clock.now().truncatedTo(ChronoUnit.MILLIS);
        audit.record(new AuditEntry(cn.lanzhou.epidemic.common.model.Ids.random(at), at, actor, AuditEntry.Action.VISITS,
                Optional.empty(), Optional.of(siteType), Optional.of(siteCode), Optional.of(date), purpose), clock.localDate(at));
        Log.info(requestId, "site visits read", "siteType", siteType, "date", date.toString(), "items", page.items().size());
        return page;
    }

    Page<AuditEntry> audit(LocalDate date, int limit, Optional<String> after) {
        return audit.of(date, limit, after);
    }
}
