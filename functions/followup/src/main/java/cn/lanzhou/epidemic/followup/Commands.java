package cn.lanzhou.epidemic.followup;

import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.validation.Fields;
import cn.lanzhou.epidemic.followup.domain.Observation;
import cn.lanzhou.epidemic.followup.domain.Outcome;
import cn.lanzhou.epidemic.followup.domain.PlaceType;
import cn.lanzhou.epidemic.followup.domain.Reason;
import cn.lanzhou.epidemic.followup.domain.Slot;
import cn.lanzhou.epidemic.person.IdType;
import cn.lanzhou.epidemic.person.PersonRules;
import cn.lanzhou.epidemic.person.Symptom;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import cn.lanzhou.epidemic.person.ResidentIdNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bodies of the follow-up POSTs, validated: every field error at once, persons as registrations check them. */
final class Commands {
    static final Pattern ID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static final Pattern ID_LIKE = Pattern.compile("[0-9]{17}[0-9Xx]");
    private static final Pattern PHONE_LIKE = Pattern.compile("1[3-9][0-9]{9}");

    private Commands() {
    }

    /** A person as a registration gives one: identity number and phone normalised. */
    record PersonForm(String name, IdType idType, String idNumber, String phone) {
    }

    record NewObservation(Optional<String> registrationId, Optional<PersonForm> person, String district,
            PlaceType placeType, String placeCode, Reason reason, String note, LocalDate startDate) {
        static NewObservation read(Fields body, Districts districts, LocalDate today) {
            Optional<String> registrationId = body.string("registrationId", 1, 64);
            if (registrationId.isPresent() && !ID.matcher(registrationId.get()).matches()) {
                body.error("registrationId", "unknown-registration", UNKNOWN_REGISTRATION);
            }
            Optional<PersonForm> person = body.object("person").map(p -> person(p, today));
            if (registrationId.isPresent() && body.present("person")) {
                body.error("person", "exclusive", "registrationId 与 person 只能提供其一 / Give registrationId or person, not both");
            } else if (registrationId.isEmpty() && !body.present("person") && !body.hasError("registrationId")) {
                body.error("person", "required", "须提供 registrationId 或 person / Give registrationId or person");
            }
            String district = body.requiredString("district", 1, 64);
            if (district != null && !districts.contains(district)) {
                body.error("district", "unknown-district", "不是已知的区县代码 / Not a known district code");
            }
            PlaceType placeType = null;
            String placeCode = null;
            Fields site = body.requiredObject("site");
            if (site != null) {
                placeType = site.requiredEnum("type", PlaceType.class);
                placeCode = site.requiredString("code", 1, 64);
            }
            Reason reason = body.requiredEnum("reason", Reason.class);
            String note = body.string("note", 0, 500).filter(s -> !s.isEmpty()).orElse(null);
            LocalDate start = body.date("startDate").orElse(today);
            if (start.isAfter(today)) {
                body.error("startDate", "future", "开始日期不能晚于今天 / Must not be in the future");
            } else if (start.isBefore(today.minusDays(Observation.DAYS))) {
                body.error("startDate", "too-old", "开始日期不能早于 14 天前 / Must not be more than 14 days back");
            }
            body.finishAndThrow();
            return new NewObservation(registrationId, person, district, placeType, placeCode, reason, note, start);
        }

        private static PersonForm person(Fields p, LocalDate today) {
            String name = p.requiredString("name", 1, 50);
            IdType idType = p.enumValue("idType", IdType.class).orElse(IdType.RESIDENT_ID);
            String idNumber = PersonRules.idNumber(p, idType, !p.hasError("idType"), today);
            String phone = PersonRules.phone(p);
            return new PersonForm(name, idType, idNumber, phone);
        }
    }

    static final String UNKNOWN_REGISTRATION = "未找到该登记记录 / No such registration";

    record NewCheck(LocalDate localDate, Slot slot, BigDecimal temperatureCelsius, Set<Symptom> symptoms) {
        static NewCheck read(Fields body) {
            LocalDate date = body.requiredDate("localDate");
            Slot slot = body.requiredEnum("slot", Slot.class);
            if (!body.present("temperatureCelsius")) {
                body.error("temperatureCelsius", "required", cn.lanzhou.epidemic.common.validation.Messages.REQUIRED);
            }
            BigDecimal temperature = PersonRules.temperature(body).orElse(null);
            Set<Symptom> symptoms = body.enumSet("symptoms", Symptom.class).orElse(Set.of());
            body.finishAndThrow();
            return new NewCheck(date, slot, temperature, symptoms);
        }
    }

    record ReleaseCommand(Outcome outcome, String reason, long expectedVersion) {
        static ReleaseCommand read(Fields body) {
            Outcome outcome = body.requiredEnum("outcome", Outcome.class);
            String reason = outcome != null && outcome != Outcome.COMPLETED
                    ? body.requiredString("reason", 1, 500)
                    : body.string("reason", 1, 500).orElse(null);
            Long expected = body.requiredInteger("expectedVersion", 1, Long.MAX_VALUE);
            body.finishAndThrow();
            return new ReleaseCommand(outcome, reason, expected);
        }
    }

    record Lookup(IdType idType, String idNumber, String purpose) {
        static Lookup read(Fields body, LocalDate today) {
            IdType idType = body.enumValue("idType", IdType.class).orElse(IdType.RESIDENT_ID);
            String idNumber = PersonRules.idNumber(body, idType, !body.hasError("idType"), today);
            String purpose = Commands.purpose(body, today);
            body.finishAndThrow();
            return new Lookup(idType, idNumber, purpose);
        }
    }

    /**
     * The reason for a tracing call, 1–200 characters. It is kept in the audit, which never holds an
     * identity number: a purpose that contains one (or a mobile number) is refused.
     */
    static String purpose(Fields body, LocalDate today) {
        String purpose = body.requiredString("purpose", 1, 200);
        if (purpose != null && holdsPersonalNumber(purpose, today)) {
            body.error("purpose", "personal-data", "用途中不得填写证件号码或手机号码 / The purpose must not contain an ID or phone number");
            return null;
        }
        return purpose;
    }

    static boolean holdsPersonalNumber(String text, LocalDate today) {
        String digits = text.replaceAll("[\\s-]", "");
        Matcher id = ID_LIKE.matcher(digits);
        while (id.find()) {
            if (ResidentIdNumber.isValid(id.group(), today)) {
                return true;
            }
        }
        Matcher phone = PHONE_LIKE.matcher(digits);
        while (phone.find()) {
            if (MobilePhone.isValid(phone.group())) {
                return true;
            }
        }
        return false;
    }
}
