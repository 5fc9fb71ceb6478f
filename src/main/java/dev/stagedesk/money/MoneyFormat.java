package dev.stagedesk.money;

import dev.stagedesk.common.I18n;
import java.math.BigDecimal;
import java.util.Currency;

/** Text to and from minor units. Parsing is strict: a wrong amount is refused, never guessed. */
public final class MoneyFormat {
    private MoneyFormat() {
    }

    /** "1234.50" (dot decimal, no grouping): the form used in CSV and on the command line. */
    public static String plain(Money money) {
        return money.toDecimal().toPlainString();
    }

    public static String plain(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, Currencies.fractionDigits(currency)).toPlainString();
    }

    /** "1,234.50 EUR" for screens. */
    public static String display(long minor, Currency currency) {
        int digits = Currencies.fractionDigits(currency);
        String pattern = "%,." + digits + "f";
        return String.format(java.util.Locale.ROOT, pattern, BigDecimal.valueOf(minor, digits)) + " "
                + currency.getCurrencyCode();
    }

    /**
     * Parses "1234.5", "1,234.50" or "1234" into minor units of {@code currency}. Throws
     * IllegalArgumentException with a message naming the problem: not a number, too many decimals.
     */
    public static long parse(String text, Currency currency) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(I18n.tr("money.parse.empty"));
        }
        String cleaned = text.strip().replace(" ", "").replace(",", "");
        if (!cleaned.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException(I18n.tr("money.parse.notNumber", text.strip()));
        }
        BigDecimal value = new BigDecimal(cleaned);
        int digits = Currencies.fractionDigits(currency);
        if (value.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(I18n.tr("money.parse.tooManyDecimals", text.strip(),
                    currency.getCurrencyCode(), digits));
        }
        try {
            return value.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(I18n.tr("money.parse.tooLarge", text.strip()));
        }
    }
}
