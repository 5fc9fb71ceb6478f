package dev.stagedesk.money;

import dev.stagedesk.common.I18n;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

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

    /**
     * "1,234.50 EUR" in one fixed style, whatever the reader's locale: documents (PDF quotes, invoices,
     * statements), the command line and texts stored for everyone (notices). Screens use
     * {@link #display(long, Currency, java.util.Locale)}.
     */
    public static String display(long minor, Currency currency) {
        return AmountStyle.FILE.display(minor, currency) + " " + currency.getCurrencyCode();
    }

    /**
     * An amount on screen in the user's number format ("1.234,50 EUR" for a German user, "1,234.50 EUR" for a
     * British one): the same separators money fields are pre-filled and read with ({@link AmountStyle#of}).
     */
    public static String display(long minor, Currency currency, Locale locale) {
        return AmountStyle.of(locale).display(minor, currency) + " " + currency.getCurrencyCode();
    }

    /** {@link #parse(String, Currency, AmountStyle)} by the documented CSV and command-line rule ({@link AmountStyle#FILE}). */
    public static long parse(String text, Currency currency) {
        return parse(text, currency, AmountStyle.FILE);
    }

    /**
     * Reads an amount into minor units of {@code currency} by {@code style}. Never guesses: a separator that
     * could be either the decimal or the thousands one, grouping that is not in threes, a second decimal
     * separator, or more decimals than the currency has are refused with an IllegalArgumentException whose
     * message says how to write the amount.
     */
    public static long parse(String text, Currency currency, AmountStyle style) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(I18n.tr("money.parse.empty"));
        }
        String shown = text.strip();
        String s = shown;
        boolean negative = s.startsWith("-") || s.startsWith("\u2212");
        if (negative) {
            s = s.substring(1);
        }
        List<String> groups = new ArrayList<>();
        List<Character> seps = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            if (j == i) {
                throw notAnAmount(shown, style);
            }
            groups.add(s.substring(i, j));
            if (j == s.length()) {
                break;
            }
            char sep = AmountStyle.normalise(s.charAt(j));
            if (sep == 0 || j + 1 == s.length()) {
                throw notAnAmount(shown, style);
            }
            seps.add(sep);
            i = j + 1;
        }
        if (groups.isEmpty()) {
            throw notAnAmount(shown, style);
        }
        int digits = Currencies.fractionDigits(currency);
        int decimalAt = style.isFile() ? fileDecimal(shown, groups, seps, currency)
                : localeDecimal(shown, seps, style);
        int integerGroups = decimalAt < 0 ? groups.size() : decimalAt + 1;
        if (integerGroups > 1) {
            char grouping = seps.get(0);
            boolean consistent = groups.get(0).length() <= 3 && !groups.get(0).startsWith("0");
            for (int k = 1; k < integerGroups; k++) {
                consistent &= seps.get(k - 1) == grouping && groups.get(k).length() == 3;
            }
            if (!consistent) {
                throw notAnAmount(shown, style);
            }
        }
        StringBuilder plain = new StringBuilder(negative ? "-" : "");
        for (int k = 0; k < integerGroups; k++) {
            plain.append(groups.get(k));
        }
        if (decimalAt >= 0) {
            plain.append('.').append(groups.get(groups.size() - 1));
        }
        BigDecimal value = new BigDecimal(plain.toString());
        if (value.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(I18n.tr("money.parse.tooManyDecimals", shown,
                    currency.getCurrencyCode(), digits));
        }
        try {
            return value.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(I18n.tr("money.parse.tooLarge", shown));
        }
    }

    /**
     * The index of the decimal separator in {@code seps} under the file rule, or -1 when there is none. The last
     * separator is the decimal one when it is a dot or a comma that occurs once; otherwise every separator groups.
     * One dot or comma followed by exactly three digits after one to three digits ("1,250") reads two ways and is
     * refused, except a dot in a currency with three decimals (what {@link #plain} writes for 1.250 KWD).
     */
    private static int fileDecimal(String shown, List<String> groups, List<Character> seps, Currency currency) {
        int digits = Currencies.fractionDigits(currency);
        if (seps.isEmpty()) {
            return -1;
        }
        int last = seps.size() - 1;
        char c = seps.get(last);
        boolean decimalKind = c == '.' || c == ',';
        long sameKind = seps.stream().filter(x -> x == c).count();
        long kinds = seps.stream().distinct().count();
        if (kinds > 2 || kinds == 2 && (!decimalKind || sameKind > 1)) {
            throw notAnAmount(shown, AmountStyle.FILE);
        }
        if (!decimalKind || sameKind > 1) {
            return -1;
        }
        if (kinds == 2) {
            return last;
        }
        String integer = groups.get(0);
        String fraction = groups.get(1);
        boolean couldGroup = fraction.length() == 3 && integer.length() <= 3 && !integer.startsWith("0");
        if (!couldGroup || c == '.' && digits == 3) {
            return 0;
        }
        BigDecimal asThousands = new BigDecimal(integer + fraction);
        BigDecimal asDecimal = new BigDecimal(integer + "." + fraction);
        BigDecimal shorter = asDecimal.stripTrailingZeros();
        if (shorter.scale() < digits) {
            shorter = shorter.setScale(digits);
        }
        String thousands = asThousands.setScale(digits).toPlainString();
        if (shorter.scale() > digits) {
            throw new IllegalArgumentException(I18n.tr("money.parse.thousandsOrDecimals", shown, thousands,
                    currency.getCurrencyCode(), digits));
        }
        throw new IllegalArgumentException(I18n.tr("money.parse.ambiguous", shown, thousands, shorter.toPlainString()));
    }

    /** The decimal separator's index under a locale's style: its own decimal, once, after any grouping. */
    private static int localeDecimal(String shown, List<Character> seps, AmountStyle style) {
        int decimalAt = -1;
        for (int k = 0; k < seps.size(); k++) {
            char c = seps.get(k);
            if (c == style.decimal()) {
                if (decimalAt >= 0) {
                    throw notAnAmount(shown, style);
                }
                decimalAt = k;
            } else if (c != style.grouping() && c != ' ' || decimalAt >= 0) {
                throw notAnAmount(shown, style);
            }
        }
        return decimalAt;
    }

    private static IllegalArgumentException notAnAmount(String shown, AmountStyle style) {
        return new IllegalArgumentException(style.isFile() ? I18n.tr("money.parse.notNumber", shown)
                : I18n.tr("money.parse.notAmountHere", shown, style.example()));
    }
}
