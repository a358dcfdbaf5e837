package cn.lanzhou.epidemic.donation.domain;

import static cn.lanzhou.epidemic.donation.Fixtures.DISTRICTS;
import static cn.lanzhou.epidemic.donation.Fixtures.TODAY;
import static cn.lanzhou.epidemic.donation.Fixtures.funds;
import static cn.lanzhou.epidemic.donation.Fixtures.materials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.problem.FieldError;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Category;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.DonorType;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Kind;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DonationCommandTest {

    private static DonationCommand read(Requests request) {
        ApiRequest api = new ApiRequest(request.build());
        return DonationCommand.read(RequestBody.read(api), DISTRICTS, TODAY);
    }

    private static DonationCommand json(ObjectNode body) {
        return read(Requests.route("POST /donations", "/donations").json(Json.write(body)));
    }

    /** The field → code of every error the request gets. */
    private static Map<String, String> errors(Requests request) {
        Problem problem = assertThrows(Problem.class, () -> read(request));
        assertEquals(400, problem.status());
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : problem.errors()) {
            byField.put(e.field(), e.code());
        }
        return byField;
    }

    private static Map<String, String> jsonErrors(ObjectNode body) {
        return errors(Requests.route("POST /donations", "/donations").json(Json.write(body)));
    }

    private static Map<String, String> fundsErrors(Consumer<ObjectNode> change) {
        ObjectNode body = funds();
        change.accept(body);
        return jsonErrors(body);
    }

    private static Map<String, String> materialsErrors(Consumer<ObjectNode> change) {
        ObjectNode body = materials();
        change.accept(body);
        return jsonErrors(body);
    }

    private static ObjectNode donor(ObjectNode body) {
        return (ObjectNode) body.get("donor");
    }

    private static ObjectNode item(ObjectNode body, int i) {
        return (ObjectNode) body.get("items").get(i);
    }

    // ---- valid bodies

    @Test
    void aFundsDonationIsReadWithItsNormalisedPhoneAndExactAmount() {
        DonationCommand c = json(funds());
        assertEquals(Kind.FUNDS, c.kind());
        assertEquals("200000.20", c.amount().orElseThrow().toPlainString());
        assertEquals("200000.20", c.value().toPlainString());
        assertEquals("13809311234", c.donor().phone().orElseThrow());
        assertEquals(DonorType.ORGANIZATION, c.donor().type());
        assertFalse(c.donor().anonymous());
        assertEquals("城关区红十字会", c.recipient().orElseThrow());
        assertTrue(c.donatedOn().isEmpty());
        assertTrue(c.items().isEmpty());
    }

    @Test
    void aMaterialsDonationIsValuedAsTheExactSumOfQuantityTimesUnitValue() {
        DonationCommand c = json(materials());
        assertEquals(2, c.items().size());
        assertEquals(Category.MASK, c.items().get(0).category());
        assertEquals("11000.00", c.value().toPlainString());
        assertTrue(c.amount().isEmpty());
    }

    @Test
    void pointOneAndPointTwoUnitValuesTotalPointThirty() {
        ObjectNode body = materials();
        item(body, 0).put("quantity", 1).put("unitValue", "0.1");
        item(body, 1).put("quantity", 1).set("unitValue", Json.mapper().getNodeFactory().numberNode(new java.math.BigDecimal("0.2")));
        assertEquals("0.30", json(body).value().toPlainString());
    }

    @Test
    void anAnonymousDonorNeedsNoNameAndAnyNameGivenIsDropped() {
        ObjectNode body = funds();
        donor(body).remove("name");
        donor(body).put("anonymous", true);
        DonationCommand c = json(body);
        assertTrue(c.donor().anonymous());
        assertTrue(c.donor().name().isEmpty());

        donor(body).put("name", "李四");
        assertTrue(json(body).donor().name().isEmpty());
    }

    @Test
    void phoneIsOptionalAndAcceptedWith0086AndSpaces() {
        ObjectNode body = funds();
        donor(body).remove("phone");
        assertTrue(json(body).donor().phone().isEmpty());
        donor(body).put("phone", "0086 139 1234 5678");
        assertEquals("13912345678", json(body).donor().phone().orElseThrow());
    }

    @Test
    void donatedOnMayBeTodayOrUpTo365DaysBack() {
        ObjectNode body = funds();
        body.put("donatedOn", TODAY.toString());
        assertEquals(TODAY, json(body).donatedOn().orElseThrow());
        body.put("donatedOn", TODAY.minusDays(365).toString());
        assertEquals(TODAY.minusDays(365), json(body).donatedOn().orElseThrow());
    }

    @Test
    void aFormBodyWithDottedAndIndexedNamesIsReadLikeJson() {
        DonationCommand c = read(Requests.route("POST /donations", "/donations").form(
                "donor.name=%E5%BC%A0%E4%B8%89&donor.type=INDIVIDUAL&donor.anonymous=off&district=xigu&kind=MATERIALS"
                        + "&items.0.category=MASK&items.0.name=N95&items.0.quantity=3&items.0.unit=box&items.0.unitValue=0.1"
                        + "&items.1.category=FOOD&items.1.name=rice&items.1.quantity=1&items.1.unit=bag&items.1.unitValue=0.2"
                        + "&donatedOn=&note="));
        assertEquals("张三", c.donor().name().orElseThrow());
        assertEquals("0.50", c.value().toPlainString()); // 3 × 0.1 + 1 × 0.2
        assertEquals(3, c.items().get(0).quantity());
        assertTrue(c.donatedOn().isEmpty());
        assertTrue(c.note().isEmpty());
    }

    @Test
    void aFormFundsDonationWithAnonymousOn() {
        DonationCommand c = read(Requests.route("POST /donations", "/donations").form(
                "donor.type=INDIVIDUAL&donor.anonymous=on&district=anning&kind=FUNDS&amount=1e2"));
        assertTrue(c.donor().anonymous());
        assertEquals("100.00", c.value().toPlainString());
    }

    @Test
    void aFormPostedWithoutJavaScriptIgnoresTheEmptyItemRowOfAFundsDonation() {
        // the whole form is posted: the amount for FUNDS and the materials row left empty
        DonationCommand c = read(Requests.route("POST /donations", "/donations").form(
                "donor.type=INDIVIDUAL&donor.name=A&district=xigu&kind=FUNDS&amount=5&items.0.category="
                        + "&items.0.name=&items.0.quantity=&items.0.unit=&items.0.unitValue=&recipient=&note="));
        assertEquals("5.00", c.value().toPlainString());
        assertTrue(c.items().isEmpty());
        DonationCommand m = read(Requests.route("POST /donations", "/donations").form(
                "donor.type=INDIVIDUAL&donor.name=A&district=xigu&kind=MATERIALS&amount=&items.0.category=MASK"
                        + "&items.0.name=N95&items.0.quantity=2&items.0.unit=box&items.0.unitValue=1.5"));
        assertEquals("3.00", m.value().toPlainString());
    }

    // ---- every rule

    @Test
    void everyErrorIsReportedAtOnce() {
        Map<String, String> errors = jsonErrors((ObjectNode) Json.parseTrusted("""
                {"donor": {"type": "PERSON", "phone": "12345"}, "district": "wuhan", "kind": "FUNDS",
                 "amount": "0.015", "donatedOn": "2020-02-30", "note": 5, "extra": 1}"""));
        assertEquals(Map.of("donor.name", "required", "donor.type", "enum", "donor.phone", "format",
                "district", "unknown-district", "amount", "precision", "donatedOn", "date", "note", "type",
                "extra", "unknown"), errors);
    }

    @Test
    void anEmptyBodyNamesEveryRequiredField() {
        assertEquals(Map.of("donor", "required", "district", "required", "kind", "required"),
                jsonErrors(Json.object()));
    }

    @Test
    void donorRules() {
        assertEquals(Map.of("donor", "type"), fundsErrors(b -> b.put("donor", "张三")));
        assertEquals(Map.of("donor.name", "required"), fundsErrors(b -> donor(b).remove("name")));
        assertEquals(Map.of("donor.name", "length"), fundsErrors(b -> donor(b).put("name", "  ")));
        assertEquals(Map.of("donor.name", "length"), fundsErrors(b -> donor(b).put("name", "名".repeat(101))));
        assertEquals(Map.of("donor.name", "length"), fundsErrors(b -> donor(b).put("anonymous", true).put("name", "x".repeat(101))));
        assertEquals(Map.of("donor.type", "required"), fundsErrors(b -> donor(b).remove("type")));
        assertEquals(Map.of("donor.type", "enum"), fundsErrors(b -> donor(b).put("type", "individual")));
        assertEquals(Map.of("donor.anonymous", "type"), fundsErrors(b -> donor(b).put("anonymous", "yes")));
        assertEquals(Map.of("donor.phone", "format"), fundsErrors(b -> donor(b).put("phone", "12812345678")));
        assertEquals(Map.of("donor.phone", "format"), fundsErrors(b -> donor(b).put("phone", "1381234567")));
        assertEquals(Map.of("donor.phone", "format"), fundsErrors(b -> donor(b).put("phone", "+1 138 0931 1234")));
        assertEquals(Map.of("donor.phone", "type"), fundsErrors(b -> donor(b).put("phone", 13809311234L)));
        assertEquals(Map.of("donor.email", "unknown"), fundsErrors(b -> donor(b).put("email", "a@b.c")));
    }

    @Test
    void districtRecipientKindAndNoteRules() {
        assertEquals(Map.of("district", "required"), fundsErrors(b -> b.remove("district")));
        assertEquals(Map.of("district", "unknown-district"), fundsErrors(b -> b.put("district", "Chengguan")));
        assertEquals(Map.of("recipient", "length"), fundsErrors(b -> b.put("recipient", "会".repeat(101))));
        assertEquals(Map.of("kind", "required"), fundsErrors(b -> b.remove("kind")));
        assertEquals(Map.of("kind", "enum"), fundsErrors(b -> b.put("kind", "GOODS")));
        assertEquals(Map.of("note", "length"), fundsErrors(b -> b.put("note", "注".repeat(501))));
        assertEquals(Map.of("note", "characters"), fundsErrors(b -> b.put("note", "a\u0000b")));
    }

    @Test
    void fundsNeedAPositiveAmountOfAtMostOneHundredMillion() {
        assertEquals(Map.of("amount", "required"), fundsErrors(b -> b.remove("amount")));
        assertEquals(Map.of("amount", "type"), fundsErrors(b -> b.putNull("amount")), "null is a wrong type, not a way to leave a field out");
        assertEquals(Map.of("amount", "range"), fundsErrors(b -> b.put("amount", 0)));
        assertEquals(Map.of("amount", "range"), fundsErrors(b -> b.put("amount", "-1.00")));
        assertEquals(Map.of("amount", "range"), fundsErrors(b -> b.put("amount", "100000000.01")));
        assertEquals(Map.of("amount", "precision"), fundsErrors(b -> b.put("amount", "0.015")));
        assertEquals(Map.of("amount", "type"), fundsErrors(b -> b.put("amount", "NaN")));
        assertEquals(Map.of("amount", "type"), fundsErrors(b -> b.put("amount", "Infinity")));
        assertEquals(Map.of("amount", "type"), fundsErrors(b -> b.put("amount", true)));
        assertEquals(Map.of("items", "not-allowed"), fundsErrors(b -> b.set("items", materials().get("items"))));
        assertEquals("100000000.00", json(put(funds(), "amount", "100000000.00")).value().toPlainString());
    }

    @Test
    void materialsNeedOneToFiftyItemsAndNoAmount() {
        assertEquals(Map.of("items", "required"), materialsErrors(b -> b.remove("items")));
        assertEquals(Map.of("items", "items"), materialsErrors(b -> b.putArray("items")));
        assertEquals(Map.of("items", "type"), materialsErrors(b -> b.put("items", "masks")));
        assertEquals(Map.of("items.1", "type"), materialsErrors(b -> ((ArrayNode) b.get("items")).set(1, Json.mapper().getNodeFactory().textNode("x"))));
        assertEquals(Map.of("amount", "not-allowed"), materialsErrors(b -> b.put("amount", "10.00")));
        assertEquals(Map.of("items", "items"), materialsErrors(b -> {
            ArrayNode items = b.putArray("items");
            for (int i = 0; i < 51; i++) {
                items.add(item(materials(), 0));
            }
        }));
        ObjectNode fifty = materials();
        ArrayNode items = fifty.putArray("items");
        for (int i = 0; i < 50; i++) {
            items.add(item(materials(), 0).deepCopy().put("quantity", 1).put("unitValue", "0.01"));
        }
        assertEquals("0.50", json(fifty).value().toPlainString());
    }

    @Test
    void itemRules() {
        assertEquals(Map.of("items.0.category", "required"), materialsErrors(b -> item(b, 0).remove("category")));
        assertEquals(Map.of("items.0.category", "enum"), materialsErrors(b -> item(b, 0).put("category", "VACCINE")));
        assertEquals(Map.of("items.0.name", "required"), materialsErrors(b -> item(b, 0).remove("name")));
        assertEquals(Map.of("items.0.name", "length"), materialsErrors(b -> item(b, 0).put("name", "n".repeat(101))));
        assertEquals(Map.of("items.0.quantity", "required"), materialsErrors(b -> item(b, 0).remove("quantity")));
        assertEquals(Map.of("items.0.quantity", "range"), materialsErrors(b -> item(b, 0).put("quantity", 0)));
        assertEquals(Map.of("items.0.quantity", "range"), materialsErrors(b -> item(b, 0).put("quantity", 10_000_001)));
        assertEquals(Map.of("items.0.quantity", "type"), materialsErrors(b -> item(b, 0).put("quantity", 1.5)));
        assertEquals(Map.of("items.0.quantity", "type"), materialsErrors(b -> item(b, 0).put("quantity", "3")));
        assertEquals(Map.of("items.0.unit", "required"), materialsErrors(b -> item(b, 0).remove("unit")));
        assertEquals(Map.of("items.0.unit", "length"), materialsErrors(b -> item(b, 0).put("unit", "u".repeat(11))));
        assertEquals(Map.of("items.0.unitValue", "required"), materialsErrors(b -> item(b, 0).remove("unitValue")));
        assertEquals(Map.of("items.0.unitValue", "range"), materialsErrors(b -> item(b, 0).put("unitValue", "-0.01")));
        assertEquals(Map.of("items.0.unitValue", "precision"), materialsErrors(b -> item(b, 0).put("unitValue", "0.001")));
        assertEquals(Map.of("items.1.colour", "unknown"), materialsErrors(b -> item(b, 1).put("colour", "red")));
        assertEquals("10000000", String.valueOf(json(put(materials(), 0, "quantity", 10_000_000)).items().get(0).quantity()));
        assertEquals("2500.00", json(put(materials(), 0, "unitValue", 0)).value().toPlainString());
    }

    @Test
    void donatedOnMustNotBeInTheFutureNorOlderThan365Days() {
        assertEquals(Map.of("donatedOn", "future"), fundsErrors(b -> b.put("donatedOn", TODAY.plusDays(1).toString())));
        assertEquals(Map.of("donatedOn", "too-old"), fundsErrors(b -> b.put("donatedOn", TODAY.minusDays(366).toString())));
        assertEquals(Map.of("donatedOn", "date"), fundsErrors(b -> b.put("donatedOn", "2020-2-1")));
        assertEquals(Map.of("donatedOn", "date"), fundsErrors(b -> b.put("donatedOn", "2020-02-13T00:00:00+08:00")));
    }

    @Test
    void formErrorsNameTheDottedPaths() {
        Map<String, String> errors = errors(Requests.route("POST /donations", "/donations").form(
                "donor.type=INDIVIDUAL&district=xigu&kind=MATERIALS&items.0.category=MASK&items.0.name=N95"
                        + "&items.0.quantity=abc&items.0.unit=box&items.0.unitValue=0.015"));
        assertEquals(Map.of("donor.name", "required", "items.0.quantity", "type", "items.0.unitValue", "precision"), errors);
    }

    @Test
    void errorMessagesNeverEchoTheSubmittedValues() {
        Problem problem = assertThrows(Problem.class, () -> json(put(put(funds(), "district", "secret-district-x"),
                "amount", "secret-amount-y")));
        String body = Json.write(problem.body("r"));
        assertFalse(body.contains("secret"), body);
    }

    private static ObjectNode put(ObjectNode body, String field, String value) {
        return body.put(field, value);
    }

    private static ObjectNode put(ObjectNode body, int item, String field, long value) {
        item(body, item).put(field, value);
        return body;
    }
}
