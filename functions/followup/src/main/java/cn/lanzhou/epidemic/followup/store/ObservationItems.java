package cn.lanzhou.epidemic.followup.store;

import cn.lanzhou.epidemic.common.time.UtcMillis;
import static cn.lanzhou.epidemic.common.store.Table.*;
import static cn.lanzhou.epidemic.common.store.Table.ObservationItem.*;
import static cn.lanzhou.epidemic.common.store.Attrs.n;
import static cn.lanzhou.epidemic.common.store.Attrs.num;
import static cn.lanzhou.epidemic.common.store.Attrs.optStr;
import static cn.lanzhou.epidemic.common.store.Attrs.s;
import static cn.lanzhou.epidemic.common.store.Attrs.str;
import static cn.lanzhou.epidemic.common.store.Attrs.strings;

import cn.lanzhou.epidemic.common.store.Attrs;
import cn.lanzhou.epidemic.followup.domain.Check;
import cn.lanzhou.epidemic.followup.domain.Observation;
import cn.lanzhou.epidemic.followup.domain.Outcome;
import cn.lanzhou.epidemic.followup.domain.Person;
import cn.lanzhou.epidemic.followup.domain.PlaceType;
import cn.lanzhou.epidemic.followup.domain.Reason;
import cn.lanzhou.epidemic.followup.domain.Release;
import cn.lanzhou.epidemic.followup.domain.Slot;
import cn.lanzhou.epidemic.followup.domain.SlotRef;
import cn.lanzhou.epidemic.followup.domain.Status;
import cn.lanzhou.epidemic.person.Symptom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An observation as its item ({@link cn.lanzhou.epidemic.common.store.Table.ObservationItem}) and back. */
final class ObservationItems {
    private ObservationItems() {
    }

    static Map<String, AttributeValue> toItem(Observation o) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(ObservationItem.pk(o.id())));
        item.put(SK, s(SK_VALUE));
        item.put(GSI1PK, s(withPrefix(o.status().name())));
        item.put(GSI1SK, s(UtcMillis.format(o.createdAt()) + "#" + o.id()));
        item.put(ID, s(o.id()));
        Person p = o.person();
        item.put(PERSON_KEY, s(p.personKey()));
        item.put(NAME, s(p.name()));
        item.put(ID_TYPE, s(p.idType()));
        item.put(ID_NUMBER_MASKED, s(p.idNumberMasked()));
        item.put(PHONE_MASKED, s(p.phoneMasked()));
        item.put(DISTRICT, s(o.district()));
        item.put(SITE_TYPE, s(o.placeType().name()));
        item.put(SITE_CODE, s(o.placeCode()));
        item.put(REASON, s(o.reason().name()));
        if (o.note() != null) {
            item.put(NOTE, s(o.note()));
        }
        o.registrationId().ifPresent(r -> item.put(REGISTRATION_ID, s(r)));
        item.put(START_DATE, s(o.startDate().toString()));
        item.put(END_DATE, s(o.endDate().toString()));
        item.put(CREATED_AT, s(UtcMillis.format(o.createdAt())));
        item.put(CREATED_BY, s(o.createdBy()));
        item.put(STATUS, s(o.status().name()));
        item.put(VERSION, n(o.version()));
        Map<String, AttributeValue> checks = new HashMap<>();
        o.checks().forEach(c -> checks.put(c.slot().key(), checkItem(c)));
        item.put(CHECKS, AttributeValue.fromM(checks));
        return item;
    }

    static AttributeValue checkItem(Check c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(TEMPERATURE, n(c.temperatureCelsius()));
        m.put(SYMPTOMS, strings(c.symptoms().stream().sorted().map(Enum::name).toList()));
        m.put(RECORDED_AT, s(UtcMillis.format(c.recordedAt())));
        m.put(RECORDED_BY, s(c.recordedBy()));
        m.put(ATTEMPT_ID, s(c.attemptId()));
        return AttributeValue.fromM(m);
    }

    static Observation fromItem(Map<String, AttributeValue> item) {
        List<Check> checks = new ArrayList<>();
        AttributeValue all = item.get(CHECKS);
        if (all != null && all.hasM()) {
            all.m().forEach((slotKey, value) -> checks.add(check(slotKey, value.m())));
        }
        Optional<Release> release = optStr(item, OUTCOME).map(outcome -> new Release(Outcome.valueOf(outcome),
                str(item, RELEASE_REASON), LocalDate.parse(str(item, RELEASED_ON)), Instant.parse(str(item, RELEASED_AT)),
                str(item, RELEASED_BY), str(item, RELEASE_ATTEMPT)));
        return new Observation(str(item, ID),
                new Person(str(item, PERSON_KEY), str(item, NAME), str(item, ID_TYPE), str(item, ID_NUMBER_MASKED),
                        str(item, PHONE_MASKED)),
                str(item, DISTRICT), PlaceType.valueOf(str(item, SITE_TYPE)), str(item, SITE_CODE),
                Reason.valueOf(str(item, REASON)), str(item, NOTE), optStr(item, REGISTRATION_ID),
                LocalDate.parse(str(item, START_DATE)), Instant.parse(str(item, CREATED_AT)), str(item, CREATED_BY),
                Status.valueOf(str(item, STATUS)), num(item, VERSION), release, checks);
    }

    private static Check check(String slotKey, Map<String, AttributeValue> m) {
        int hash = slotKey.indexOf('#');
        SlotRef slot = new SlotRef(LocalDate.parse(slotKey.substring(0, hash)), Slot.valueOf(slotKey.substring(hash + 1)));
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        Attrs.list(m, SYMPTOMS).forEach(name -> symptoms.add(Symptom.valueOf(name)));
        return new Check(slot, Attrs.decimal(m, TEMPERATURE).setScale(1), symptoms,
                Instant.parse(str(m, RECORDED_AT)), str(m, RECORDED_BY), str(m, ATTEMPT_ID));
    }
}
