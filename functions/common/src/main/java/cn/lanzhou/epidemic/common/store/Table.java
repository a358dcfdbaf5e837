package cn.lanzhou.epidemic.common.store;

import cn.lanzhou.epidemic.common.model.Ids;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The schema of the one data table, for every function that writes it and for the daily report that
 * reads it: key formats, the shard rule and attribute names, each spelt here once (the items are
 * drawn in docs/registrations.md, docs/donations.md, docs/reopenings.md and docs/reports.md). An attribute that several kinds of item carry is declared at the top; the others
 * under their item. The table's key is {@value #PK}/{@value #SK}; index {@value #GSI1} is keyed
 * {@value #GSI1PK}/{@value #GSI1SK} (template.yaml, checked by TableSchemaTest).
 */
public final class Table {
    private Table() {
    }

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "gsi1pk";
    public static final String GSI1SK = "gsi1sk";

    // ---- attributes of more than one kind of item (and names inside their maps)
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String STATUS = "status";
    public static final String DISTRICT = "district";
    public static final String LOCAL_DATE = "localDate";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String STARTED_AT = "startedAt";
    public static final String REASON = "reason";
    public static final String FEVER = "fever";
    public static final String VEHICLES = "vehicles";
    public static final String REGISTRATIONS = "registrations";
    public static final String DONATIONS = "donations";
    public static final String FUNDS = "funds";
    public static final String MATERIALS_VALUE = "materialsValue";
    public static final String REOPENED = "reopened";
    public static final String ITEMS = "items";

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

    /** A registration: {@code pk = REG#{localDate}#{shard}}, {@code sk = {id}}. */
    public static final class RegistrationItem {
        private RegistrationItem() {
        }

        public static String pk(LocalDate localDate, int shard) {
            return "REG#" + localDate + "#" + shard;
        }

        public static final String OCCURRED_AT = "occurredAt";
        public static final String SITE_TYPE = "siteType";
        public static final String SITE_CODE = "siteCode";
        public static final String ID_TYPE = "idType";
        public static final String ID_HASH = "idHash";
        public static final String ID_NUMBER_MASKED = "idNumberMasked";
        public static final String PHONE_HASH = "phoneHash";
        public static final String PHONE_MASKED = "phoneMasked";
        public static final String VEHICLE_PLATE = "vehiclePlate";
        public static final String ORIGIN = "origin";
        public static final String TRAVEL_HISTORY = "travelHistory";
        public static final String CONTACT_WITH_CASES = "contactWithCases";
        public static final String TEMPERATURE = "temperatureCelsius";
        public static final String SYMPTOMS = "symptoms";
        public static final String COHABITANTS_UNWELL = "cohabitantsUnwell";
        public static final String RISK_LEVEL = "riskLevel";
        public static final String ISOLATION_UNTIL = "isolationUntil";
        public static final String CONSENT_AT = "consentAt";
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

        public static final String RECEIPT_SK = "RECEIPT";
        public static final String RECEIPT_NUMBER = "receiptNumber";
        public static final String KIND = "kind";
        public static final String VALUE = "value";
        public static final String AMOUNT = "amount";
        public static final String CATEGORY = "category";
        public static final String QUANTITY = "quantity";
        public static final String UNIT = "unit";
        public static final String UNIT_VALUE = "unitValue";
        public static final String DONOR_TYPE = "donorType";
        public static final String DONOR_NAME = "donorName";
        public static final String ANONYMOUS = "anonymous";
        public static final String DONOR_PHONE_MASKED = "donorPhoneMasked";
        public static final String RECIPIENT = "recipient";
        public static final String NOTE = "note";
        public static final String DONATION_ID = "donationId";
        public static final String RESERVED_AT = "reservedAt";
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

        public static String eventSk(String district, String applicationId) {
            return district + "#" + applicationId;
        }

        /** The application id of an {@link #eventSk} value. */
        public static String eventApplication(String sk) {
            return sk.substring(sk.lastIndexOf('#') + 1);
        }

        public static final String SK_VALUE = "APP";
        public static final String LOCK_SK = "OPEN";
        public static final String VERSION = "version";
        public static final String STREET = "street";
        public static final String ENTERPRISE = "enterprise";
        public static final String CREDIT_CODE = "creditCode";
        public static final String INDUSTRY = "industry";
        public static final String ABOVE_DESIGNATED_SIZE = "aboveDesignatedSize";
        public static final String EMPLOYEES = "employees";
        public static final String CONTACT = "contact";
        public static final String PHONE = "phone";
        public static final String PLANNED_DATE = "plannedDate";
        public static final String RETURNING = "returningEmployees";
        public static final String FROM_HUBEI = "employeesFromHubei";
        public static final String PREVENTION = "prevention";
        public static final String RESPONSIBLE_PERSON = "responsiblePerson";
        public static final String DISINFECTIONS_PER_DAY = "disinfectionsPerDay";
        public static final String ENTRY_STEPS = "entrySteps";
        public static final String MASKS_IN_STOCK = "masksInStock";
        public static final String THERMOMETERS = "thermometers";
        public static final String EMERGENCY_PLAN = "emergencyPlan";
        public static final String DIFFICULTIES = "difficulties";
        public static final String DIFFICULTY_NOTE = "difficultyNote";
        public static final String READINESS = "readiness";
        public static final String READY = "ready";
        public static final String MISSING = "missing";
        public static final String SUBMITTED_AT = "submittedAt";
        public static final String SUBMITTED_ON = "submittedOn";
        public static final String DECIDED_AT = "decidedAt";
        public static final String DECIDED_ON = "decidedOn";
        public static final String REOPENED_ON = "reopenedOn";
        public static final String HISTORY = "history";
        public static final String AT = "at";
        public static final String ACTOR = "actor";
        public static final String FROM = "from";
        public static final String TO = "to";
        public static final String ATTEMPT_ID = "attemptId";
        public static final String APP_ID = "appId";
        public static final String LOCKED_AT = "lockedAt";
    }

    /** A day whose figures changed after it was over: {@code pk = CHANGED}, {@code sk = {date}}. */
    public static final class ChangeItem {
        private ChangeItem() {
        }

        public static final String PK_VALUE = "CHANGED";
        public static final String CHANGED_AT = "changedAt";
    }

    /**
     * The report's figures of a day, written and read by the summary function only:
     * {@code pk = AGG}, {@code sk = {date}}; a map per district, and the city's trend.
     */
    public static final class AggregateItem {
        private AggregateItem() {
        }

        public static final String PK_VALUE = "AGG";
        public static final String COMPILED_AT = "compiledAt";
        public static final String DISTRICTS = "districts";
        public static final String TREND = "trend";
        public static final String DATE = "date";
        public static final String HIGH_RISK = "highRisk";
        public static final String MEDIUM_RISK = "mediumRisk";
        public static final String LOW_RISK = "lowRisk";
        public static final String SUBMITTED = "submitted";
        public static final String APPROVED = "approved";
        public static final String REJECTED = "rejected";
        public static final String ABOVE_SIZE_REOPENED = "aboveSizeReopened";
        public static final String CUM_REGISTRATIONS = "cumRegistrations";
        public static final String CUM_FUNDS = "cumFunds";
        public static final String CUM_MATERIALS_VALUE = "cumMaterialsValue";
        public static final String CUM_SUBMITTED = "cumSubmitted";
        public static final String CUM_APPROVED = "cumApproved";
        public static final String CUM_REJECTED = "cumRejected";
        public static final String CUM_ABOVE_SIZE_REOPENED = "cumAboveSizeReopened";
    }

    /**
     * The record of an idempotency key, in a table of its own keyed {@value #PK} alone: the SHA-256 of
     * route and key, so no key text is stored; {@value #EXPIRES_AT} (epoch seconds) is its TTL attribute.
     */
    public static final class IdempotencyItem {
        private IdempotencyItem() {
        }

        public static final String FINGERPRINT = "fingerprint";
        public static final String LEASE_UNTIL = "leaseUntil";
        public static final String EXPIRES_AT = "expiresAt";
        public static final String BODY = "body";
    }

    /** A key no record has: the harmless read that primes a client before the SnapStart snapshot. */
    public static final String PRIMING_PK = "PRIMING#";
}
