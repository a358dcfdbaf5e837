package cn.lanzhou.epidemic.common.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mainland mobile number as API.md defines it: after removing spaces, dashes and a leading
 * {@code +86}/{@code 0086}, {@code ^1[3-9][0-9]{9}$}.
 */
public final class MobilePhone {
    private static final Pattern MOBILE = Pattern.compile("^1[3-9][0-9]{9}$");

    private MobilePhone() {
    }

    /** The 11-digit number, or empty when {@code raw} is not a mainland mobile number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
