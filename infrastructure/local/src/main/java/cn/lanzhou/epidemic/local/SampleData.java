package cn.lanzhou.epidemic.local;

import cn.lanzhou.epidemic.reopening.domain.CreditCode;
import cn.lanzhou.epidemic.person.ResidentIdNumber;
import java.time.LocalDate;
import java.util.random.RandomGenerator;

/**
 * Generated identifiers for demo data and benchmarks: checksums valid (they pass the same rules as
 * a person's form), made up from a random source, nobody's real data.
 */
public final class SampleData {
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private SampleData() {
    }

    /** A resident ID number of Lanzhou (6201xx) with a real birth date and a valid check character. */
    public static String residentId(RandomGenerator random) {
        LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(random.nextInt(365 * 70));
        String first17 = "6201" + String.format("%02d", 2 + random.nextInt(10)) + birth.toString().replace("-", "")
                + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A unified social credit code of a Lanzhou enterprise (91620100…) with a valid check character. */
    public static String creditCode(RandomGenerator random) {
        StringBuilder first17 = new StringBuilder("91620100");
        while (first17.length() < 17) {
            first17.append(CREDIT_ALPHABET.charAt(random.nextInt(CREDIT_ALPHABET.length())));
        }
        return first17.toString() + CreditCode.checkCharacter(first17.toString());
    }

    /** A mainland mobile number. */
    public static String mobile(RandomGenerator random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }
}
