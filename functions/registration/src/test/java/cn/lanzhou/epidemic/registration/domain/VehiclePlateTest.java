package cn.lanzhou.epidemic.registration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VehiclePlateTest {

    @ParameterizedTest
    @CsvSource({"甘A12345,甘A12345", "甘AD12345,甘AD12345", "甘a12345,甘A12345", "甘ad1234f,甘AD1234F",
            "甘A·12345,甘A12345", "甘A 12345,甘A12345", "京B-A1234,京BA1234"})
    void ordinaryAndNewEnergyPlatesAreNormalisedToUpperCase(String input, String stored) {
        assertEquals(Optional.of(stored), VehiclePlate.normalise(input));
    }

    @Test
    void everyOneOfThe31ProvincialAbbreviationsIsAccepted() {
        assertEquals(31, VehiclePlate.PROVINCES.length());
        for (char province : VehiclePlate.PROVINCES.toCharArray()) {
            assertTrue(VehiclePlate.isValid(province + "A12345"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "甘A1234", "甘A1234567", "港A12345", "台A12345", "A12345", "甘112345", "甘A1234!",
            "甘甘12345", "GA12345"})
    void anythingElseIsNotAPlate(String input) {
        assertEquals(Optional.empty(), VehiclePlate.normalise(input));
    }
}
