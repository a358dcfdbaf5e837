package cn.lanzhou.epidemic.donation;

import static cn.lanzhou.epidemic.donation.Fixtures.DISTRICTS;
import static cn.lanzhou.epidemic.donation.Fixtures.NOW;
import static cn.lanzhou.epidemic.donation.Fixtures.clock;
import static cn.lanzhou.epidemic.donation.Fixtures.funds;
import static cn.lanzhou.epidemic.donation.Fixtures.materials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Events;
import cn.lanzhou.epidemic.common.testing.InMemoryIdempotencyStore;
import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.donation.domain.Donation;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DonationHandlerTest {
    private final InMemoryDonations donations = new InMemoryDonations();
    private final InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore();
    private final AppClock clock = clock(NOW);
    private final DonationHandler handler = new DonationHandler(DISTRICTS, clock, new Idempotency(keys, clock), donations);

    private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private APIGatewayV2HTTPResponse post(ObjectNode body, String key) {
        Requests request = Requests.route("POST /donations", "/donations").json(Json.write(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return post(request.build());
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        return Json.parseTrusted(response.getBody());
    }

    @Test
    void aFundsDonationAnswers201WithExactlyTheContractFields() {
        APIGatewayV2HTTPResponse response = post(funds(), null);
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = body(response);
        assertEquals(Set.of("id", "receiptNumber", "kind", "value", "localDate", "district"),
                Set.copyOf(List.copyOf(iterable(body))));
        assertEquals("FUNDS", body.get("kind").asText());
        assertTrue(body.get("value").isTextual());
        assertEquals("200000.20", body.get("value").asText());
        assertEquals("2020-02-13", body.get("localDate").asText());
        assertEquals("chengguan", body.get("district").asText());
        assertTrue(body.get("receiptNumber").asText().matches("DN-20200213-[0-9A-HJKMNP-TV-Z]{6}"));
        assertEquals(donations.byId.keySet().iterator().next(), body.get("id").asText());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theValueAlwaysHasTwoFractionDigits() {
        assertEquals("100.00", body(post(funds().put("amount", 100), null)).get("value").asText());
        assertEquals("100.00", body(post(funds().put("amount", "1e2"), null)).get("value").asText());
        assertEquals("12.50", body(post(funds().put("amount", "12.5"), null)).get("value").asText());
        assertEquals("11000.00", body(post(materials(), null)).get("value").asText());
    }

    @Test
    void theSampleEventsAreAccepted() {
        JsonNode fundsBody = body(post(Events.load("donation-funds.json")));
        assertEquals("200000.20", fundsBody.get("value").asText());
        JsonNode materialsBody = body(post(Events.load("donation-materials.json")));
        assertEquals("11000.00", materialsBody.get("value").asText());
        assertEquals("MATERIALS", materialsBody.get("kind").asText());
        APIGatewayV2HTTPResponse anonymous = post(Events.load("donation-anonymous.json"));
        assertEquals(201, anonymous.getStatusCode(), anonymous.getBody());
        assertEquals("500.00", body(anonymous).get("value").asText());
        Donation stored = donations.byId.get(body(anonymous).get("id").asText());
        assertEquals("匿名", stored.donorName());
        assertFalse(anonymous.getBody().contains("匿名"), "the donor is never reported");
    }

    @Test
    void theSameKeyAndBodyReplaysTheStoredAnswerAndWritesNothingAgain() {
        APIGatewayV2HTTPResponse first = post(funds(), "form-1");
        APIGatewayV2HTTPResponse again = post(funds(), "form-1");
        assertEquals(201, again.getStatusCode());
        assertEquals(first.getBody(), again.getBody());
        assertEquals("true", again.getHeaders().get("Idempotency-Replayed"));
        assertNull(first.getHeaders().get("Idempotency-Replayed"));
        assertEquals(1, donations.byId.size());
        assertEquals(1, donations.receipts.size());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        post(funds(), "form-2");
        APIGatewayV2HTTPResponse other = post(funds().put("amount", "1.00"), "form-2");
        assertEquals(422, other.getStatusCode());
        assertEquals("application/problem+json", other.getHeaders().get("Content-Type"));
        assertEquals(1, donations.byId.size());
    }

    @Test
    void aDifferentKeyIsANewDonation() {
        post(funds(), "form-3");
        post(funds(), "form-4");
        assertEquals(2, donations.byId.size());
    }

    @Test
    void anInvalidRequestIs400AndItsKeyIsNotStored() {
        APIGatewayV2HTTPResponse bad = post(funds().put("amount", "0.015"), "form-5");
        assertEquals(400, bad.getStatusCode());
        JsonNode problem = body(bad);
        assertEquals("amount", problem.get("errors").get(0).get("field").asText());
        assertEquals(0, keys.size());
        assertTrue(donations.byId.isEmpty());
        // corrected and sent again with the same key, it is processed
        assertEquals(201, post(funds(), "form-5").getStatusCode());
    }

    @Test
    void aFormPostIsAcceptedAsWell() {
        APIGatewayV2HTTPResponse response = post(Requests.route("POST /donations", "/donations")
                .form("donor.name=A&donor.type=INDIVIDUAL&district=gaolan&kind=FUNDS&amount=0.30").build());
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals("0.30", body(response).get("value").asText());
    }

    @Test
    void aBrowserPostingAFormGetsAChinesePage() {
        APIGatewayV2HTTPResponse response = post(Requests.route("POST /donations", "/donations")
                .form("donor.name=A&donor.type=INDIVIDUAL&district=gaolan&kind=FUNDS&amount=5")
                .header("Accept", "text/html,application/xhtml+xml").build());
        assertEquals(201, response.getStatusCode());
        assertTrue(response.getBody().contains("捐赠已登记"));
    }

    @Test
    void anotherContentTypeIs415() {
        APIGatewayV2HTTPResponse response = post(Requests.route("POST /donations", "/donations")
                .json(Json.write(funds())).header("content-type", "text/plain").build());
        assertEquals(415, response.getStatusCode());
    }

    // ---- answers the property tests found wrong

    @Test
    void aBadlyEncodedFormFromABrowserIsAPageWithTheErrorAndAJsonClientGetsErrors() {
        APIGatewayV2HTTPResponse page = post(Requests.route("POST /donations", "/donations").form("donor.name=%E5%BC")
                .header("Accept", "text/html").build());
        assertEquals(400, page.getStatusCode());
        assertTrue(page.getHeaders().get("Content-Type").startsWith("text/html"));
        APIGatewayV2HTTPResponse json = post(Requests.route("POST /donations", "/donations").form("donor.name=%E5%BC").build());
        assertEquals("application/problem+json", json.getHeaders().get("Content-Type"));
        JsonNode error = Json.parseTrusted(json.getBody()).get("errors").get(0);
        assertEquals("", error.get("field").asText());
        assertEquals("malformed", error.get("code").asText());
        assertTrue(donations.byId.isEmpty());
    }

    @Test
    void aNullAmountIsAWrongTypeNotAMissingField() {
        APIGatewayV2HTTPResponse response = post(funds().putNull("amount"), null);
        assertEquals(400, response.getStatusCode());
        JsonNode error = Json.parseTrusted(response.getBody()).get("errors").get(0);
        assertEquals("amount", error.get("field").asText());
        assertEquals("type", error.get("code").asText());
    }
}
