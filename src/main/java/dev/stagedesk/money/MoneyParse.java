package dev.stagedesk.money;

import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Validator;
import java.util.Currency;

/**
 * Amounts typed into a field or a file, read into minor units with the field's error on a bad one (moved here
 * from {@code common.Parse}: money depends on common, never the other way).
 */
public final class MoneyParse {
    private MoneyParse() {
    }

    /**
     * An amount in minor units of {@code currencyCode} by the CSV and command-line rule
     * ({@link AmountStyle#FILE}); null when blank; a bad amount is a field error.
     */
    public static Long money(String field, String text, String currencyCode, Validator v) {
        return money(field, text, currencyCode, AmountStyle.FILE, v);
    }

    /** An amount that must be given (a payment, a quote line's price): blank is the field error "Enter an amount." */
    public static Long requiredMoney(String field, String text, String currencyCode, AmountStyle style,
                                     Validator v) {
        if (text == null || text.isBlank()) {
            v.add(new FieldError(field, I18n.tr("money.parse.empty")));
            return null;
        }
        return money(field, text, currencyCode, style, v);
    }

    /** An amount typed in {@code style} (the console passes the user's number format); null when blank. */
    public static Long money(String field, String text, String currencyCode, AmountStyle style,
                             Validator v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Currency currency = Currencies.find(currencyCode);
        if (currency == null) {
            v.add(new FieldError(field, I18n.tr("money.currency.unknown", currencyCode)));
            return null;
        }
        try {
            return MoneyFormat.parse(text, currency, style);
        } catch (IllegalArgumentException e) {
            v.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
