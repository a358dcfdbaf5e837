package cn.lanzhou.epidemic.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The GB 11643-1999 identity number; its check character is verified as it catches every single change and adjacent swap. */
public final class ResidentIdNumber {
    public static final int LENGTH = 18;
    /** Birth dates before this are not real (the standard's numbers start in the 19th century's last year). */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    /** Why a number is refused; {@link #VALID} when it is not. */
    public enum Verdict { VALID, FORMAT, BIRTH_DATE, CHECK_CHARACTER }

    private ResidentIdNumber() {
    }

    /** Strips surrounding white space and upper-cases a final {@code x}. */
    public static String normalise(String number) {
        return number.strip().toUpperCase(Locale.ROOT);
    }

    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The birth date the number carries, if it is a real calendar date. */
    public static Optional<LocalDate> birthDate(String normalised) {
        if (normalised.length() < 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(normalised.substring(6, 10)),
                    Integer.parseInt(normalised.substring(10, 12)),
                    Integer.parseInt(normalised.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Checks a number (already normalised) against the standard; {@code today} bounds the birth date. */
    public static Verdict check(String normalised, LocalDate today) {
        if (normalised.length() != LENGTH) {
            return Verdict.FORMAT;
        }
        for (int i = 0; i < 17; i++) {
            char c = normalised.charAt(i);
            if (c < '0' || c > '9') {
                return Verdict.FORMAT;
            }
        }
        char last = normalised.charAt(17);
        if (!(last >= '0' && last <= '9' || last == 'X')) {
            return Verdict.FORMAT;
        }
        Optional<LocalDate> birth = birthDate(normalised);
        if (birth.isEmpty() || birth.get().isBefore(EARLIEST_BIRTH) || birth.get().isAfter(today)) {
            return Verdict.BIRTH_DATE;
        }
        if (checkCharacter(normalised) != last) {
            return Verdict.CHECK_CHARACTER;
        }
        return Verdict.VALID;
    }

    public static boolean isValid(String number, LocalDate today) {
        return check(normalise(number), today) == Verdict.VALID;
    }
}
