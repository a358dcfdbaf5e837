package cn.lanzhou.epidemic.common.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Money in yuan, exact to the fen ({@link BigDecimal}, never double); responses format it with {@link cn.lanzhou.epidemic.common.json.Json#money}. */
public final class Money {
    public static final int SCALE = 2;
    /** The largest amount a request may carry: one hundred million yuan. */
    public static final BigDecimal MAX = new BigDecimal("100000000.00");
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    public static final BigDecimal ONE_FEN = new BigDecimal("0.01");

    public static final String PRECISION_MESSAGE = "最多两位小数 / At most 2 fraction digits";

    /** Why a decimal is not acceptable money. */
    public enum Violation {
        /** More than 2 significant fraction digits. */
        PRECISION,
        /** Below the minimum (0.01, or 0.00 where zero is allowed) or above {@link #MAX}. */
        RANGE
    }

    private Money() {
    }

    public static boolean isWholeFen(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= SCALE;
    }

    /** Whole fen first, so that a huge exponent is never scaled; then {@code min ≤ value ≤ MAX} (min 0.01, or 0.00 when {@code zeroAllowed}). */
    public static Optional<Violation> check(BigDecimal value, boolean zeroAllowed) {
        if (!isWholeFen(value)) {
            return Optional.of(Violation.PRECISION);
        }
        BigDecimal min = zeroAllowed ? BigDecimal.ZERO : ONE_FEN;
        if (value.compareTo(min) < 0 || value.compareTo(MAX) > 0) {
            return Optional.of(Violation.RANGE);
        }
        return Optional.empty();
    }

    /** The value with scale 2; only for values {@link #check} accepted (or sums and products of them). */
    public static BigDecimal normalise(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** An amount that must be positive: {@code 0.01 … 100000000.00}. Empty (with the error recorded) when bad or absent. */
    public static Optional<BigDecimal> positive(Fields fields, String name) {
        return read(fields, name, false);
    }

    /** A value that may be zero, such as a unit value: {@code 0.00 … 100000000.00}. */
    public static Optional<BigDecimal> nonNegative(Fields fields, String name) {
        return read(fields, name, true);
    }

    private static Optional<BigDecimal> read(Fields fields, String name, boolean zeroAllowed) {
        Optional<BigDecimal> raw = fields.decimal(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<Violation> violation = check(raw.get(), zeroAllowed);
        if (violation.isPresent()) {
            if (violation.get() == Violation.PRECISION) {
                fields.error(name, "precision", PRECISION_MESSAGE);
            } else {
                fields.error(name, "range", Messages.range(zeroAllowed ? "0.00" : "0.01", MAX.toPlainString()));
            }
            return Optional.empty();
        }
        return Optional.of(normalise(raw.get()));
    }

    public static BigDecimal times(long quantity, BigDecimal unitValue) {
        return normalise(unitValue.multiply(BigDecimal.valueOf(quantity)));
    }

    /** The exact sum (0.00 for none). */
    public static BigDecimal sum(Iterable<BigDecimal> values) {
        BigDecimal total = ZERO;
        for (BigDecimal value : values) {
            total = total.add(value);
        }
        return normalise(total);
    }
}
