package dev.stagedesk.report;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.INVOICE_LINE;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.booking.PayoutStatus;
import dev.stagedesk.common.Parse;
import dev.stagedesk.csv.ExportOnlyCsv;
import dev.stagedesk.csv.CsvValues;
import dev.stagedesk.csv.Period;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.payment.InvoiceStatus;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.Rounding;
import dev.stagedesk.payment.ExchangeRates;
import dev.stagedesk.payout.PayoutCsv;
import dev.stagedesk.payout.PayoutSplit;
import dev.stagedesk.security.Permission;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The accounting export: double-entry journal lines in the base currency, every entry balanced. Invoices
 * (receivable against revenue and tax; credit notes the other way), payments (bank or cash against
 * receivable), payouts paid (performer fees against bank, commission kept and withholding owed) and overhead
 * (expense against bank or cash). Filtered on the document's, payment's or payout's date. Accounts in docs/CSV.md.
 */
public final class JournalCsv extends ExportOnlyCsv {
    public static final String BANK = "1000";
    public static final String CASH = "1010";
    public static final String RECEIVABLE = "1200";
    public static final String TAX = "2200";
    public static final String WITHHOLDING = "2300";
    public static final String REVENUE = "4000";
    public static final String COMMISSION = "4100";
    public static final String PERFORMER_FEES = "5000";
    public static final String OVERHEAD = "6000";
    private static final Map<String, String> NAMES = Map.of(BANK, "Bank", CASH, "Cash", RECEIVABLE,
            "Accounts receivable", TAX, "Sales tax payable", WITHHOLDING, "Withholding tax payable", REVENUE,
            "Performance revenue", COMMISSION, "Commission income", PERFORMER_FEES, "Performer fees", OVERHEAD, "Overhead");
    private static final List<String> COLUMNS = List.of("date", "entry", "account", "account_name", "debit", "credit",
            "currency", "reference", "tax", "description");

    public JournalCsv() {
        super("journal", COLUMNS, Permission.REPORTS_VIEW);
    }

    private record Out(Consumer<List<String>> sink, Currency base) {
        /** A positive amount on the debit side, a negative one on the credit side; nothing for zero. */
        void line(LocalDate date, String entry, String account, String accountName, long amount, String reference,
                  String tax, String description) {
            if (amount == 0) {
                return;
            }
            String value = MoneyFormat.plain(Math.abs(amount), base);
            sink.accept(Arrays.asList(CsvValues.date(date), entry, account,
                    accountName != null ? accountName : NAMES.get(account), amount > 0 ? value : "",
                    amount < 0 ? value : "", base.getCurrencyCode(), CsvValues.text(reference), tax == null ? "" : tax,
                    CsvValues.text(description)));
        }
    }

    @Override
    public void exportRows(DSLContext dsl, Period period, Consumer<List<String>> sink) {
        Out out = new Out(sink, Currencies.require(ExchangeRates.baseCurrency(dsl)));
        var rate = DSL.select(DSL.min(INVOICE_LINE.TAX_RATE_BP)).from(INVOICE_LINE)
                .where(INVOICE_LINE.INVOICE_ID.eq(INVOICE.ID)).<Integer>asField();
        var rateMax = DSL.select(DSL.max(INVOICE_LINE.TAX_RATE_BP)).from(INVOICE_LINE)
                .where(INVOICE_LINE.INVOICE_ID.eq(INVOICE.ID)).<Integer>asField();
        try (var c = dsl.select(INVOICE.ISSUE_DATE, INVOICE.NUMBER, INVOICE.KIND, INVOICE.BASE_SUBTOTAL_MINOR,
                        INVOICE.BASE_TAX_MINOR, INVOICE.BILL_TO_NAME, rate, rateMax).from(INVOICE)
                .where(INVOICE.DELETED_AT.isNull(), INVOICE.STATUS.ne(InvoiceStatus.DRAFT.name()), period.on(INVOICE.ISSUE_DATE))
                .orderBy(INVOICE.ISSUE_DATE, INVOICE.NUMBER).fetchSize(2000).fetchLazy()) {
            for (var r : c) {
                String tax = r.value7() == null ? "" : r.value7().equals(r.value8()) ? Parse.percentText(r.value7()) + "%"
                        : "mixed";
                String what = (InvoiceKind.CREDIT_NOTE.name().equals(r.value3()) ? "Credit note " : "Invoice ") + r.value2() + " "
                        + r.value6();
                out.line(r.value1(), r.value2(), RECEIVABLE, null, r.value4() + r.value5(), r.value2(), null, what);
                out.line(r.value1(), r.value2(), REVENUE, null, -r.value4(), r.value2(), tax, what);
                out.line(r.value1(), r.value2(), TAX, null, -r.value5(), r.value2(), tax, what);
            }
        }
        try (var c = dsl.select(PAYMENT.RECEIVED_ON, PAYMENT.ID, PAYMENT.KIND, PAYMENT.BASE_AMOUNT_MINOR, PAYMENT.METHOD,
                        PAYMENT.REFERENCE, BOOKING.NUMBER).from(PAYMENT).join(BOOKING).on(BOOKING.ID.eq(PAYMENT.BOOKING_ID))
                .where(PAYMENT.DELETED_AT.isNull(), period.on(PAYMENT.RECEIVED_ON))
                .orderBy(PAYMENT.RECEIVED_ON, PAYMENT.ID).fetchSize(2000).fetchLazy()) {
            for (var r : c) {
                String entry = "PAY-" + r.value2().toString().substring(0, 8);
                String what = "Payment " + r.value3().toLowerCase(Locale.ROOT) + " " + r.value7();
                String ref = r.value6() != null ? r.value6() : r.value7();
                out.line(r.value1(), entry, "CASH".equals(r.value5()) ? CASH : BANK, null, r.value4(), ref, null, what);
                out.line(r.value1(), entry, RECEIVABLE, null, -r.value4(), ref, null, what);
            }
        }
        Period paid = new Period(period.from(), period.to(), "cash");
        try (var c = dsl.select(ASSIGNMENT.PAID_ON, ASSIGNMENT.ID, ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.COMMISSION_BP,
                        ASSIGNMENT.WITHHOLDING_BP, BOOKING.EXCHANGE_RATE, ASSIGNMENT.PAID_METHOD, ASSIGNMENT.PAID_REFERENCE,
                        BOOKING.NUMBER, PERFORMER.STAGE_NAME).from(ASSIGNMENT)
                .join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID)).join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .where(ASSIGNMENT.DELETED_AT.isNull(), BOOKING.DELETED_AT.isNull(), BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()),
                        ASSIGNMENT.PAYOUT_STATUS.eq(PayoutStatus.PAID.name()), period.all() ? DSL.noCondition() : PayoutCsv.inPeriod(dsl, paid))
                .orderBy(ASSIGNMENT.PAID_ON, ASSIGNMENT.ID).fetchSize(2000).fetchLazy()) {
            for (var r : c) {
                PayoutSplit s = PayoutSplit.of(r.value3(), r.value4(), r.value5());
                long gross = Rounding.toBase(s.grossMinor(), r.value6());
                long commission = Rounding.toBase(s.commissionMinor(), r.value6());
                long withholding = Rounding.toBase(s.withholdingMinor(), r.value6());
                String entry = "PO-" + r.value2().toString().substring(0, 8);
                String what = "Payout " + r.value10() + " " + r.value9();
                String ref = r.value8() != null ? r.value8() : r.value9();
                out.line(r.value1(), entry, PERFORMER_FEES, null, gross, ref, null, what);
                out.line(r.value1(), entry, "CASH".equals(r.value7()) ? CASH : BANK, null,
                        -(gross - commission - withholding), ref, null, what);
                out.line(r.value1(), entry, COMMISSION, null, -commission, ref, null, what);
                out.line(r.value1(), entry, WITHHOLDING, null, -withholding, ref, null, what);
            }
        }
        try (var c = dsl.selectFrom(OVERHEAD_EXPENSE).where(OVERHEAD_EXPENSE.DELETED_AT.isNull(),
                period.on(OVERHEAD_EXPENSE.SPENT_ON)).orderBy(OVERHEAD_EXPENSE.SPENT_ON, OVERHEAD_EXPENSE.ID)
                .fetchSize(2000).fetchLazy()) {
            for (var r : c) {
                long amount = Rounding.toBase(r.getAmountMinor(), r.getExchangeRate());
                String entry = "OH-" + r.getId().toString().substring(0, 8);
                String what = r.getVendor() + (r.getDescription() == null ? "" : " — " + r.getDescription());
                out.line(r.getSpentOn(), entry, OVERHEAD, "Overhead: " + r.getCategory(), amount, r.getVendor(), null, what);
                out.line(r.getSpentOn(), entry, "CASH".equals(r.getMethod()) ? CASH : BANK, null, -amount, r.getVendor(),
                        null, what);
            }
        }
    }
}
