package dev.stagedesk.money;

import dev.stagedesk.common.I18n;
import java.util.Currency;
import java.util.List;

/** ISO 4217 look-ups with messages a person understands. */
public final class Currencies {
    /** Offered first in pickers; any ISO code is accepted. */
    public static final List<String> COMMON = List.of("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK",
            "PLN", "CZK", "JPY", "NZD", "ZAR", "BRL", "MXN", "INR", "SGD", "HKD", "AED");

    private Currencies() {
    }

    /** The currency for an upper-case ISO code, or null when the code is not one. */
    public static Currency find(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Currency require(String code) {
        Currency c = find(code);
        if (c == null) {
            throw new IllegalArgumentException(I18n.tr("money.currency.unknown", code));
        }
        return c;
    }

    public static int fractionDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }
}
