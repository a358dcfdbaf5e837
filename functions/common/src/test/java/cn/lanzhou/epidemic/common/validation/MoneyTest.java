package cn.lanzhou.epidemic.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyTest {

    /** Reads {@code {"amount": <raw>}} the way a request is read, returning the amount or the error code. */
    private static String positive(String rawJsonValue) throws Exception {
        Errors errors = new Errors();
        Fields fields = Fields.root(Json.parse("{\"amount\":" + rawJsonValue + "}"), false, errors);
        Optional<BigDecimal> amount = Money.positive(fields, "amount");
        return amount.map(BigDecimal::toPlainString).orElseGet(() -> errors.list().get(0).code());
    }

    private static String nonNegative(String rawJsonValue) throws Exception {
        Errors errors = new Errors();
        Fields fields = Fields.root(Json.parse("{\"v\":" + rawJsonValue + "}"), false, errors);
        return Money.nonNegative(fields, "v").map(BigDecimal::toPlainString).orElseGet(() -> errors.list().get(0).code());
    }

    @Test
    void theLargestAmountIsAcceptedAndOneFenMoreIsNot() throws Exception {
        assertEquals("100000000.00", positive("100000000.00"));
        assertEquals("100000000.00", positive("\"100000000.00\""));
        assertEquals("100000000.00", positive("1e8"));
        assertEquals("range", positive("100000000.01"));
        assertEquals("range", positive("\"100000000.01\""));
        assertEquals("range", positive("1e9"));
    }

    @Test
    void theSmallestAmountIsOneFen() throws Exception {
        assertEquals("0.01", positive("0.01"));
        assertEquals("range", positive("0"));
        assertEquals("range", positive("0.00"));
        assertEquals("range", positive("\"-0.00\""));
        assertEquals("range", positive("-1"));
        assertEquals("range", positive("\"-5.00\""));
    }

    @Test
    void moreThanTwoFractionDigitsAreRejectedNotRounded() throws Exception {
        assertEquals("precision", positive("0.015"));
        assertEquals("precision", positive("\"0.015\""));
        assertEquals("precision", positive("1.001"));
        assertEquals("precision", positive("1e-3"));
    }

    @Test
    void exponentsAndStringsAreReadExactly() throws Exception {
        assertEquals("100.00", positive("1e2"));
        assertEquals("100.00", positive("\"1e2\""));
        assertEquals("12.50", positive("\"12.5\""));
        assertEquals("12.50", positive("12.5"));
        assertEquals("12.50", positive("12.500"));
        assertEquals("0.10", positive("0.1"));
        assertEquals("2000.20", positive("2000.2"));
    }

    @Test
    void notANumberIsATypeError() throws Exception {
        for (String bad : List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"\"", "\"12,50\"", "\"¥12\"", "\"0x10\"",
                "true", "[1]", "{}", "\"1 000\"", "\"１２\"")) {
            assertEquals("type", positive(bad), bad);
        }
    }

    @Test
    void unitValuesMayBeZeroButNotNegative() throws Exception {
        assertEquals("0.00", nonNegative("0"));
        assertEquals("0.00", nonNegative("\"0.00\""));
        assertEquals("range", nonNegative("-0.01"));
        assertEquals("precision", nonNegative("0.001"));
        assertEquals("0.85", nonNegative("\"0.85\""));
    }

    @Test
    void aHugeExponentIsRejectedWithoutScalingIt() throws Exception {
        assertEquals("range", positive("1e999"));
        assertEquals("precision", positive("\"1e-999\""));
    }

    @Test
    void pointOnePlusPointTwoTotalsPointThirty() {
        assertEquals("0.30", Money.sum(List.of(new BigDecimal("0.1"), new BigDecimal("0.2"))).toPlainString());
        assertEquals("0.00", Money.sum(List.of()).toPlainString());
    }

    @Test
    void quantityTimesUnitValueIsExact() {
        assertEquals("8500.00", Money.times(10_000, new BigDecimal("0.85")).toPlainString());
        assertEquals("1000000000000000.00", Money.times(10_000_000, new BigDecimal("100000000.00")).toPlainString());
        assertEquals("0.30", Money.times(3, new BigDecimal("0.1")).toPlainString());
    }

    @Test
    void tenThousandRandomAmountsTotalExactlyTheSumInFen() throws Exception {
        Random random = new Random(20200213);
        long fenTotal = 0;
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long fen = 1 + (long) (random.nextDouble() * 10_000_000_000L); // 0.01 … 100000000.00
            fenTotal += fen;
            String text = (fen / 100) + "." + String.format("%02d", fen % 100);
            // half of them as JSON numbers, half as strings, as clients send them
            String raw = i % 2 == 0 ? text : "\"" + text + "\"";
            amounts.add(new BigDecimal(positive(raw)));
        }
        String expected = (fenTotal / 100) + "." + String.format("%02d", fenTotal % 100);
        assertEquals(expected, Money.sum(amounts).toPlainString());
        assertEquals(expected, Json.money(Money.sum(amounts)));
    }

    @Test
    void checkNamesTheFirstViolation() {
        assertTrue(Money.check(new BigDecimal("0.015"), false).isPresent());
        assertEquals(Money.Violation.PRECISION, Money.check(new BigDecimal("-0.015"), false).orElseThrow());
        assertEquals(Money.Violation.RANGE, Money.check(new BigDecimal("-0.01"), true).orElseThrow());
        assertFalse(Money.check(new BigDecimal("0"), true).isPresent());
        assertTrue(Money.isWholeFen(new BigDecimal("1E+5")));
    }
}
