package cn.lanzhou.epidemic.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.person.ResidentIdNumber.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    /** Valid numbers whose check characters were computed independently of this class. */
    private static final List<String> VALID = List.of(
            "11010519491231002X", // the standard's own example
            "440308199901010012",
            "620102198002291236",
            "620102200002290006",
            "310115202012319878",
            "620102190001015559",
            "510107197506150244");

    /** What a changed character may become: every digit, the check letter, and a few typos. */
    private static final String ALPHABET = "0123456789XAZx -";

    @Test
    void theOfficialTestVectorIsValid() {
        assertTrue(ResidentIdNumber.isValid("11010519491231002X", TODAY));
        assertEquals('X', ResidentIdNumber.checkCharacter("11010519491231002"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440308199901010012", "620102198002291236", "620102200002290006",
            "310115202012319878", "620102190001015559", "510107197506150244"})
    void knownValidNumbersAreValid(String number) {
        assertEquals(Verdict.VALID, ResidentIdNumber.check(number, TODAY));
    }

    @Test
    void aLowerCaseXIsAcceptedAndNormalisedToUpperCase() {
        assertEquals("11010519491231002X", ResidentIdNumber.normalise(" 11010519491231002x "));
        assertTrue(ResidentIdNumber.isValid("11010519491231002x", TODAY));
    }

    @Test
    void everySingleCharacterChangeOfAValidNumberIsRejected() {
        int tried = 0;
        for (String valid : VALID) {
            for (int i = 0; i < valid.length(); i++) {
                for (char c : ALPHABET.toCharArray()) {
                    String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                    if (ResidentIdNumber.normalise(changed).equals(valid)) {
                        continue; // the same number (x for X at the end)
                    }
                    tried++;
                    assertFalse(ResidentIdNumber.isValid(changed, TODAY), () -> "accepted a changed number at " + changed);
                }
            }
        }
        assertTrue(tried > VALID.size() * 18 * 10);
    }

    @Test
    void everyAdjacentSwapOfDifferingCharactersIsRejected() {
        List<String> swapped = new ArrayList<>();
        for (String valid : VALID) {
            for (int i = 0; i + 1 < valid.length(); i++) {
                if (valid.charAt(i) == valid.charAt(i + 1)) {
                    continue;
                }
                char[] chars = valid.toCharArray();
                chars[i] = valid.charAt(i + 1);
                chars[i + 1] = valid.charAt(i);
                swapped.add(new String(chars));
            }
        }
        assertTrue(swapped.size() > 50);
        for (String number : swapped) {
            assertFalse(ResidentIdNumber.isValid(number, TODAY), () -> "accepted a swapped number " + number);
        }
    }

    @Test
    void theCheckCharacterIsComputedWithIso7064Mod112() {
        for (String valid : VALID) {
            assertEquals(valid.charAt(17), ResidentIdNumber.checkCharacter(valid.substring(0, 17)));
        }
    }

    @Test
    void the29thOfFebruaryExistsOnlyInLeapYears() {
        // check characters are right, so only the date decides
        assertEquals(Verdict.BIRTH_DATE, ResidentIdNumber.check("620102190002290018", TODAY)); // 1900 is not a leap year
        assertEquals(Verdict.VALID, ResidentIdNumber.check("620102200002290006", TODAY)); // 2000 is
        assertEquals(Verdict.BIRTH_DATE, ResidentIdNumber.check("620102202302310012", TODAY)); // 31 February
    }

    @Test
    void aBirthDateBefore1900OrInTheFutureIsNotReal() {
        assertEquals(Verdict.BIRTH_DATE, ResidentIdNumber.check("620102189912310016", TODAY));
        assertEquals(Verdict.BIRTH_DATE, ResidentIdNumber.check("620102209912310011", TODAY));
        assertEquals(Verdict.VALID, ResidentIdNumber.check("620102209912310011", LocalDate.of(2100, 1, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010519491231002", "11010519491231002XX", "1101051949123100X2", "A1010519491231002X",
            "110105 19491231002", "１10105194912310021"})
    void anythingBut17DigitsAndACheckCharacterIsAFormatError(String number) {
        assertEquals(Verdict.FORMAT, ResidentIdNumber.check(number, TODAY));
    }

    @Test
    void aWrongCheckCharacterIsReportedAsSuch() {
        assertEquals(Verdict.CHECK_CHARACTER, ResidentIdNumber.check("110105194912310021", TODAY));
    }
}
