package cn.lanzhou.epidemic.registration;

import static cn.lanzhou.epidemic.registration.Fixture.errors;
import static cn.lanzhou.epidemic.registration.Fixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Requests;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of openapi.yaml's table, through the handler with in-memory stores (no I/O). */
class RegistrationValidationTest {
    /** Noon in Lanzhou on 14 February 2020. */
    private final Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");

    private APIGatewayV2HTTPResponse post(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return fixture.post(body);
    }

    private void assertAccepted(Consumer<ObjectNode> change) {
        APIGatewayV2HTTPResponse response = post(change);
        assertEquals(201, response.getStatusCode(), response::getBody);
    }

    private void assertRejected(Consumer<ObjectNode> change, String fieldAndCode) {
        APIGatewayV2HTTPResponse response = post(change);
        assertEquals(400, response.getStatusCode(), response::getBody);
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertTrue(errors(response).contains(fieldAndCode), () -> fieldAndCode + " not in " + errors(response));
    }

    @Test
    void aMinimalValidRegistrationIsAccepted() {
        assertAccepted(b -> { });
    }

    @Test
    void everyFieldErrorIsReportedAtOnce() {
        APIGatewayV2HTTPResponse response = fixture.post(Json.object().put("surname", "x"));
        assertEquals(400, response.getStatusCode());
        assertEquals(List.of("name=required", "idNumber=required", "phone=required", "district=required",
                "site=required", "consent=required", "surname=unknown"), errors(response));
        JsonNode body = Fixture.body(response);
        assertEquals("/problems/validation", body.path("type").asText());
        body.path("errors").forEach(e -> assertTrue(e.path("message").asText().contains(" / ")));
    }

    @Test
    void theNameHas1To50Characters() {
        assertAccepted(b -> b.put("name", "阿".repeat(50)));
        assertRejected(b -> b.put("name", "阿".repeat(51)), "name=length");
        assertRejected(b -> b.put("name", "  "), "name=length");
        assertRejected(b -> b.put("name", 42), "name=type");
    }

    @Test
    void theIdTypeDefaultsToResidentIdAndIsOneOfFour() {
        for (String type : List.of("RESIDENT_ID", "PASSPORT", "HK_MACAO_TAIWAN", "OTHER")) {
            assertAccepted(b -> b.put("idType", type));
        }
        assertRejected(b -> b.put("idType", "DRIVING_LICENCE"), "idType=enum");
        assertRejected(b -> b.put("idType", "resident_id"), "idType=enum");
    }

    @Test
    void aResidentIdNumberNeedsItsCheckCharacterAndARealBirthDate() {
        assertAccepted(b -> b.put("idNumber", "11010519491231002x"));
        assertRejected(b -> b.put("idNumber", "110105194912310021"), "idNumber=check-character");
        assertRejected(b -> b.put("idNumber", "620102190002290018"), "idNumber=birth-date");
        assertRejected(b -> b.put("idNumber", "620102202302310012"), "idNumber=birth-date");
        assertRejected(b -> b.put("idNumber", "1101051949123100"), "idNumber=format");
        assertRejected(b -> b.put("idNumber", "E12345678"), "idNumber=format");
        assertRejected(b -> b.put("idNumber", 11010519491231002L), "idNumber=type");
    }

    @Test
    void otherDocumentsTake1To30LettersAndDigits() {
        assertAccepted(b -> b.put("idType", "PASSPORT").put("idNumber", "E12345678"));
        assertAccepted(b -> b.put("idType", "OTHER").put("idNumber", "A".repeat(30)));
        assertRejected(b -> b.put("idType", "PASSPORT").put("idNumber", "A".repeat(31)), "idNumber=format");
        assertRejected(b -> b.put("idType", "HK_MACAO_TAIWAN").put("idNumber", "H123-456"), "idNumber=format");
        assertRejected(b -> b.put("idType", "PASSPORT").put("idNumber", "护照123"), "idNumber=format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "138 0013 8000", "138-0013-8000", "+8613800138000", "0086 138 0013 8000"})
    void aMainlandMobileNumberMayBeWrittenWithSpacesDashesAndCountryCode(String phone) {
        assertAccepted(b -> b.put("phone", phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800138000", "1380013800", "0931-8888888", "+85261234567", "phone"})
    void anythingElseIsNotAMobileNumber(String phone) {
        assertRejected(b -> b.put("phone", phone), "phone=format");
    }

    @Test
    void theDistrictIsAKnownCode() {
        assertAccepted(b -> b.put("district", "qilihe"));
        assertRejected(b -> b.put("district", "wuhan"), "district=unknown-district");
        assertRejected(b -> b.put("district", "Chengguan"), "district=unknown-district");
    }

    @Test
    void theSiteHasATypeAndACode() {
        assertRejected(b -> b.remove("site"), "site=required");
        assertRejected(b -> b.put("site", "CHECKPOINT"), "site=type");
        assertRejected(b -> b.putObject("site").put("code", "X"), "site.type=required");
        assertRejected(b -> b.putObject("site").put("type", "AIRPORT").put("code", "X"), "site.type=enum");
        assertRejected(b -> b.putObject("site").put("type", "COMMUNITY"), "site.code=required");
        assertRejected(b -> b.putObject("site").put("type", "COMMUNITY").put("code", "X".repeat(65)), "site.code=length");
        assertRejected(b -> b.putObject("site").put("type", "COMMUNITY").put("code", "X").put("name", "y"), "site.name=unknown");
        assertAccepted(b -> b.putObject("site").put("type", "ENTERPRISE").put("code", "X".repeat(64)));
    }

    @Test
    void occurredAtNeedsAnOffsetAndLiesWithinTheWindow() {
        assertAccepted(b -> b.put("occurredAt", "2020-02-14T12:05:00+08:00")); // exactly 5 minutes ahead
        assertAccepted(b -> b.put("occurredAt", "2020-01-15T04:00:00Z")); // exactly 30 days back
        assertRejected(b -> b.put("occurredAt", "2020-02-14T12:05:01+08:00"), "occurredAt=future");
        assertRejected(b -> b.put("occurredAt", "2020-01-15T03:59:59Z"), "occurredAt=too-old");
        assertRejected(b -> b.put("occurredAt", "2020-02-14T10:00:00"), "occurredAt=date-time");
        assertRejected(b -> b.put("occurredAt", "2020-02-14"), "occurredAt=date-time");
    }

    @Test
    void aVehiclePlateIsAChinesePlate() {
        assertAccepted(b -> b.put("vehiclePlate", "甘A12345"));
        assertAccepted(b -> b.put("vehiclePlate", "甘ad12345"));
        assertRejected(b -> b.put("vehiclePlate", "甘A1234"), "vehiclePlate=format");
        assertRejected(b -> b.put("vehiclePlate", "AB12345"), "vehiclePlate=format");
        assertRejected(b -> b.put("vehiclePlate", "港A12345"), "vehiclePlate=format");
    }

    @Test
    void originAndTravelHistoryAreBounded() {
        assertAccepted(b -> b.put("origin", "西".repeat(100)));
        assertRejected(b -> b.put("origin", "西".repeat(101)), "origin=length");
        assertAccepted(b -> { var a = b.putArray("travelHistory"); for (int i = 0; i < 20; i++) { a.add("西安"); } });
        assertRejected(b -> { var a = b.putArray("travelHistory"); for (int i = 0; i < 21; i++) { a.add("西安"); } },
                "travelHistory=items");
        assertRejected(b -> b.putArray("travelHistory").add("西安").add("西".repeat(101)), "travelHistory.1=length");
        assertRejected(b -> b.put("travelHistory", "西安"), "travelHistory=type");
    }

    @Test
    void contactWithCasesAndCohabitantsUnwellAreBooleans() {
        assertAccepted(b -> b.put("contactWithCases", true).put("cohabitantsUnwell", false));
        assertRejected(b -> b.put("contactWithCases", "yes"), "contactWithCases=type");
        assertRejected(b -> b.put("cohabitantsUnwell", 1), "cohabitantsUnwell=type");
    }

    @Test
    void theTemperatureLiesBetween34And43WithAtMostOneDecimal() {
        assertAccepted(b -> b.put("temperatureCelsius", new BigDecimal("34.0")));
        assertAccepted(b -> b.put("temperatureCelsius", new BigDecimal("43.0")));
        assertAccepted(b -> b.put("temperatureCelsius", 37));
        assertAccepted(b -> b.put("temperatureCelsius", "36.6"));
        assertRejected(b -> b.put("temperatureCelsius", new BigDecimal("33.9")), "temperatureCelsius=range");
        assertRejected(b -> b.put("temperatureCelsius", new BigDecimal("43.1")), "temperatureCelsius=range");
        assertRejected(b -> b.put("temperatureCelsius", new BigDecimal("36.55")), "temperatureCelsius=precision");
        assertRejected(b -> b.put("temperatureCelsius", "hot"), "temperatureCelsius=type");
    }

    @Test
    void checkpointsAndObservationSitesRequireATemperature() {
        for (String type : List.of("CHECKPOINT", "OBSERVATION")) {
            assertRejected(b -> b.putObject("site").put("type", type).put("code", "X"), "temperatureCelsius=required");
            assertAccepted(b -> b.put("temperatureCelsius", 36.5).putObject("site").put("type", type).put("code", "X"));
        }
        for (String type : List.of("COMMUNITY", "ENTERPRISE")) {
            assertAccepted(b -> b.putObject("site").put("type", type).put("code", "X"));
        }
    }

    @Test
    void symptomsAreASubsetOfTheList() {
        assertAccepted(b -> b.putArray("symptoms").add("FEVER").add("COUGH").add("FATIGUE").add("SORE_THROAT")
                .add("SHORTNESS_OF_BREATH").add("DIARRHEA").add("OTHER"));
        assertAccepted(b -> b.putArray("symptoms"));
        assertRejected(b -> b.putArray("symptoms").add("SNEEZING"), "symptoms=enum");
        assertRejected(b -> b.put("symptoms", "COUGH"), "symptoms=type");
    }

    @Test
    void consentIsRequiredAndMustBeTrue() {
        assertRejected(b -> b.remove("consent"), "consent=required");
        assertRejected(b -> b.put("consent", false), "consent=consent");
        assertRejected(b -> b.put("consent", "true"), "consent=type");
    }

    @Test
    void unknownFieldsAreRefused() {
        assertRejected(b -> b.put("idNumberMasked", "1**"), "idNumberMasked=unknown");
    }

    @Test
    void anErrorNeverRepeatsTheSubmittedPersonalData() {
        APIGatewayV2HTTPResponse response = post(b -> b.put("idNumber", "110105194912310021")
                .put("phone", "12800138000").put("vehiclePlate", "甘Q9876"));
        assertEquals(400, response.getStatusCode());
        assertFalse(response.getBody().contains("110105194912310021"));
        assertFalse(response.getBody().contains("12800138000"));
        assertFalse(response.getBody().contains("甘Q9876"));
    }

    // ---- form bodies

    @Test
    void aFormBodyIsReadWithDottedNamesRepeatedKeysAndConvertedValues() {
        APIGatewayV2HTTPResponse response = fixture.post(Fixture.form(
                "name=%E5%BC%A0%E4%BC%9F&idNumber=11010519491231002x&phone=%2B86+138-0013-8000&district=chengguan"
                        + "&site.type=CHECKPOINT&site.code=G312&temperatureCelsius=36.4&symptoms=COUGH&symptoms=FATIGUE"
                        + "&travelHistory=%E8%A5%BF%E5%AE%89&contactWithCases=false&cohabitantsUnwell=0&consent=on"));
        assertEquals(201, response.getStatusCode(), response::getBody);
        JsonNode body = Fixture.body(response);
        assertEquals("MEDIUM", body.path("riskLevel").asText());
        assertEquals("1***************2X", body.path("idNumberMasked").asText());
        assertEquals("138****8000", body.path("phoneMasked").asText());
    }

    @Test
    void aFormBodyReportsEveryBadField() {
        APIGatewayV2HTTPResponse response = fixture.post(Fixture.form(
                "name=&idNumber=110105194912310021&phone=123&district=nowhere&site.type=CHECKPOINT&site.code=G"
                        + "&temperatureCelsius=36.55&symptoms=SNEEZING&contactWithCases=maybe&consent=off&extra=1"));
        assertEquals(400, response.getStatusCode());
        List<String> errors = errors(response);
        for (String expected : List.of("name=required", "idNumber=check-character", "phone=format",
                "district=unknown-district", "temperatureCelsius=precision", "symptoms=enum", "contactWithCases=type",
                "consent=consent", "extra=unknown")) {
            assertTrue(errors.contains(expected), () -> expected + " not in " + errors);
        }
    }

    @Test
    void aFormWithoutATemperatureAtACheckpointIsRefused() {
        APIGatewayV2HTTPResponse response = fixture.post(Fixture.form(
                "name=A&idNumber=11010519491231002X&phone=13800138000&district=chengguan&site.type=CHECKPOINT"
                        + "&site.code=G&temperatureCelsius=&consent=true"));
        assertEquals(List.of("temperatureCelsius=required"), errors(response));
    }

    // ---- the body itself

    @Test
    void otherContentTypesGet415AndBodiesOver64KibGet413() {
        var text = fixture.post(Requests.route("POST /registrations", "/registrations")
                .header("content-type", "text/plain").build());
        assertEquals(415, text.getStatusCode());
        ObjectNode big = valid().put("origin", "x".repeat(70_000));
        assertEquals(413, fixture.post(big).getStatusCode());
        var malformed = fixture.post(Requests.route("POST /registrations", "/registrations").json("{\"name\":").build());
        assertEquals(400, malformed.getStatusCode());
    }
}
