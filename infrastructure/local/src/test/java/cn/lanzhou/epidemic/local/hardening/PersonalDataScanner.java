package cn.lanzhou.epidemic.local.hardening;

import cn.lanzhou.epidemic.person.ResidentIdNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds full personal identifiers in text: resident ID numbers (18 characters with a real birth date
 * and a valid GB 11643 check character) and mainland mobile numbers (11 digits {@code 1[3-9]…}, also
 * written with {@code +86}/{@code 0086} or spaced/dashed as a form accepts them). A match must stand
 * alone: a run of letters or digits around it (a ULID's 26 Crockford characters, a hex hash, a longer
 * number) is not an identifier, and masked forms ({@code 138****1234}) never match.
 */
final class PersonalDataScanner {
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\+86[ -]?|0086[ -]?)?(1[3-9]\\d(?:[ -]?\\d{4}){2})(?![0-9A-Za-z])");

    /** One finding: where, what kind, and the number shown masked (the report must not leak it either). */
    record Hit(String source, String kind, String masked) {
    }

    private final LocalDate today;

    PersonalDataScanner(LocalDate today) {
        this.today = today;
    }

    List<Hit> scan(String source, CharSequence text) {
        List<Hit> hits = new ArrayList<>();
        Matcher id = ID_NUMBER.matcher(text);
        while (id.find()) {
            String number = id.group().toUpperCase(Locale.ROOT);
            if (ResidentIdNumber.check(number, today) == ResidentIdNumber.Verdict.VALID) {
                hits.add(new Hit(source, "resident ID number", number.charAt(0) + "*".repeat(15) + number.substring(16)));
            }
        }
        Matcher mobile = MOBILE.matcher(text);
        while (mobile.find()) {
            String digits = mobile.group(1).replaceAll("[ -]", "");
            hits.add(new Hit(source, "mobile number", digits.substring(0, 3) + "****" + digits.substring(7)));
        }
        return hits;
    }
}
