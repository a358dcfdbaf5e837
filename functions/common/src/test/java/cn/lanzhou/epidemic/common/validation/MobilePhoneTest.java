package cn.lanzhou.epidemic.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MobilePhoneTest {
    @Test
    void stripsSpacesDashesAndTheCountryCode() {
        assertEquals(Optional.of("13812341234"), MobilePhone.normalise("138-1234 1234"));
        assertEquals(Optional.of("13812341234"), MobilePhone.normalise("+86 138 1234 1234"));
        assertEquals(Optional.of("19912341234"), MobilePhone.normalise("0086 19912341234"));
    }

    @Test
    void rejectsLandlinesShortNumbersAndOtherPrefixes() {
        assertEquals(Optional.empty(), MobilePhone.normalise("12812341234"));
        assertEquals(Optional.empty(), MobilePhone.normalise("0931-8888888"));
        assertEquals(Optional.empty(), MobilePhone.normalise("1381234123"));
        assertEquals(Optional.empty(), MobilePhone.normalise("+85213812341234"));
        assertEquals(Optional.empty(), MobilePhone.normalise(null));
    }
}
