package dev.stagedesk.invoice;

import dev.stagedesk.payment.InvoiceStatus;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.INVOICE;

import dev.stagedesk.csv.ExportOnlyCsv;
import dev.stagedesk.csv.CsvValues;
import dev.stagedesk.csv.Period;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.payment.ExchangeRates;
import dev.stagedesk.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Issued invoices and credit notes in CSV, export only (drafts are not accounting documents and are left out):
 * amounts in the invoice's currency and in the base currency. Filtered on the issue date.
 */
public final class InvoiceCsv extends ExportOnlyCsv {
    private static final List<String> COLUMNS = List.of("invoice_id", "number", "kind", "status", "booking_number",
            "bill_to", "bill_to_tax_id", "issue_date", "due_date", "currency", "subtotal", "tax", "total",
            "exchange_rate", "base_subtotal", "base_tax", "base_total", "base_currency", "credits_invoice", "reason",
            "sent_on", "paid_on");

    public InvoiceCsv() {
        super("invoices", COLUMNS, Permission.REPORTS_VIEW);
    }

    @Override
    public void exportRows(DSLContext dsl, Period period, Consumer<List<String>> sink) {
        String base = ExchangeRates.baseCurrency(dsl);
        var baseCurrency = Currencies.require(base);
        var credited = INVOICE.as("credited");
        try (var cursor = dsl.select(INVOICE.ID, INVOICE.NUMBER, INVOICE.KIND, INVOICE.STATUS, BOOKING.NUMBER,
                        INVOICE.BILL_TO_NAME, INVOICE.BILL_TO_TAX_ID, INVOICE.ISSUE_DATE, INVOICE.DUE_DATE,
                        INVOICE.CURRENCY, INVOICE.SUBTOTAL_MINOR, INVOICE.TAX_MINOR, INVOICE.TOTAL_MINOR,
                        INVOICE.EXCHANGE_RATE, INVOICE.BASE_SUBTOTAL_MINOR, INVOICE.BASE_TAX_MINOR, credited.NUMBER,
                        INVOICE.REASON, INVOICE.SENT_ON, INVOICE.PAID_ON)
                .from(INVOICE).leftJoin(BOOKING).on(BOOKING.ID.eq(INVOICE.BOOKING_ID))
                .leftJoin(credited).on(credited.ID.eq(INVOICE.CREDITED_INVOICE_ID))
                .where(INVOICE.DELETED_AT.isNull(), INVOICE.STATUS.ne(InvoiceStatus.DRAFT.name()), period.on(INVOICE.ISSUE_DATE))
                .orderBy(INVOICE.ISSUE_DATE, INVOICE.NUMBER).fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                var c = Currencies.require(r.value10());
                sink.accept(Arrays.asList(r.value1().toString(), r.value2(), r.value3(), r.value4(),
                        CsvValues.text(r.value5()), CsvValues.text(r.value6()), CsvValues.text(r.value7()),
                        CsvValues.date(r.value8()), CsvValues.date(r.value9()), r.value10(),
                        MoneyFormat.plain(r.value11(), c), MoneyFormat.plain(r.value12(), c),
                        MoneyFormat.plain(r.value13(), c), r.value14().stripTrailingZeros().toPlainString(),
                        MoneyFormat.plain(r.value15(), baseCurrency), MoneyFormat.plain(r.value16(), baseCurrency),
                        MoneyFormat.plain(r.value15() + r.value16(), baseCurrency), base, CsvValues.text(r.value17()),
                        CsvValues.text(r.value18()), CsvValues.date(r.value19()), CsvValues.date(r.value20())));
            }
        }
    }
}
