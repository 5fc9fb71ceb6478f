package dev.stagedesk.payment;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;

import dev.stagedesk.csv.ExportOnlyCsv;
import dev.stagedesk.csv.CsvValues;
import dev.stagedesk.csv.Period;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * The payment ledger in CSV, export only (payments are recorded one by one, with their checks): every entry,
 * receipts positive, refunds and reversals negative, with its amount in the base currency. Filtered on the
 * date received.
 */
public final class PaymentCsv extends ExportOnlyCsv {
    private static final List<String> COLUMNS = List.of("payment_id", "booking_number", "kind", "amount", "currency",
            "exchange_rate", "base_amount", "base_currency", "method", "received_on", "reference",
            "reverses_payment_id", "notes");

    public PaymentCsv() {
        super("payments", COLUMNS, Permission.REPORTS_VIEW);
    }

    @Override
    public void exportRows(DSLContext dsl, Period period, Consumer<List<String>> sink) {
        String base = ExchangeRates.baseCurrency(dsl);
        var baseCurrency = Currencies.require(base);
        try (var cursor = dsl.select(PAYMENT.ID, BOOKING.NUMBER, PAYMENT.KIND, PAYMENT.AMOUNT_MINOR, PAYMENT.CURRENCY,
                        PAYMENT.EXCHANGE_RATE, PAYMENT.BASE_AMOUNT_MINOR, PAYMENT.METHOD, PAYMENT.RECEIVED_ON,
                        PAYMENT.REFERENCE, PAYMENT.REVERSES_PAYMENT_ID, PAYMENT.NOTES)
                .from(PAYMENT).join(BOOKING).on(BOOKING.ID.eq(PAYMENT.BOOKING_ID))
                .where(PAYMENT.DELETED_AT.isNull(), period.on(PAYMENT.RECEIVED_ON))
                .orderBy(PAYMENT.RECEIVED_ON, PAYMENT.ID).fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                var currency = Currencies.require(r.value5());
                sink.accept(Arrays.asList(r.value1().toString(), r.value2(), r.value3(),
                        MoneyFormat.plain(r.value4(), currency), r.value5(), r.value6().stripTrailingZeros().toPlainString(),
                        MoneyFormat.plain(r.value7(), baseCurrency), base, r.value8(), CsvValues.date(r.value9()),
                        CsvValues.text(r.value10()), r.value11() == null ? "" : r.value11().toString(),
                        CsvValues.text(r.value12())));
            }
        }
    }
}
