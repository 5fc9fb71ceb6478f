package dev.stagedesk.money;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.ui.Format;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Amounts on screen follow the user's locale, and read back by the same rule the money fields use. */
class MoneyDisplayTest {
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");

    @AfterEach
    void reset() {
        Format.use(Locale.UK);
    }

    @Test
    void aGermanUserSeesGermanSeparatorsAndABritishOneBritishOnes() {
        Format.use(Locale.GERMANY);
        assertThat(Format.money(125_050, "EUR")).isEqualTo("1.250,50 EUR");
        assertThat(Format.money(-123_456_789L, "EUR")).isEqualTo("-1.234.567,89 EUR");
        assertThat(Format.money(125_000, "JPY")).isEqualTo("125.000 JPY");
        Format.use(Locale.UK);
        assertThat(Format.money(125_050, "EUR")).isEqualTo("1,250.50 EUR");
        assertThat(Format.money(5, "EUR")).isEqualTo("0.05 EUR");
    }

    @Test
    void whatTheScreenShowsTheFieldsReadBack() {
        for (Locale l : new Locale[] {Locale.GERMANY, Locale.UK, Locale.FRANCE, new Locale("de", "CH")}) {
            AmountStyle style = AmountStyle.of(l);
            for (long minor : new long[] {0, 5, 99_999, 125_050, 123_456_789}) {
                String shown = style.display(minor, EUR);
                assertThat(MoneyFormat.parse(shown, EUR, style)).as(l + " " + shown).isEqualTo(minor);
            }
        }
        assertThat(AmountStyle.of(Locale.FRANCE).display(125_050, EUR)).isEqualTo("1\u00a0250,50");
    }

    @Test
    void documentsAndTheCommandLineKeepOneFixedStyle() {
        Format.use(Locale.GERMANY);
        assertThat(MoneyFormat.display(125_050, EUR)).isEqualTo("1,250.50 EUR");
        assertThat(MoneyFormat.display(125_000, JPY)).isEqualTo("125,000 JPY");
    }
}
