package dev.stagedesk.payment;

import static dev.stagedesk.db.jooq.Tables.EXCHANGE_RATE;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Validator;
import dev.stagedesk.settings.AgencyFacts;
import java.math.BigDecimal;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Rates from a currency to the agency's base currency: 1 for the base itself; otherwise what a person typed,
 * remembered per currency so the next payment in that currency starts from the last rate entered.
 */
public final class ExchangeRates {
    private ExchangeRates() {
    }

    public static String baseCurrency(DSLContext dsl) {
        return AgencyFacts.baseCurrency(dsl);
    }

    /** The last rate entered for {@code currency}; 1 for the base currency; null when none was ever entered. */
    public static BigDecimal last(DSLContext dsl, String currency) {
        if (currency.equals(baseCurrency(dsl))) {
            return BigDecimal.ONE;
        }
        return dsl.select(EXCHANGE_RATE.RATE).from(EXCHANGE_RATE).where(EXCHANGE_RATE.CURRENCY.eq(currency))
                .fetchOne(EXCHANGE_RATE.RATE);
    }

    /**
     * The rate to use: 1 for the base currency (anything typed is ignored); else the one typed, which must be
     * positive, or the last one entered; with neither, a message on {@code field}. A typed rate is remembered.
     */
    public static BigDecimal resolve(DSLContext dsl, String currency, BigDecimal typed, String field, Validator v,
                                     Instant now) {
        if (currency.equals(baseCurrency(dsl))) {
            return BigDecimal.ONE;
        }
        if (typed != null) {
            if (typed.signum() <= 0 || typed.scale() > 8 || typed.precision() - typed.scale() > 10) {
                v.check(false, field, I18n.tr("payment.rate.invalid"));
                return null;
            }
            int n = dsl.update(EXCHANGE_RATE).set(EXCHANGE_RATE.RATE, typed).set(EXCHANGE_RATE.UPDATED_AT, now)
                    .where(EXCHANGE_RATE.CURRENCY.eq(currency)).execute();
            if (n == 0) {
                dsl.insertInto(EXCHANGE_RATE).set(EXCHANGE_RATE.CURRENCY, currency).set(EXCHANGE_RATE.RATE, typed)
                        .set(EXCHANGE_RATE.UPDATED_AT, now).execute();
            }
            return typed;
        }
        BigDecimal last = last(dsl, currency);
        v.check(last != null, field, I18n.tr("payment.rate.needed", currency, baseCurrency(dsl)));
        return last;
    }
}
