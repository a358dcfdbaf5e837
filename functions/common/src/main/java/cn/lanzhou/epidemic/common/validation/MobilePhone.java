package cn.lanzhou.epidemic.common.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/** A mainland mobile number as people write it: spaces, dashes and a {@code +86} or {@code 0086} prefix are dropped. */
public final class MobilePhone {
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private MobilePhone() {
    }

    /** The 11-digit number, or empty when the input is not a mainland mobile number. */
    public static Optional<String> normalise(String input) {
        String compact = input.strip().replace(" ", "").replace("-", "");
        if (compact.startsWith("+86")) {
            compact = compact.substring(3);
        } else if (compact.startsWith("0086")) {
            compact = compact.substring(4);
        }
        return MOBILE.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    public static boolean isValid(String input) {
        return normalise(input).isPresent();
    }

    /** Keeps the first 3 and last 4 digits of a normalised number: {@code 138****1234}. */
    public static String mask(String normalised) {
        return normalised.substring(0, 3) + "****" + normalised.substring(normalised.length() - 4);
    }
}
