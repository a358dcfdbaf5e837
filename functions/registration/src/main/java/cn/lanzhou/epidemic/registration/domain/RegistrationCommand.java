package cn.lanzhou.epidemic.registration.domain;

import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.validation.Fields;
import cn.lanzhou.epidemic.common.validation.Messages;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import cn.lanzhou.epidemic.person.ResidentIdNumber;
import cn.lanzhou.epidemic.person.IdType;
import cn.lanzhou.epidemic.person.PersonRules;
import cn.lanzhou.epidemic.person.SiteType;
import cn.lanzhou.epidemic.person.Symptom;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registration request as openapi.yaml defines it, validated: every field error is collected and the
 * request answered with all of them at once. Identity number and phone are held normalised
 * ({@code X} upper-case, 11 digits) and leave this record only as hashes and masks.
 */
public record RegistrationCommand(
        String name,
        IdType idType,
        String idNumber,
        String phone,
        String district,
        SiteType siteType,
        String siteCode,
        Optional<Instant> occurredAt,
        Optional<String> vehiclePlate,
        Optional<String> origin,
        List<String> travelHistory,
        boolean contactWithCases,
        Optional<BigDecimal> temperatureCelsius,
        Set<Symptom> symptoms,
        Optional<Boolean> cohabitantsUnwell) {

    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    static final Duration MAX_BACK = Duration.ofDays(30);

    public RegistrationCommand {
        travelHistory = List.copyOf(travelHistory);
        symptoms = Set.copyOf(symptoms);
    }

    /**
     * Reads and checks the body; throws the 400 problem listing every bad field.
     *
     * @param now the time the request arrived (bounds occurredAt and birth dates)
     * @param today the local date of {@code now}
     */
    public static RegistrationCommand read(Fields body, Districts districts, Instant now, LocalDate today) {
        String name = body.requiredString("name", 1, 50);
        IdType idType = body.enumValue("idType", IdType.class).orElse(IdType.RESIDENT_ID);
        boolean idTypeKnown = !body.hasError("idType");
        String idNumber = PersonRules.idNumber(body, idType, idTypeKnown, today);
        String phone = PersonRules.phone(body);

        String district = body.requiredString("district", 1, 64);
        if (district != null && !districts.contains(district)) {
            body.error("district", "unknown-district", "不是已知的区县代码 / Not a known district code");
            district = null;
        }

        SiteType siteType = null;
        String siteCode = null;
        Fields site = body.requiredObject("site");
        if (site != null) {
            siteType = site.requiredEnum("type", SiteType.class);
            siteCode = site.requiredString("code", 1, 64);
        }

        Optional<Instant> occurredAt = occurredAt(body, now);

        Optional<String> plate = body.string("vehiclePlate", 0, 20).filter(s -> !s.isEmpty());
        Optional<String> vehiclePlate = plate.flatMap(VehiclePlate::normalise);
        if (plate.isPresent() && vehiclePlate.isEmpty()) {
            body.error("vehiclePlate", "format", "应为有效的车牌号，如 甘A12345 或 甘AD12345 / "
                    + "Must be a Chinese plate such as 甘A12345 or 甘AD12345");
        }

        Optional<String> origin = body.string("origin", 0, 100).filter(s -> !s.isEmpty());
        List<String> travelHistory = body.strings("travelHistory", 20, 100).orElse(List.of());
        boolean contactWithCases = body.bool("contactWithCases").orElse(false);

        Optional<BigDecimal> temperature = PersonRules.temperature(body);
        if (siteType != null && siteType.takesTemperature() && !body.present("temperatureCelsius")) {
            body.error("temperatureCelsius", "required",
                    "检查站和医学观察点必须填写体温 / Required at checkpoints and observation sites");
        }

        Set<Symptom> symptoms = body.enumSet("symptoms", Symptom.class).orElse(Set.of());
        Optional<Boolean> cohabitantsUnwell = body.bool("cohabitantsUnwell");

        if (!body.present("consent")) {
            body.error("consent", "required", "须同意为疫情防控处理个人敏感信息 / Consent is required");
        } else if (Boolean.FALSE.equals(body.bool("consent").orElse(null))) {
            body.error("consent", "consent", "须同意为疫情防控处理个人敏感信息 / Consent must be given (true)");
        }

        body.finishAndThrow();
        return new RegistrationCommand(name, idType, idNumber, phone, district, siteType, siteCode, occurredAt,
                vehiclePlate, origin, travelHistory, contactWithCases, temperature, symptoms, cohabitantsUnwell);
    }



    private static Optional<Instant> occurredAt(Fields body, Instant now) {
        Optional<OffsetDateTime> given = body.dateTime("occurredAt");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Instant at = given.get().toInstant();
        if (at.isAfter(now.plus(MAX_AHEAD))) {
            body.error("occurredAt", "future", "不能晚于当前时间 5 分钟以上 / Must not be more than 5 minutes in the future");
            return Optional.empty();
        }
        if (at.isBefore(now.minus(MAX_BACK))) {
            body.error("occurredAt", "too-old", "不能早于 30 天前 / Must not be more than 30 days in the past");
            return Optional.empty();
        }
        return Optional.of(at);
    }

}
