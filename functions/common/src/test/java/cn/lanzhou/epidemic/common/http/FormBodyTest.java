package cn.lanzhou.epidemic.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.lanzhou.epidemic.common.problem.Problem;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void dottedNamesMakeNestedObjectsAndIndexesMakeArrays() {
        var node = FormBody.parse("donor.name=%E5%BC%A0%E4%B8%89&donor.anonymous=on&items.1.quantity=5&items.0.quantity=10&kind=MATERIALS");
        assertEquals("张三", node.at("/donor/name").asText());
        assertEquals("on", node.at("/donor/anonymous").asText());
        assertEquals("10", node.at("/items/0/quantity").asText());
        assertEquals("5", node.at("/items/1/quantity").asText());
        assertEquals("MATERIALS", node.get("kind").asText());
    }

    @Test
    void repeatedKeysMakeArraysAndPlusIsASpace() {
        var node = FormBody.parse("symptoms=FEVER&symptoms=COUGH&origin=Wu+han");
        assertEquals(2, node.get("symptoms").size());
        assertEquals("COUGH", node.get("symptoms").get(1).asText());
        assertEquals("Wu han", node.get("origin").asText());
    }

    @Test
    void brokenPercentEncodingIsMalformed() {
        Problem p = assertThrows(Problem.class, () -> FormBody.parse("name=%E5%BC"));
        assertEquals(400, p.status());
        assertThrows(Problem.class, () -> FormBody.parse("name=%zz"));
        assertThrows(Problem.class, () -> FormBody.parse("a.=1"));
    }

    @Test
    void aNameUsedBothAsValueAndObjectIsMalformed() {
        assertThrows(Problem.class, () -> FormBody.parse("donor=x&donor.name=y"));
    }

    @Test
    void topLevelNamesThatAreAllIndexesAreMalformedNotACrash() {
        Problem p = assertThrows(Problem.class, () -> FormBody.parse("0=a&1=b"));
        assertEquals(400, p.status());
        assertThrows(Problem.class, () -> FormBody.parse("7"));
    }

    @Test
    void twoSpellingsOfOneIndexAreMalformed() {
        assertThrows(Problem.class, () -> FormBody.parse("items.1.name=a&items.01.name=b"));
    }

    @Test
    void onlyAsciiHexDigitsEscapeAByte() {
        // Character.digit would read the full-width １ and ２ as hex digits
        assertThrows(Problem.class, () -> FormBody.parse("name=%\uFF11\uFF12"));
    }

    @Test
    void unescapedCharactersOutsideTheBmpSurviveAndHalfAPairIsMalformed() {
        assertEquals("\uD83D\uDE00", FormBody.parse("name=\uD83D\uDE00").get("name").asText());
        assertThrows(Problem.class, () -> FormBody.parse("name=\uD83D"));
    }
}
