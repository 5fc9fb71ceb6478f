package dev.stagedesk.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in integer minor units (cents) of one ISO 4217 currency. Never a double. */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currencies.require(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    /** This amount times basis points (1250 = 12.5 %), rounded half-even to a minor unit. */
    public Money percentBp(long basisPoints) {
        return new Money(Rounding.applyBasisPoints(minor, basisPoints), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, Currencies.fractionDigits(currency));
    }

    @Override
    public int compareTo(Money o) {
        requireSameCurrency(o);
        return Long.compare(minor, o.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Currencies differ: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return MoneyFormat.plain(this) + " " + currency.getCurrencyCode();
    }
}
