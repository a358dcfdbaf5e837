package cn.lanzhou.epidemic.common.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The two sparse GSIs of the data table that tracing reads, shared by the registration function
 * (which writes their keys with each registration) and the follow-up function (which queries them):
 * <ul>
 * <li>{@value #BY_PERSON}: {@code idHash} (the keyed hash the registration already keeps) and
 *     {@value #OCCURRED_KEY}: a person's registrations, in time order;</li>
 * <li>{@value #BY_SITE_DAY}: {@value #SITE_DAY} = {@code {siteType}#{siteCode}#{localDate}} and
 *     {@value #OCCURRED_KEY}: who passed a site on a local day, in time order.</li>
 * </ul>
 * Only registrations carry these attributes, so nothing else is in the indexes. docs/followup.md.
 */
public final class TracingIndexes {
    public static final String BY_PERSON = "ByPerson";
    public static final String BY_SITE_DAY = "BySiteDay";
    public static final String ID_HASH = "idHash";
    public static final String SITE_DAY = "siteDay";
    public static final String OCCURRED_KEY = "occurredKey";
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TracingIndexes() {
    }

    public static String siteDay(String siteType, String siteCode, LocalDate localDate) {
        return siteType + "#" + siteCode + "#" + localDate;
    }

    /** UTC with milliseconds always written, then the id: text order is time order, ties broken by id. */
    public static String occurredKey(Instant occurredAt, String id) {
        return UTC_MILLIS.format(occurredAt) + "#" + id;
    }
}
