package cn.lanzhou.epidemic.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainJsonTest {

    @Test
    void readsEveryKindOfValueWithNumbersExact() {
        Map<String, Object> doc = PlainJson.object(PlainJson.parse(
                " {\"s\":\"甘A12345\",\"n\":-12.50,\"e\":1E+3,\"z\":0,\"t\":true,\"f\":false,\"null\":null,"
                        + "\"l\":[1,[],{}],\"m\":{\"k\":\"v\"}} \n"));
        assertEquals("甘A12345", doc.get("s"));
        assertEquals(new BigDecimal("-12.50"), doc.get("n"), "the scale is kept: 12.50, not 12.5");
        assertEquals(0, new BigDecimal("1000").compareTo((BigDecimal) doc.get("e")));
        assertEquals(BigDecimal.ZERO, doc.get("z"));
        assertEquals(Boolean.TRUE, doc.get("t"));
        assertEquals(Boolean.FALSE, doc.get("f"));
        assertTrue(doc.containsKey("null"));
        assertNull(doc.get("null"));
        assertEquals(List.of(BigDecimal.ONE, List.of(), Map.of()), doc.get("l"));
        assertEquals(Map.of("k", "v"), doc.get("m"));
        assertEquals(List.of("s", "n", "e", "z", "t", "f", "null", "l", "m"), new ArrayList<>(doc.keySet()),
                "names in document order");
    }

    @Test
    void readsEscapesAndCharactersOutsideTheBasicPlane() {
        assertEquals("a\"b\\c/d\be\ff\ng\rh\ti", PlainJson.parse("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\""));
        assertEquals("兰州 😷", PlainJson.parse("\"\\u5170\\u5DDE \\ud83d\\ude37\""));
        assertEquals("兰州 😷", PlainJson.parse("\"兰州 😷\""));
    }

    @Test
    void refusesWhatIsNotExactlyOneJsonValueWithoutQuotingIt() {
        for (String bad : List.of("", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[1 2]", "01", "1.", ".5",
                "-", "1e", "+1", "NaN", "tru", "nul", "\"open", "\"bad \\x escape\"", "\"\\u12\"", "\"tab\there\"",
                "{} {}", "{\"a\":1,\"a\":2}", "1".repeat(101), "[".repeat(70) + "]".repeat(70))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlainJson.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("malformed JSON at offset "), e.getMessage());
            assertFalse(bad.length() > 3 && e.getMessage().contains(bad), "the input is not quoted");
        }
    }

    @Test
    void writesWhatJacksonReadsBackTheSame() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("text", "line\nbreak \"quoted\" back\\slash \u0001 兰州 😷");
        doc.put("money", new BigDecimal("202241.01"));
        doc.put("big", new BigDecimal("1E+3"));
        doc.put("count", 42L);
        doc.put("int", 7);
        doc.put("yes", true);
        doc.put("nothing", null);
        doc.put("list", List.of("a", BigDecimal.ONE, Map.of()));
        String written = PlainJson.write(doc);

        assertEquals("{\"text\":\"line\\nbreak \\\"quoted\\\" back\\\\slash \\u0001 兰州 😷\",\"money\":202241.01,"
                + "\"big\":1000,\"count\":42,\"int\":7,\"yes\":true,\"nothing\":null,\"list\":[\"a\",1,{}]}", written);
        JsonNode jackson = Json.parse(written);
        assertEquals(doc.get("text"), jackson.get("text").asText());
        assertEquals(new BigDecimal("202241.01"), jackson.get("money").decimalValue());
        assertEquals(42, jackson.get("count").asLong());
        assertTrue(jackson.get("nothing").isNull());
        assertEquals(new ArrayList<>(doc.keySet()), names(jackson));
        assertEquals(Json.parse(written), Json.parse(PlainJson.write(PlainJson.parse(written))),
                "read back and written again, the same document");
    }

    @Test
    void halfASurrogatePairIsWrittenEscapedAndReadBackAsItWas() {
        String lone = "a\ud800b\udc00c";
        String written = new String(PlainJson.writeBytes(lone), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("\"a\\ud800b\\udc00c\"", written, "not turned into '?' by the UTF-8 encoder");
        assertEquals(lone, PlainJson.parse(PlainJson.writeBytes(lone)));
        assertEquals("😷", PlainJson.parse(PlainJson.writeBytes("😷")), "a whole pair stays as it is");
    }

    @Test
    void nestingIsAcceptedUpToTheLimitAndEscapesTakeOnlyAsciiHexDigits() {
        int depth = PlainJson.MAX_DEPTH;
        PlainJson.parse("[".repeat(depth) + "]".repeat(depth));
        assertThrows(IllegalArgumentException.class, () -> PlainJson.parse("[".repeat(depth + 1) + "]".repeat(depth + 1)));
        assertThrows(IllegalArgumentException.class, () -> PlainJson.parse("\"\\u\uff10\uff10\uff14\uff11\""));
        assertEquals("A", PlainJson.parse("\"\\u0041\""));
    }

    @Test
    void refusesToWriteADoubleOrAnUnknownKind() {
        assertThrows(IllegalArgumentException.class, () -> PlainJson.write(Map.of("x", 0.1)));
        assertThrows(IllegalArgumentException.class, () -> PlainJson.write(List.of(new Object())));
        assertThrows(IllegalArgumentException.class, () -> PlainJson.write(Map.of(1, "x")));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
