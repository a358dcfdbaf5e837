package cn.lanzhou.epidemic.registration.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A Chinese plate ({@code 甘A12345}, new-energy {@code 甘AD12345}), upper-cased, without the spaces, dots and dashes people add. */
public final class VehiclePlate {
    public static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final Pattern PLATE = Pattern.compile("[" + PROVINCES + "][A-Z][A-Z0-9]{5,6}");

    private VehiclePlate() {
    }

    /** The plate in its stored form, or empty when it is not a Chinese plate. */
    public static Optional<String> normalise(String input) {
        String compact = input.strip().toUpperCase(Locale.ROOT)
                .replace(" ", "").replace("·", "").replace("•", "").replace("-", "");
        return PLATE.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    public static boolean isValid(String input) {
        return normalise(input).isPresent();
    }
}
