package cn.lanzhou.epidemic.registration;

import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.validation.Fields;
import cn.lanzhou.epidemic.common.validation.Messages;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import cn.lanzhou.epidemic.common.validation.ResidentIdNumber;
import cn.lanzhou.epidemic.common.validation.VehiclePlate;
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
 * A registration request as API.md defines it, validated: every field error is collected and the
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
    static final BigDecimal MIN_TEMPERATURE = new BigDecimal("34.0");
    static final BigDecimal MAX_TEMPERATURE = new BigDecimal("43.0");
    private static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9]{1,30}");

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
        String idNumber = idNumber(body, idType, idTypeKnown, today);
        String phone = phone(body);

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

        Optional<BigDecimal> temperature = temperature(body);
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

    /** The identity number's rules (also for the follow-up's persons): normalised, or null with the error added. */
    public static String idNumber(Fields body, IdType idType, boolean idTypeKnown, LocalDate today) {
        if (!body.present("idNumber")) {
            body.error("idNumber", "required", Messages.REQUIRED);
            return null;
        }
        Optional<String> text = body.string("idNumber", 1, 100);
        if (text.isEmpty()) {
            if (!body.hasError("idNumber")) {
                body.error("idNumber", "format", "证件号码格式不正确 / Invalid identity document number");
            }
            return null;
        }
        if (!idTypeKnown) {
            return null; // which rule applies is unknown; the idType error says why
        }
        if (idType == IdType.RESIDENT_ID) {
            String number = ResidentIdNumber.normalise(text.get());
            switch (ResidentIdNumber.check(number, today)) {
                case VALID:
                    return number;
                case FORMAT:
                    body.error("idNumber", "format", "居民身份证号码应为 17 位数字加 1 位校验码（数字或 X） / "
                            + "A resident ID number is 17 digits and a check character (digit or X)");
                    return null;
                case BIRTH_DATE:
                    body.error("idNumber", "birth-date", "居民身份证号码中的出生日期无效 / "
                            + "The birth date in the resident ID number is not a real date");
                    return null;
                default:
                    body.error("idNumber", "check-character", "居民身份证号码校验码不正确 / "
                            + "The check character of the resident ID number is wrong");
                    return null;
            }
        }
        if (!OTHER_ID.matcher(text.get()).matches()) {
            body.error("idNumber", "format", "证件号码应为 1–30 位字母或数字 / Must be 1–30 letters and digits");
            return null;
        }
        return text.get().toUpperCase(Locale.ROOT);
    }

    /** The phone's rules (also for the follow-up's persons): 11 digits, or null with the error added. */
    public static String phone(Fields body) {
        if (!body.present("phone")) {
            body.error("phone", "required", Messages.REQUIRED);
            return null;
        }
        Optional<String> phone = body.string("phone", 1, 40).flatMap(MobilePhone::normalise);
        if (phone.isEmpty() && !body.hasError("phone")) {
            body.error("phone", "format", "应为中国大陆手机号码 / Must be a mainland China mobile number");
        }
        return phone.orElse(null);
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

    /** The temperature's rules (also for the follow-up's checks): 34.0–43.0, one decimal. */
    public static Optional<BigDecimal> temperature(Fields body) {
        Optional<BigDecimal> value = body.decimal("temperatureCelsius");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal t = value.get();
        if (t.compareTo(MIN_TEMPERATURE) < 0 || t.compareTo(MAX_TEMPERATURE) > 0) {
            body.error("temperatureCelsius", "range", "体温应在 34.0 到 43.0 摄氏度之间 / Must be between 34.0 and 43.0 °C");
            return Optional.empty();
        }
        if (t.stripTrailingZeros().scale() > 1) {
            body.error("temperatureCelsius", "precision", "体温最多保留一位小数 / At most one decimal place");
            return Optional.empty();
        }
        return Optional.of(t.setScale(1));
    }
}
