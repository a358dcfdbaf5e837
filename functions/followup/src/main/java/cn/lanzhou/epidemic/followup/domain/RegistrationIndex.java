package cn.lanzhou.epidemic.followup.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Registrations as tracing and observations read them, written by the registration function. */
public interface RegistrationIndex {
    Optional<RegistrationRecord> byId(String id);

    /** The registrations keyed by any of these hashes, newest first, at most {@code max}. */
    List<RegistrationRecord> ofPerson(List<String> personKeys, int max);

    /** Who registered at the site on the local date, in time order. */
    Page<RegistrationRecord> atSite(String siteType, String siteCode, LocalDate date, int limit, Optional<String> after);
}
