package cn.lanzhou.epidemic.registration.store;

import static cn.lanzhou.epidemic.common.store.Attrs.bool;
import static cn.lanzhou.epidemic.common.store.Attrs.n;
import static cn.lanzhou.epidemic.common.store.Attrs.s;
import static cn.lanzhou.epidemic.common.store.Attrs.strings;
import static cn.lanzhou.epidemic.common.store.Table.*;
import static cn.lanzhou.epidemic.common.store.Table.RegistrationItem.*;

import cn.lanzhou.epidemic.common.store.Attrs;
import cn.lanzhou.epidemic.common.store.DayChanges;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.person.IdType;
import cn.lanzhou.epidemic.registration.domain.Registration;
import cn.lanzhou.epidemic.registration.domain.Registrations;
import cn.lanzhou.epidemic.registration.domain.RiskLevel;
import cn.lanzhou.epidemic.person.SiteType;
import cn.lanzhou.epidemic.person.Symptom;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Registrations in the data table ({@link Table.RegistrationItem}: a day's partition and shard, the
 * district an attribute). One PutItem per registration, conditional on the item being absent; a late
 * registration (local date before today) first marks its day as changed.
 */
public record DynamoRegistrations(Dynamo dynamo, String table, AppClock clock) implements Registrations {
    @Override
    public Registration addIfAbsent(Registration registration) {
        // the marker goes first: a crash after it costs one needless recompilation, never a missed change
        dayChanges().markIfPast(registration.localDate(), clock.today(), clock.now());
        Map<String, AttributeValue> item = toItem(registration);
        if (dynamo.putIfAbsent(table, item)) {
            return registration;
        }
        return dynamo.get(table, Map.of(PK, item.get(PK), SK, item.get(SK)))
                .map(DynamoRegistrations::fromItem)
                .orElseThrow(() -> new IllegalStateException("conditional put failed but the item is missing"));
    }

    public static Map<String, AttributeValue> toItem(Registration r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(RegistrationItem.pk(r.localDate(), shard(r.id()))));
        item.put(SK, s(r.id()));
        item.put(ID, s(r.id()));
        item.put(RECEIVED_AT, s(r.receivedAt().toString()));
        item.put(OCCURRED_AT, s(r.occurredAt().toString()));
        item.put(LOCAL_DATE, s(r.localDate().toString()));
        item.put(DISTRICT, s(r.district()));
        item.put(SITE_TYPE, s(r.siteType().name()));
        item.put(SITE_CODE, s(r.siteCode()));
        item.put(NAME, s(r.name()));
        item.put(ID_TYPE, s(r.idType().name()));
        item.put(ID_HASH, s(r.idHash()));
        item.put(ID_NUMBER_MASKED, s(r.idNumberMasked()));
        item.put(PHONE_HASH, s(r.phoneHash()));
        item.put(PHONE_MASKED, s(r.phoneMasked()));
        r.vehiclePlate().ifPresent(v -> item.put(VEHICLE_PLATE, s(v)));
        r.origin().ifPresent(v -> item.put(ORIGIN, s(v)));
        if (!r.travelHistory().isEmpty()) {
            item.put(TRAVEL_HISTORY, strings(r.travelHistory()));
        }
        item.put(CONTACT_WITH_CASES, bool(r.contactWithCases()));
        r.temperatureCelsius().ifPresent(t -> item.put(TEMPERATURE, n(t)));
        if (!r.symptoms().isEmpty()) {
            item.put(SYMPTOMS, strings(EnumSet.copyOf(r.symptoms()).stream().map(Enum::name).toList()));
        }
        r.cohabitantsUnwell().ifPresent(v -> item.put(COHABITANTS_UNWELL, bool(v)));
        item.put(FEVER, bool(r.fever()));
        item.put(RISK_LEVEL, s(r.riskLevel().name()));
        r.isolationUntil().ifPresent(d -> item.put(ISOLATION_UNTIL, s(d.toString())));
        // consent is required to register at all; its time is kept as the record of it
        item.put(CONSENT_AT, s(r.receivedAt().toString()));
        // the keys of the tracing indexes (a person's registrations, a site's day): docs/followup.md
        item.put(SITE_DAY, s(siteDay(r.siteType().name(), r.siteCode(), r.localDate())));
        item.put(OCCURRED_KEY, s(occurredKey(r.occurredAt(), r.id())));
        return item;
    }

    static Registration fromItem(Map<String, AttributeValue> item) {
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        Attrs.list(item, SYMPTOMS).forEach(s -> symptoms.add(Symptom.valueOf(s)));
        return new Registration(
                Attrs.str(item, ID),
                Instant.parse(Attrs.str(item, RECEIVED_AT)),
                Instant.parse(Attrs.str(item, OCCURRED_AT)),
                LocalDate.parse(Attrs.str(item, LOCAL_DATE)),
                Attrs.str(item, DISTRICT),
                SiteType.valueOf(Attrs.str(item, SITE_TYPE)),
                Attrs.str(item, SITE_CODE),
                Attrs.str(item, NAME),
                IdType.valueOf(Attrs.str(item, ID_TYPE)),
                Attrs.str(item, ID_HASH),
                Attrs.str(item, ID_NUMBER_MASKED),
                Attrs.str(item, PHONE_HASH),
                Attrs.str(item, PHONE_MASKED),
                Attrs.optStr(item, VEHICLE_PLATE),
                Attrs.optStr(item, ORIGIN),
                Attrs.list(item, TRAVEL_HISTORY),
                Attrs.flag(item, CONTACT_WITH_CASES),
                item.containsKey(TEMPERATURE) ? Optional.of(Attrs.decimal(item, TEMPERATURE)) : Optional.<BigDecimal>empty(),
                symptoms,
                item.containsKey(COHABITANTS_UNWELL) ? Optional.of(Attrs.flag(item, COHABITANTS_UNWELL)) : Optional.empty(),
                Attrs.flag(item, FEVER),
                RiskLevel.valueOf(Attrs.str(item, RISK_LEVEL)),
                Attrs.optStr(item, ISOLATION_UNTIL).map(LocalDate::parse));
    }

    private DayChanges dayChanges() {
        return new DayChanges(dynamo, table);
    }
}
