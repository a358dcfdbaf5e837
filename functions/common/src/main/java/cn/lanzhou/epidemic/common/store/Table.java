package cn.lanzhou.epidemic.common.store;

import cn.lanzhou.epidemic.common.model.Ids;
import cn.lanzhou.epidemic.common.time.UtcMillis;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The schema of the one data table, for every function that writes it and for the daily report that
 * reads it: key formats, the shard rule and attribute names, each spelt here once (the items are
 * drawn in docs/registrations.md, docs/donations.md, docs/reopenings.md, docs/followup.md and docs/reports.md). An attribute that several kinds of item carry is declared at the top; the others
 * under their item. The table's key is {@value #PK}/{@value #SK}; index {@value #GSI1} is keyed
 * {@value #GSI1PK}/{@value #GSI1SK} (template.yaml, checked by TableSchemaTest).
 */
public final class Table {
    private Table() {
    }

    public static final String PK = "pk", SK = "sk", GSI1 = "GSI1", GSI1PK = "gsi1pk", GSI1SK = "gsi1sk";

    // ---- attributes of more than one kind of item (and names inside their maps)
    public static final String ID = "id", NAME = "name", STATUS = "status", DISTRICT = "district",
            LOCAL_DATE = "localDate", RECEIVED_AT = "receivedAt", STARTED_AT = "startedAt", REASON = "reason",
            FEVER = "fever", VEHICLES = "vehicles", REGISTRATIONS = "registrations", DONATIONS = "donations",
            FUNDS = "funds", MATERIALS_VALUE = "materialsValue", REOPENED = "reopened", ITEMS = "items",
            SITE_TYPE = "siteType", SITE_CODE = "siteCode", ID_TYPE = "idType", ID_HASH = "idHash",
            ID_NUMBER_MASKED = "idNumberMasked", PHONE_MASKED = "phoneMasked", TEMPERATURE = "temperatureCelsius",
            SYMPTOMS = "symptoms", NOTE = "note", VERSION = "version", AT = "at", ACTOR = "actor",
            ATTEMPT_ID = "attemptId", LOCKED_AT = "lockedAt", DATE = "date";

    /** The sort key of a day's pointer to the record of an event (a reopening's, an observation's). */
    public static String eventSk(String district, String recordId) {
        return district + "#" + recordId;
    }

    /** The record id of an {@link #eventSk} value. */
    public static String eventRecord(String sk) {
        return sk.substring(sk.lastIndexOf('#') + 1);
    }

    /**
     * A day's registrations and donations from the whole city are spread over this many partitions by
     * record id (each takes 1,000 writes a second); the report reads a day with one Query per shard.
     * Writers and the report must agree, so it is fixed before the first deployment (docs/registrations.md).
     */
    public static final int SHARDS = 4;

    /** The shard of the record with this id: the first byte of its SHA-256, modulo {@value #SHARDS}. */
    public static int shard(String id) {
        return (Ids.sha256(id.getBytes(StandardCharsets.UTF_8))[0] & 0xff) % SHARDS;
    }

    /**
     * A registration: {@code pk = REG#{localDate}#{shard}}, {@code sk = {id}}; in the sparse tracing
     * indexes (docs/followup.md) by person ({@value #ID_HASH}, {@value #OCCURRED_KEY}) and by site and
     * day ({@value #SITE_DAY}, {@value #OCCURRED_KEY}): only registrations carry those keys.
     */
    public static final class RegistrationItem {
        private RegistrationItem() {
        }

        public static String pk(LocalDate localDate, int shard) {
            return "REG#" + localDate + "#" + shard;
        }

        public static String siteDay(String siteType, String siteCode, LocalDate localDate) {
            return siteType + "#" + siteCode + "#" + localDate;
        }

        /** UTC with milliseconds always written, then the id: text order is time order, ties broken by id. */
        public static String occurredKey(Instant occurredAt, String id) {
            return UtcMillis.format(occurredAt) + "#" + id;
        }

        public static final String BY_PERSON_INDEX = "ByPerson", BY_SITE_DAY_INDEX = "BySiteDay";
        public static final String OCCURRED_AT = "occurredAt", PHONE_HASH = "phoneHash", VEHICLE_PLATE = "vehiclePlate",
                ORIGIN = "origin", TRAVEL_HISTORY = "travelHistory", CONTACT_WITH_CASES = "contactWithCases",
                COHABITANTS_UNWELL = "cohabitantsUnwell", RISK_LEVEL = "riskLevel", ISOLATION_UNTIL = "isolationUntil",
                CONSENT_AT = "consentAt", SITE_DAY = "siteDay", OCCURRED_KEY = "occurredKey";
    }

    /**
     * A donation: {@code pk = DON#{localDate}#{shard}}, {@code sk = {id}}, money as exact numbers; and
     * the reservation of its receipt number: {@code pk = RECEIPT#{number}}, {@code sk = RECEIPT}.
     */
    public static final class DonationItem {
        private DonationItem() {
        }

        public static String pk(LocalDate localDate, int shard) {
            return "DON#" + localDate + "#" + shard;
        }

        public static String receiptPk(String receiptNumber) {
            return "RECEIPT#" + receiptNumber;
        }

        public static final String RECEIPT_SK = "RECEIPT", RECEIPT_NUMBER = "receiptNumber", KIND = "kind",
                VALUE = "value", AMOUNT = "amount", CATEGORY = "category", QUANTITY = "quantity", UNIT = "unit",
                UNIT_VALUE = "unitValue", DONOR_TYPE = "donorType", DONOR_NAME = "donorName",
                ANONYMOUS = "anonymous", DONOR_PHONE_MASKED = "donorPhoneMasked", RECIPIENT = "recipient",
                DONATION_ID = "donationId", RESERVED_AT = "reservedAt";
    }

    /**
     * A reopening application: {@code pk = APP#{id}}, {@code sk = APP}, listed by district through
     * {@value #GSI1} ({@code APPS#{district}}, {@code {submittedAt}#{id}}); the lock of an enterprise's
     * open application: {@code pk = ENT#{creditCode}}, {@code sk = OPEN}; the report's pointer to a
     * day's events: {@code pk = REOEV#{date}}, {@code sk = {district}#{appId}}.
     */
    public static final class ApplicationItem {
        private ApplicationItem() {
        }

        private static final String PREFIX = "APP#";

        public static String pk(String id) {
            return PREFIX + id;
        }

        /** The application id of a {@link #pk} value. */
        public static String id(String pk) {
            return pk.substring(PREFIX.length());
        }

        public static String listPk(String district) {
            return "APPS#" + district;
        }

        public static String lockPk(String creditCode) {
            return "ENT#" + creditCode;
        }

        public static String eventsPk(LocalDate date) {
            return "REOEV#" + date;
        }

        public static final String SK_VALUE = "APP", LOCK_SK = "OPEN", STREET = "street",
                ENTERPRISE = "enterprise", CREDIT_CODE = "creditCode", INDUSTRY = "industry",
                ABOVE_DESIGNATED_SIZE = "aboveDesignatedSize", EMPLOYEES = "employees", CONTACT = "contact",
                PHONE = "phone", PLANNED_DATE = "plannedDate", RETURNING = "returningEmployees",
                FROM_HUBEI = "employeesFromHubei", PREVENTION = "prevention",
                RESPONSIBLE_PERSON = "responsiblePerson", DISINFECTIONS_PER_DAY = "disinfectionsPerDay",
                ENTRY_STEPS = "entrySteps", MASKS_IN_STOCK = "masksInStock", THERMOMETERS = "thermometers",
                EMERGENCY_PLAN = "emergencyPlan", DIFFICULTIES = "difficulties", DIFFICULTY_NOTE = "difficultyNote",
                READINESS = "readiness", READY = "ready", MISSING = "missing", SUBMITTED_AT = "submittedAt",
                SUBMITTED_ON = "submittedOn", DECIDED_AT = "decidedAt", DECIDED_ON = "decidedOn",
                REOPENED_ON = "reopenedOn", HISTORY = "history", FROM = "from", TO = "to", APP_ID = "appId";
    }

    /** A day whose figures changed after it was over: {@code pk = CHANGED}, {@code sk = {date}}. */
    public static final class ChangeItem {
        private ChangeItem() {
        }

        public static final String PK_VALUE = "CHANGED", CHANGED_AT = "changedAt";
    }

    /**
     * The report's figures of a day, written and read by the summary function only:
     * {@code pk = AGG}, {@code sk = {date}}; a map per district, and the city's trend.
     */
    public static final class AggregateItem {
        private AggregateItem() {
        }

        public static final String PK_VALUE = "AGG", COMPILED_AT = "compiledAt", DISTRICTS = "districts",
                TREND = "trend", HIGH_RISK = "highRisk", MEDIUM_RISK = "mediumRisk",
                LOW_RISK = "lowRisk", SUBMITTED = "submitted", APPROVED = "approved", REJECTED = "rejected",
                ABOVE_SIZE_REOPENED = "aboveSizeReopened", CUM_REGISTRATIONS = "cumRegistrations",
                CUM_FUNDS = "cumFunds", CUM_MATERIALS_VALUE = "cumMaterialsValue", CUM_SUBMITTED = "cumSubmitted",
                CUM_APPROVED = "cumApproved", CUM_REJECTED = "cumRejected",
                CUM_ABOVE_SIZE_REOPENED = "cumAboveSizeReopened", OBS_STARTED = "observationsStarted",
                OBS_COMPLETED = "observationsCompleted", OBS_TRANSFERRED = "observationsTransferred",
                OBS_ENDED_EARLY = "observationsEndedEarly", OBS_CHECKS = "observationChecks", FEVER_CHECKS = "feverChecks",
                MISSED_CHECKS = "missedChecks", CUM_OBS_STARTED = "cumObservationsStarted",
                CUM_OBS_RELEASED = "cumObservationsReleased", ACTIVE_OBSERVATIONS = "activeObservations";
    }

    /**
     * The record of an idempotency key, in a table of its own keyed {@value #PK} alone: the SHA-256 of
     * route and key, so no key text is stored; {@value #EXPIRES_AT} (epoch seconds) is its TTL attribute.
     */
    public static final class IdempotencyItem {
        private IdempotencyItem() {
        }

        public static final String FINGERPRINT = "fingerprint", LEASE_UNTIL = "leaseUntil", EXPIRES_AT = "expiresAt",
                BODY = "body";
    }

    /**
     * A 14-day observation: {@code pk = OBS#{id}}, {@code sk = OBS}, listed by status through
     * {@value #GSI1} ({@code OBS#{status}}, {@code {createdAt}#{id}}), its checks a map by slot inside it;
     * the lock of a person's active observation {@code pk = PERSON#{personKey}}, {@code sk = ACTIVE}, and
     * beside it the person's observations ({@code sk = OBS#{id}}); the report's pointer to a day's events
     * {@code pk = OBSEV#{date}}, {@code sk = {district}#{id}}.
     */
    public static final class ObservationItem {
        private ObservationItem() {
        }

        private static final String PREFIX = "OBS#";

        public static String pk(String id) {
            return PREFIX + id;
        }

        /** The observation id of a {@link #pk} value. */
        public static String id(String pk) {
            return pk.substring(PREFIX.length());
        }

        /** The {@value #GSI1} partition of the observations in a status; also a person's item of one. */
        public static String withPrefix(String statusOrId) {
            return PREFIX + statusOrId;
        }

        public static String personPk(String personKey) {
            return "PERSON#" + personKey;
        }

        public static String eventsPk(LocalDate date) {
            return "OBSEV#" + date;
        }

        public static final String SK_VALUE = "OBS", LOCK_SK = "ACTIVE", OBS_ID = "obsId", PERSON_KEY = "personKey",
                REGISTRATION_ID = "registrationId", START_DATE = "startDate", END_DATE = "endDate",
                CREATED_AT = "createdAt", CREATED_BY = "createdBy", CHECKS = "checks", OUTCOME = "outcome",
                RELEASE_REASON = "releaseReason", RELEASED_ON = "releasedOn", RELEASED_AT = "releasedAt",
                RELEASED_BY = "releasedBy", RELEASE_ATTEMPT = "releaseAttemptId", RECORDED_AT = "recordedAt",
                RECORDED_BY = "recordedBy";
    }

    /** A tracing call's audit record: {@code pk = AUDIT#{localDate}}, {@code sk = {at}#{id}}; never an identity number. */
    public static final class AuditItem {
        private AuditItem() {
        }

        public static String pk(LocalDate localDate) {
            return "AUDIT#" + localDate;
        }

        public static final String ACTION = "action", PURPOSE = "purpose";
    }

    /** A key no record has: the harmless read that primes a client before the SnapStart snapshot. */
    public static final String PRIMING_PK = "PRIMING#";
}
