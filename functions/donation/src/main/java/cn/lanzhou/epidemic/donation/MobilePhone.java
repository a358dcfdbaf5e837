package cn.lanzhou.epidemic.donation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mainland mobile number as API.md defines it. Package-private stand-in until common's
 * {@code validation.MobilePhone} (same name and method, being added on another branch) is merged.
 */
final class MobilePhone {
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");

    private MobilePhone() {
    }

    /** The 11 digits after removing spaces, dashes and a leading +86 / 0086; empty when not a mobile number. */
    static Optional<String> normalise(String raw) {
        String s = SEPARATORS.matcher(raw).replaceAll("");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        }
        return MOBILE.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    /** Keeps the first 3 and the last 4 digits: {@code 138****1234}. */
    static String mask(String normalised) {
        return normalised.substring(0, 3) + "****" + normalised.substring(normalised.length() - 4);
    }
}
