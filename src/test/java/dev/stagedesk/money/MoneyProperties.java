package dev.stagedesk.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class MoneyProperties {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Property
    void plainTextParsesBackToTheSameMinorUnits(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor) {
        assertThat(MoneyFormat.parse(MoneyFormat.plain(minor, EUR), EUR)).isEqualTo(minor);
        assertThat(MoneyFormat.parse(MoneyFormat.plain(minor, JPY), JPY)).isEqualTo(minor);
    }

    @Property
    void basisPointsOfASumDifferFromTheSumOfBasisPointsByAtMostOneCent(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long a, @ForAll @LongRange(min = 0, max = 10_000_000_000L) long b,
            @ForAll @LongRange(min = 0, max = 10_000) long bp) {
        long whole = Rounding.applyBasisPoints(a + b, bp);
        long parts = Rounding.applyBasisPoints(a, bp) + Rounding.applyBasisPoints(b, bp);
        assertThat(Math.abs(whole - parts)).isLessThanOrEqualTo(1);
    }

    @Example
    void roundingIsHalfEven() {
        assertThat(Rounding.applyBasisPoints(5, 5000)).isEqualTo(2);  // 2.5 -> 2
        assertThat(Rounding.applyBasisPoints(15, 5000)).isEqualTo(8); // 7.5 -> 8
        assertThat(Money.of(10_000, "EUR").percentBp(1900).minor()).isEqualTo(1_900);
    }

    @Example
    void parsingIsStrict() {
        assertThat(MoneyFormat.parse("1,234.5", EUR)).isEqualTo(123_450);
        assertThat(MoneyFormat.parse(" 12 ", JPY)).isEqualTo(12);
        assertThatThrownBy(() -> MoneyFormat.parse("12.3456", EUR)).hasMessageContaining("more decimals than EUR allows");
        assertThatThrownBy(() -> MoneyFormat.parse("12.5", JPY)).hasMessageContaining("JPY");
        assertThatThrownBy(() -> MoneyFormat.parse("twelve", EUR)).hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> MoneyFormat.parse("", EUR)).hasMessage("Enter an amount.");
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(MoneyFormat.display(123_456_789, EUR)).isEqualTo("1,234,567.89 EUR");
    }
}
