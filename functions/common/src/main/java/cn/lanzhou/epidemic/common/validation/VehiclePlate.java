package cn.lanzhou.epidemic.common.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Chinese motor-vehicle plate: the abbreviation of one of the 31 mainland provincial-level
 * divisions, the letter of the issuing city, then 5 letters or digits (ordinary plates) or 6
 * (new-energy plates): {@code 甘A12345}, {@code 甘AD12345}. Letters are upper-cased, and the spaces,
 * middle dots and dashes people put after the city letter are dropped.
 */
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
