package dev.stagedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.csv.Period;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.document.ReportTable;
import dev.stagedesk.document.TableExport;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.Money;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The financial report against the exports an accountant would check it with: for the same period, its
 * totals equal the sums of the exported payments, invoices, payouts and overhead CSV, to the cent, on both
 * bases; and the journal balances.
 */
class ReconcileTest {
    @TempDir
    static Path dir;
    static AppContext app;
    static final Period YEAR_CASH = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "cash");
    static final Period YEAR_ACCRUAL = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "accrual");

    @BeforeAll
    static void demo() {
        app = TestStore.open(dir);
        app.demo.generate(Actor.owner(), DemoSize.SMALL.plan(), 7, false, DemoDataService.Progress.NONE);
        // one booking billed and paid in another currency, so conversion is part of what must add up
        Actor owner = Actor.owner();
        var client = app.clients.create(owner, ClientDraft.of(ClientKind.PERSON,
                "Sam Yankee")).id();
        Instant start = Instant.parse("2026-06-10T23:00:00Z");
        var b = app.bookings.create(owner, new BookingDraft("US gig", client, null, null, start,
                start.plusSeconds(4 * 3600), "America/New_York", "USD", 123_457, 700, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
        var row = app.database.dsl().selectFrom(Tables.BOOKING)
                .where(Tables.BOOKING.ID.eq(b.id())).fetchSingle();
        app.payments.updateTerms(owner, new PaymentService.UpdatePaymentTerms(b.id(),
                row.getVersion(), "PERCENT", 3000, "BOOKING", 7, 14, new BigDecimal("0.9137")));
        app.payments.record(owner, new PaymentService.RecordPayment(b.id(), "DEPOSIT", 33_333,
                "CARD", LocalDate.of(2026, 6, 1), "US-1", null, new BigDecimal("0.9137")));
        app.invoices.issue(owner, b.id(), InvoiceKind.FINAL, null);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    static List<CSVRecord> export(String kind, Period period) throws Exception {
        StringWriter w = new StringWriter();
        app.csv.export(app.csvSchemas().get(kind), period, w);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(w.toString())).getRecords();
    }

    static long sum(List<CSVRecord> rows, String column, Predicate<CSVRecord> which) {
        long total = 0;
        for (CSVRecord r : rows) {
            if (which.test(r) && !r.get(column).isEmpty()) {
                total += MoneyFormat.parse(r.get(column), Currencies.require("EUR"));
            }
        }
        return total;
    }

    @Test
    void cashBasisEqualsTheExportedPaymentsPayoutsAndOverhead() throws Exception {
        FinancialReport.Financials f = app.financialReport.financials(Actor.owner(), YEAR_CASH);
        assertThat(f.revenueMinor()).isPositive();
        assertThat(f.revenueMinor()).isEqualTo(sum(export("payments", YEAR_CASH), "base_amount", r -> true));
        List<CSVRecord> payouts = export("payouts", YEAR_CASH);
        assertThat(payouts).allMatch(r -> r.get("payout_status").equals("PAID"));
        assertThat(f.payoutsMinor()).isPositive().isEqualTo(sum(payouts, "base_gross", r -> true));
        assertThat(f.commissionMinor()).isEqualTo(sum(payouts, "base_commission", r -> true));
        assertThat(f.overheadMinor()).isPositive().isEqualTo(sum(export("overhead", YEAR_CASH), "base_amount", r -> true));
        assertThat(f.profitMinor()).isEqualTo(f.revenueMinor() - f.payoutsMinor() + f.commissionMinor() - f.overheadMinor());
    }

    @Test
    void accrualBasisEqualsTheExportedInvoicesAndPayoutsOfGigsPlayed() throws Exception {
        FinancialReport.Financials f = app.financialReport.financials(Actor.owner(), YEAR_ACCRUAL);
        List<CSVRecord> invoices = export("invoices", YEAR_ACCRUAL);
        assertThat(invoices).anyMatch(r -> r.get("kind").equals("CREDIT_NOTE"));
        assertThat(f.revenueMinor()).isPositive().isEqualTo(sum(invoices, "base_subtotal", r -> true));
        assertThat(f.taxMinor()).isPositive().isEqualTo(sum(invoices, "base_tax", r -> true));
        List<CSVRecord> payouts = export("payouts", YEAR_ACCRUAL);
        assertThat(f.payoutsMinor()).isEqualTo(sum(payouts, "base_gross", r -> true));
        // payouts still owed at the end: gigs up to then, not paid by then (the full export, filtered by hand)
        List<CSVRecord> all = export("payouts", Period.ALL);
        long outstanding = sum(all, "base_gross", r -> r.get("gig_start").compareTo("2027-01-01") < 0
                && (r.get("payout_status").equals("UNPAID") || r.get("paid_on").compareTo("2026-12-31") > 0));
        assertThat(f.payoutsOutstandingMinor()).isEqualTo(outstanding);
    }

    /** Receivables: per booking, invoiced less paid when more than nothing, from the two exports. */
    @Test
    void receivablesEqualInvoicedLessPaidPerBookingFromTheExports() throws Exception {
        Map<String, Long> open = new HashMap<>();
        for (CSVRecord r : export("invoices", Period.ALL)) {
            open.merge(r.get("booking_number"), MoneyFormat.parse(r.get("base_total"), Currencies.require("EUR")), Long::sum);
        }
        for (CSVRecord r : export("payments", Period.ALL)) {
            open.merge(r.get("booking_number"), -MoneyFormat.parse(r.get("base_amount"), Currencies.require("EUR")), Long::sum);
        }
        long expected = open.values().stream().mapToLong(v -> Math.max(0, v)).sum();
        assertThat(expected).isPositive();
        // the period ends after today: the bookings' kept figures (and the ledger for the USD booking)
        assertThat(app.financialReport.financials(Actor.owner(), YEAR_ACCRUAL).receivablesMinor()).isEqualTo(expected);
    }

    @Test
    void theJournalBalancesAndItsRevenueIsTheAccrualRevenue() throws Exception {
        List<CSVRecord> journal = export("journal", YEAR_ACCRUAL);
        assertThat(sum(journal, "debit", r -> true)).isEqualTo(sum(journal, "credit", r -> true));
        long revenue = sum(journal, "credit", r -> r.get("account").equals("4000"))
                - sum(journal, "debit", r -> r.get("account").equals("4000"));
        assertThat(revenue).isEqualTo(app.financialReport.financials(Actor.owner(), YEAR_ACCRUAL).revenueMinor());
        // every entry balances on its own
        journal.stream().collect(Collectors.groupingBy(r -> r.get("entry"))).forEach((entry, lines) ->
                assertThat(sum(lines, "debit", r -> true)).as(entry).isEqualTo(sum(lines, "credit", r -> true)));
    }

    @Test
    void revenueByAnyDimensionAddsUpToTheSameTotal() {
        long client = total(app.financialReport.revenueBy(Actor.owner(), YEAR_ACCRUAL, FinancialReport.By.CLIENT));
        assertThat(client).isPositive();
        for (FinancialReport.By by : FinancialReport.By.values()) {
            assertThat(total(app.financialReport.revenueBy(Actor.owner(), YEAR_ACCRUAL, by))).as(by.name()).isEqualTo(client);
        }
    }

    @Test
    void excelCsvHasBomSemicolonsAndDecimalCommas() {
        ReportTable t = app.financialReport.performerEarnings(Actor.owner(), YEAR_ACCRUAL);
        StringWriter w = new StringWriter();
        TableExport.csv(t, new TableExport.CsvOptions(true, true), w);
        String csv = w.toString();
        assertThat(csv).startsWith("\ufeffPerformer;Gigs;Gross");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).matches(".*;\\d+,\\d\\d;.*");
        assertThat(csv.strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("Total;");
        StringWriter plain = new StringWriter();
        TableExport.csv(t, new TableExport.CsvOptions(false, false), plain);
        assertThat(plain.toString()).doesNotContain("Total,").startsWith("Performer,Gigs,Gross");
    }

    private static long total(ReportTable t) {
        return ((Money) t.totals().get(2)).minor();
    }
}
