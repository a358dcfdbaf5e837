package cn.lanzhou.epidemic.person;

import cn.lanzhou.epidemic.common.validation.Fields;
import cn.lanzhou.epidemic.common.validation.Messages;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of a person's fields, the same for a registration and for a person put under observation. */
public final class PersonRules {
    public static final BigDecimal MIN_TEMPERATURE = new BigDecimal("34.0");
    public static final BigDecimal MAX_TEMPERATURE = new BigDecimal("43.0");
    private static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9]{1,30}");

    private PersonRules() {
    }

    /** The identity number's rules: normalised, or null with the error added. */
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

    /** The phone's rules: 11 digits, or null with the error added. */
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

    /** The temperature's rules: 34.0–43.0, one decimal. */
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
