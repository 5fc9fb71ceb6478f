package dev.stagedesk.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one rounding rule of the application: half-even (banker's rounding) to a whole minor unit. */
public final class Rounding {
    public static final RoundingMode MODE = RoundingMode.HALF_EVEN;

    private Rounding() {
    }

    public static long applyBasisPoints(long minor, long basisPoints) {
        return BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, MODE).longValueExact();
    }

    /** minor * rate, rounded to a whole minor unit (currency conversion). */
    public static long multiply(long minor, BigDecimal rate) {
        return BigDecimal.valueOf(minor).multiply(rate).setScale(0, MODE).longValueExact();
    }

    /** An amount in the base currency at {@code rate}, rounded once (half-even); unchanged at rate 1. */
    public static long toBase(long minor, BigDecimal rate) {
        return rate.compareTo(BigDecimal.ONE) == 0 ? minor : multiply(minor, rate);
    }
}
