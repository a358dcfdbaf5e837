package cn.lanzhou.epidemic.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.http.FormBody;
import cn.lanzhou.epidemic.common.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldsTest {
    enum Colour { RED, GREEN }

    private static Fields json(String body) throws Exception {
        return Fields.root(Json.parse(body), false, new Errors());
    }

    private static Fields form(String body) {
        return Fields.root(FormBody.parse(body), true, new Errors());
    }

    @Test
    void everyBadFieldIsReportedOnceWithItsDottedPath() throws Exception {
        Fields f = json("{\"name\": 5, \"items\": [{\"quantity\": 1.5}], \"extra\": true}");
        f.requiredString("name", 1, 10);
        f.requiredString("missing", 1, 10);
        f.objects("items", 1, 5).get().get(0).integer("quantity", 1, 10);
        f.finish();
        List<String> fields = f.errors().list().stream().map(e -> e.field() + ":" + e.code()).toList();
        assertEquals(List.of("name:type", "missing:required", "items.0.quantity:type", "extra:unknown"), fields);
    }

    @Test
    void jsonDecimalsAreExactFromNumbersAndStrings() throws Exception {
        Fields f = json("{\"a\": 0.1, \"b\": \"2000.20\", \"c\": 1e2, \"d\": \"abc\"}");
        assertEquals(new BigDecimal("0.1"), f.decimal("a").get());
        assertEquals(new BigDecimal("2000.20"), f.decimal("b").get());
        assertEquals(0, new BigDecimal("100").compareTo(f.decimal("c").get()));
        assertTrue(f.decimal("d").isEmpty());
        assertTrue(f.hasError("d"));
    }

    @Test
    void jsonIsStrictAboutTypesButAFormIsConvertedByTheFieldsType() throws Exception {
        Fields strict = json("{\"consent\": \"true\", \"count\": \"3\"}");
        assertTrue(strict.bool("consent").isEmpty());
        assertTrue(strict.integer("count", 0, 9).isEmpty());
        assertEquals(2, strict.errors().list().size());

        Fields lenient = form("consent=on&count=3&tags=one&empty=");
        assertEquals(true, lenient.bool("consent").get());
        assertEquals(3L, lenient.integer("count", 0, 9).get());
        assertEquals(List.of("one"), lenient.strings("tags", 5, 10).get());
        assertFalse(lenient.present("empty"));
        assertTrue(lenient.errors().isEmpty());
    }

    @Test
    void lengthsCountCharactersNotBytesAndControlCharactersAreRefused() throws Exception {
        Fields f = json("{\"name\": \"张三丰\", \"bad\": \"a\\u0000b\"}");
        assertEquals("张三丰", f.string("name", 1, 3).get());
        assertTrue(f.string("bad", 1, 10).isEmpty());
        assertEquals("characters", f.errors().list().get(0).code());
    }

    @Test
    void halfASurrogatePairIsRefusedAndAWholeOneKept() throws Exception {
        Fields f = json("{\"name\": \"李\\ud800\", \"tags\": [\"\\udc00x\"], \"emoji\": \"\\ud83d\\ude37\"}");
        assertTrue(f.string("name", 1, 10).isEmpty());
        assertTrue(f.strings("tags", 5, 10).isEmpty() || f.hasError("tags.0"));
        assertEquals("😷", f.string("emoji", 1, 10).get());
        assertEquals(List.of("characters", "characters"), f.errors().list().stream().map(e -> e.code()).toList());
        assertEquals(Messages.INVALID_CHARACTERS, f.errors().list().get(0).message());
    }

    @Test
    void enumSetsKeepTheEnumOrderAndRefuseUnknownValues() throws Exception {
        Fields f = json("{\"ok\": [\"GREEN\", \"RED\"], \"bad\": [\"BLUE\"]}");
        assertEquals(Set.of(Colour.RED, Colour.GREEN), f.enumSet("ok", Colour.class).get());
        assertEquals(List.of(Colour.RED, Colour.GREEN), List.copyOf(f.enumSet("ok", Colour.class).get()));
        assertTrue(f.enumSet("bad", Colour.class).isEmpty());
        assertTrue(f.hasError("bad"));
    }

    @Test
    void aChoiceGivenTwiceIsRefusedAsTheSchemasSayUniqueItems() throws Exception {
        Fields f = json("{\"twice\": [\"GREEN\", \"RED\", \"GREEN\"]}");
        assertTrue(f.enumSet("twice", Colour.class).isEmpty());
        assertEquals("duplicate", f.errors().list().get(0).code());
        assertEquals("twice", f.errors().list().get(0).field());
    }

    @Test
    void aJsonNullIsAWrongTypeForOptionalAndRequiredFieldsAlike() throws Exception {
        Fields f = json("{\"optional\": null, \"required\": null, \"list\": null}");
        assertTrue(f.string("optional", 0, 10).isEmpty());
        assertNull(f.requiredString("required", 1, 10));
        assertTrue(f.enumSet("list", Colour.class).isEmpty());
        assertEquals(List.of("optional:type", "required:type", "list:type"),
                f.errors().list().stream().map(e -> e.field() + ":" + e.code()).toList());
        assertEquals(Messages.NULL, f.errors().list().get(0).message());
    }

    @Test
    void datesMustExist() throws Exception {
        Fields f = json("{\"a\": \"2020-02-30\", \"b\": \"2020-02-29\", \"c\": \"2020-2-1\"}");
        assertTrue(f.date("a").isEmpty());
        assertEquals("2020-02-29", f.date("b").get().toString());
        assertTrue(f.date("c").isEmpty());
    }

    @Test
    void anUnknownNameThatMayBeSubmittedDataIsReportedOnItsObjectWithoutRepeatingIt() throws Exception {
        // found by RegistrationHandlerProperties: a JSON text posted as a form is one name, personal data and all
        Fields f = json("{\"known\": \"x\", \"extra\": 1, \"13800138000\": 1, \"{\\\"name\\\":\\\"张伟\\\"}\": 1, "
                + "\"inner\": {\"张伟\": 1, \"fine_name2\": 2}}");
        f.string("known", 0, 5);
        f.object("inner");
        f.finish();
        List<String> found = f.errors().list().stream().map(e -> e.field() + ":" + e.code()).toList();
        assertEquals(List.of("extra:unknown", ":unknown", "inner:unknown", "inner.fine_name2:unknown"), found);
        assertEquals(Messages.UNKNOWN_UNNAMED, f.errors().list().get(1).message());
    }
}
