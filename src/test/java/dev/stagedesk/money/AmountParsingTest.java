package dev.stagedesk.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Amounts are read by an explicit rule: never a dropped separator, never a guess. */
class AmountParsingTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");
    private static final AmountStyle GERMAN = AmountStyle.of(Locale.GERMANY);
    private static final AmountStyle ENGLISH = AmountStyle.of(Locale.UK);

    @Example
    void fileRuleReadsADecimalCommaAsTheDecimals() {
        assertThat(MoneyFormat.parse("450,50", EUR)).isEqualTo(45_050);
        assertThat(MoneyFormat.parse("450,5", EUR)).isEqualTo(45_050);
        assertThat(MoneyFormat.parse("450.50", EUR)).isEqualTo(45_050);
        assertThat(MoneyFormat.parse("-12,5", EUR)).isEqualTo(-1_250);
        assertThat(MoneyFormat.parse("0,250", KWD)).isEqualTo(250);
    }

    @Example
    void fileRuleReadsGroupingOnlyWhereItCannotBeTheDecimals() {
        assertThat(MoneyFormat.parse("1.250,50", EUR)).isEqualTo(125_050);
        assertThat(MoneyFormat.parse("1,250.50", EUR)).isEqualTo(125_050);
        assertThat(MoneyFormat.parse("1.250.000", EUR)).isEqualTo(125_000_000);
        assertThat(MoneyFormat.parse("1,250,000.5", EUR)).isEqualTo(125_000_050);
        assertThat(MoneyFormat.parse("1 250,50", EUR)).isEqualTo(125_050);
        assertThat(MoneyFormat.parse("1\u202f250,50", EUR)).isEqualTo(125_050);
        assertThat(MoneyFormat.parse("1'250.50", EUR)).isEqualTo(125_050);
        assertThat(MoneyFormat.parse("1250,500", EUR)).isEqualTo(125_050);
    }

    @Example
    void fileRuleRefusesWhatReadsTwoWaysAndSaysHowToWriteIt() {
        assertThatThrownBy(() -> MoneyFormat.parse("1,250", EUR))
                .hasMessage("'1,250' could mean 1250.00 or 1.25: write it without a thousands separator, such as 1250.00 or 1.25.");
        assertThatThrownBy(() -> MoneyFormat.parse("1.250", EUR)).hasMessageContaining("could mean 1250.00 or 1.25");
        assertThatThrownBy(() -> MoneyFormat.parse("12.000", JPY)).hasMessageContaining("could mean 12000 or 12");
        // the dot of a three-decimal currency is what Stagedesk writes itself
        assertThat(MoneyFormat.parse("1.250", KWD)).isEqualTo(1_250);
        assertThatThrownBy(() -> MoneyFormat.parse("12.345", EUR)).hasMessage("'12.345' has either a thousands separator"
                + " or more decimals than EUR allows (2): if you mean 12345.00, write it without the thousands separator.");
        assertThatThrownBy(() -> MoneyFormat.parse("1,250", KWD)).hasMessageContaining("could mean");
    }

    @Example
    void fileRuleRefusesWhatIsNotOneNumber() {
        for (String bad : new String[] {"1,2,3", "1.2.3", "1.25,5", "1,250.000.5", "1.250.50", "12,,5", "1,", ",5",
                "1 2", "12,50 EUR", "1.250,50,1", "0.250.000", "--5", "1,250 000"}) {
            assertThatThrownBy(() -> MoneyFormat.parse(bad, EUR)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> MoneyFormat.parse("1,2,3", EUR)).hasMessage("'1,2,3' is not an amount (write it like 1234.50 or 1234,50).");
        assertThatThrownBy(() -> MoneyFormat.parse("1.250,505", EUR)).hasMessageContaining("more decimals than EUR");
    }

    @Example
    void aLocaleReadsItsOwnNumberFormat() {
        assertThat(MoneyFormat.parse("1.250,50", EUR, GERMAN)).isEqualTo(125_050);
        assertThat(MoneyFormat.parse("450,50", EUR, GERMAN)).isEqualTo(45_050);
        assertThat(MoneyFormat.parse("1.250", EUR, GERMAN)).isEqualTo(125_000);
        assertThat(MoneyFormat.parse("1 250", EUR, GERMAN)).isEqualTo(125_000);
        assertThat(MoneyFormat.parse("1,250", EUR, ENGLISH)).isEqualTo(125_000);
        assertThat(MoneyFormat.parse("1,250.50", EUR, ENGLISH)).isEqualTo(125_050);
        assertThat(MoneyFormat.parse("450.5", EUR, ENGLISH)).isEqualTo(45_050);
        assertThat(MoneyFormat.parse("1\u202f250,50", EUR, AmountStyle.of(Locale.FRANCE))).isEqualTo(125_050);
    }

    @Example
    void aLocaleRefusesTheOtherFormatNamingItsOwn() {
        assertThatThrownBy(() -> MoneyFormat.parse("450.50", EUR, GERMAN))
                .hasMessage("'450.50' is not an amount in this computer's number format: write it like 1.234,56.");
        assertThatThrownBy(() -> MoneyFormat.parse("1,250.50", EUR, GERMAN)).hasMessageContaining("1.234,56");
        assertThatThrownBy(() -> MoneyFormat.parse("450,50", EUR, ENGLISH)).hasMessageContaining("write it like 1,234.56");
        assertThatThrownBy(() -> MoneyFormat.parse("1,2,3", EUR, ENGLISH)).hasMessageContaining("'1,2,3'");
        assertThatThrownBy(() -> MoneyFormat.parse("1,5,0", EUR, GERMAN)).hasMessageContaining("'1,5,0'");
    }

    @Property
    void whatAStyleWritesIntoAFieldReadsBack(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor) {
        for (AmountStyle style : new AmountStyle[] {AmountStyle.FILE, GERMAN, ENGLISH, AmountStyle.of(Locale.FRANCE),
                AmountStyle.of(Locale.forLanguageTag("de-CH"))}) {
            for (Currency c : new Currency[] {EUR, JPY, KWD}) {
                assertThat(MoneyFormat.parse(style.input(minor, c), c, style)).as(style + " " + c).isEqualTo(minor);
            }
        }
        assertThat(MoneyFormat.parse(MoneyFormat.plain(minor, KWD), KWD)).isEqualTo(minor);
    }
}
