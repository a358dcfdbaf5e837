package cn.lanzhou.epidemic.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAre26CrockfordCharactersOrderedByTime() {
        String earlier = Ids.random(Instant.parse("2020-02-13T00:00:00Z"));
        String later = Ids.random(Instant.parse("2020-02-13T00:00:00.001Z"));
        assertEquals(26, earlier.length());
        assertTrue(earlier.chars().allMatch(c -> Ids.CROCKFORD.indexOf(c) >= 0));
        assertTrue(earlier.compareTo(later) < 0);
    }

    @Test
    void derivedIdsDependOnlyOnSeedAndTime() {
        Instant t = Instant.parse("2020-02-13T00:00:00Z");
        assertEquals(Ids.derived(t, "a"), Ids.derived(t, "a"));
        assertNotEquals(Ids.derived(t, "a"), Ids.derived(t, "b"));
    }

    @Test
    void receiptCharactersComeFromCrockfordsAlphabet() {
        String s = Ids.randomCrockford(600);
        assertTrue(s.chars().noneMatch(c -> c == 'I' || c == 'L' || c == 'O' || c == 'U'));
    }
}
