package dev.stagedesk.report;

import static dev.stagedesk.common.I18n.tr;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.booking.PayoutStatus;
import dev.stagedesk.common.Codes;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.csv.Period;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.document.ReportTable;
import dev.stagedesk.payment.InvoiceStatus;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.Money;
import dev.stagedesk.money.Rounding;
import dev.stagedesk.payout.PayoutCsv;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.AgencyFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The reports an owner and an accountant hand on: the business's financials for a period on a cash basis
 * (money received and paid out in it) or an accrual basis (invoiced, and gigs played, in it); performer
 * earnings; revenue by client, performer, package or month. Every figure is in the base currency and adds up
 * the same per-row amounts the CSV exports write (payments, invoices, payouts, overhead), so the two
 * reconcile to the cent.
 */
public final class FinancialReport {
    /**
     * Revenue: cash basis, money received (refunds and reversals taken off, tax included); accrual basis,
     * invoiced net of tax, credit notes taken off. Payouts: gross performer payouts (cash: paid in the period;
     * accrual: gigs in the period), of which the agency keeps its commission. Receivables and payouts
     * outstanding are as at the last day of the period.
     */
    public record Financials(Period period, Currency currency, long revenueMinor, long taxMinor, long payoutsMinor,
                             long commissionMinor, long overheadMinor, long receivablesMinor,
                             long payoutsOutstandingMinor) {
        public long profitMinor() {
            return revenueMinor - payoutsMinor + commissionMinor - overheadMinor;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public FinancialReport(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** {@code amount * bp / 10000} rounded half-even per row, in SQL, for amounts of zero or more (PayoutSplit's rule). */
    static Field<Long> shareBp(Field<Long> amount, Field<Integer> bp) {
        return DSL.field("({0} * {1}) / 10000 + CASE WHEN MOD({0} * {1}, 10000) > 5000 THEN 1 "
                + "WHEN MOD({0} * {1}, 10000) = 5000 THEN MOD(({0} * {1}) / 10000, 2) ELSE 0 END", Long.class, amount, bp);
    }

    private Currency base() {
        return Currencies.require(AgencyFacts.baseCurrency(dsl));
    }

    private ZoneId zone() {
        return AgencyFacts.zone(dsl);
    }

    private static long sum(BigDecimal v) {
        return v == null ? 0 : v.longValueExact();
    }

    private static void requirePeriod(Period p) {
        if (p.all()) {
            throw ValidationException.of("from", tr("validation.required"));
        }
    }

    public Financials financials(Actor actor, Period period) {
        actor.require(Permission.REPORTS_VIEW);
        requirePeriod(period);
        long revenue;
        long tax = 0;
        if (period.cash()) {
            revenue = sum(dsl.select(DSL.sum(PAYMENT.BASE_AMOUNT_MINOR)).from(PAYMENT)
                    .where(PAYMENT.DELETED_AT.isNull(), period.on(PAYMENT.RECEIVED_ON)).fetchOne().value1());
        } else {
            var r = dsl.select(DSL.sum(INVOICE.BASE_SUBTOTAL_MINOR), DSL.sum(INVOICE.BASE_TAX_MINOR)).from(INVOICE)
                    .where(INVOICE.DELETED_AT.isNull(), INVOICE.STATUS.ne(InvoiceStatus.DRAFT.name()), period.on(INVOICE.ISSUE_DATE))
                    .fetchOne();
            revenue = sum(r.value1());
            tax = sum(r.value2());
        }
        long[] payouts = payouts(PayoutCsv.inPeriod(dsl, period));
        long overhead = overhead(period.on(OVERHEAD_EXPENSE.SPENT_ON));
        return new Financials(period, base(), revenue, tax, payouts[0], payouts[1], overhead, receivables(period.to()),
                outstandingPayouts(period.to()));
    }

    /** Gross and commission in base currency over the gigs of live, not cancelled bookings that match. */
    private long[] payouts(Condition which) {
        Condition live = ASSIGNMENT.DELETED_AT.isNull().and(BOOKING.DELETED_AT.isNull()).and(BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()))
                .and(which);
        var atOne = BOOKING.EXCHANGE_RATE.eq(BigDecimal.ONE);
        var one = dsl.select(DSL.sum(DSL.when(atOne, ASSIGNMENT.PAYOUT_MINOR)),
                        DSL.sum(DSL.when(atOne, shareBp(ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.COMMISSION_BP))),
                        DSL.count(DSL.when(atOne.not(), DSL.inline(1))))
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID)).where(live).fetchOne();
        long gross = sum(one.value1());
        long commission = sum(one.value2());
        if (one.value3() == 0) {
            return new long[] {gross, commission};
        }
        // other currencies, row by row: each gig converted and rounded once, as the export does
        for (var r : dsl.select(ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.COMMISSION_BP, BOOKING.EXCHANGE_RATE).from(ASSIGNMENT)
                .join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID)).where(live, atOne.not())
                .fetch()) {
            gross += Rounding.toBase(r.value1(), r.value3());
            commission += Rounding.toBase(Rounding.applyBasisPoints(r.value1(), r.value2()), r.value3());
        }
        return new long[] {gross, commission};
    }

    private long overhead(Condition which) {
        Condition live = OVERHEAD_EXPENSE.DELETED_AT.isNull().and(which);
        long total = sum(dsl.select(DSL.sum(OVERHEAD_EXPENSE.AMOUNT_MINOR)).from(OVERHEAD_EXPENSE)
                .where(live, OVERHEAD_EXPENSE.EXCHANGE_RATE.eq(BigDecimal.ONE)).fetchOne().value1());
        for (var r : dsl.select(OVERHEAD_EXPENSE.AMOUNT_MINOR, OVERHEAD_EXPENSE.EXCHANGE_RATE).from(OVERHEAD_EXPENSE)
                .where(live, OVERHEAD_EXPENSE.EXCHANGE_RATE.ne(BigDecimal.ONE)).fetch()) {
            total += Rounding.toBase(r.value1(), r.value2());
        }
        return total;
    }

    /**
     * What clients owe at the end of {@code on}: per booking, invoiced less paid when that is more than nothing.
     * From today on that is what the bookings keep (an index range over those that owe); for bookings in another
     * currency than the base one, and for a date in the past, it is worked out from the invoices and payments.
     */
    private long receivables(LocalDate on) {
        if (on.isBefore(LocalDate.now(clock.withZone(zone())))) {
            return receivablesFromLedger(on, DSL.noCondition());
        }
        String base = base().getCurrencyCode();
        var R = Tables.OPEN_RECEIVABLE;
        long inBase = sum(dsl.select(DSL.sum(R.AMOUNT_MINOR)).from(R).where(R.CURRENCY.eq(base)).fetchOne().value1());
        // invoices in other currencies (two index ranges on the currency): per booking from the ledger
        Condition foreign = INVOICE.CURRENCY.lt(base).or(INVOICE.CURRENCY.gt(base));
        return inBase + (dsl.fetchExists(INVOICE, foreign) ? receivablesFromLedger(on, foreign) : 0);
    }

    private long receivablesFromLedger(LocalDate on, Condition which) {
        var invoiced = DSL.select(INVOICE.BOOKING_ID.as("b"),
                        DSL.sum(INVOICE.BASE_SUBTOTAL_MINOR.plus(INVOICE.BASE_TAX_MINOR)).as("amount"))
                .from(INVOICE).where(INVOICE.DELETED_AT.isNull(), INVOICE.STATUS.ne(InvoiceStatus.DRAFT.name()), INVOICE.ISSUE_DATE.le(on),
                        INVOICE.BOOKING_ID.isNotNull(), which).groupBy(INVOICE.BOOKING_ID).asTable("i");
        var paid = DSL.select(PAYMENT.BOOKING_ID.as("b"), DSL.sum(PAYMENT.BASE_AMOUNT_MINOR).as("amount"))
                .from(PAYMENT).where(PAYMENT.DELETED_AT.isNull(), PAYMENT.RECEIVED_ON.le(on))
                .groupBy(PAYMENT.BOOKING_ID).asTable("p");
        Field<BigDecimal> inv = invoiced.field("amount", BigDecimal.class);
        Field<BigDecimal> pd = DSL.coalesce(paid.field("amount", BigDecimal.class), BigDecimal.ZERO);
        return sum(dsl.select(DSL.sum(DSL.greatest(inv.minus(pd), DSL.inline(BigDecimal.ZERO)))).from(invoiced)
                .leftJoin(paid).on(paid.field("b", UUID.class).eq(invoiced.field("b", UUID.class)))
                .fetchOne().value1());
    }

    /** Gross payouts of gigs started by the end of {@code on} and not paid by then. */
    private long outstandingPayouts(LocalDate on) {
        Instant end = on.plusDays(1).atStartOfDay(zone()).toInstant();
        // two index ranges rather than one walk over every gig ever played; nothing is paid after today
        long unpaid = payouts(ASSIGNMENT.PAYOUT_STATUS.eq(PayoutStatus.UNPAID.name()).and(ASSIGNMENT.STARTS_AT.lt(end)))[0];
        boolean past = on.isBefore(LocalDate.now(clock.withZone(zone())));
        return unpaid + (past ? payouts(ASSIGNMENT.PAID_ON.gt(on).and(ASSIGNMENT.STARTS_AT.lt(end)))[0] : 0);
    }

    public ReportTable financialsTable(Financials f) {
        Currency c = f.currency();
        List<List<Object>> rows = new ArrayList<>();
        boolean cash = f.period().cash();
        rows.add(List.of(tr(cash ? "report.fin.received" : "report.fin.invoiced"), new Money(f.revenueMinor(), c)));
        if (!cash) {
            rows.add(List.of(tr("report.fin.taxInvoiced"), new Money(f.taxMinor(), c)));
        }
        rows.add(List.of(tr(cash ? "report.fin.payoutsPaid" : "report.fin.payoutsEarned"), new Money(-f.payoutsMinor(), c)));
        rows.add(List.of(tr("report.fin.commission"), new Money(f.commissionMinor(), c)));
        rows.add(List.of(tr("report.fin.overhead"), new Money(-f.overheadMinor(), c)));
        rows.add(List.of(tr("report.fin.profit"), new Money(f.profitMinor(), c)));
        rows.add(List.of(tr("report.fin.receivables", f.period().to()), new Money(f.receivablesMinor(), c)));
        rows.add(List.of(tr("report.fin.payoutsOutstanding", f.period().to()), new Money(f.payoutsOutstandingMinor(), c)));
        return new ReportTable(tr("report.fin.title"), tr("report.period", f.period().from(), f.period().to(),
                tr(cash ? "report.basis.cash" : "report.basis.accrual")),
                List.of(ReportTable.text(tr("report.col.item")), ReportTable.money(tr("report.col.amount"))), rows, null);
    }

    /** Per performer and currency: gigs, gross, commission, withholding, personal expenses, net take-home. */
    public ReportTable performerEarnings(Actor actor, Period period) {
        actor.require(Permission.REPORTS_VIEW);
        requirePeriod(period);
        Period accrual = new Period(period.from(), period.to(), "accrual");
        Map<String, long[]> sums = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Currency> currencies = new HashMap<>();
        dsl.select(PERFORMER.STAGE_NAME, ASSIGNMENT.CURRENCY, DSL.count(), DSL.sum(ASSIGNMENT.PAYOUT_MINOR),
                        DSL.sum(shareBp(ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.COMMISSION_BP)),
                        DSL.sum(shareBp(ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.WITHHOLDING_BP)))
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .where(ASSIGNMENT.DELETED_AT.isNull(), BOOKING.DELETED_AT.isNull(), BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()),
                        PayoutCsv.inPeriod(dsl, accrual))
                .groupBy(PERFORMER.STAGE_NAME, ASSIGNMENT.CURRENCY)
                .forEach(r -> {
                    long[] s = sums.computeIfAbsent(r.value1() + "\u0000" + r.value2(), k -> new long[5]);
                    currencies.put(r.value2(), Currencies.require(r.value2()));
                    s[0] += r.value3();
                    s[1] += sum(r.value4());
                    s[2] += sum(r.value5());
                    s[3] += sum(r.value6());
                });
        dsl.select(PERFORMER.STAGE_NAME, PERFORMER_EXPENSE.CURRENCY, DSL.sum(PERFORMER_EXPENSE.AMOUNT_MINOR))
                .from(PERFORMER_EXPENSE).join(PERFORMER).on(PERFORMER.ID.eq(PERFORMER_EXPENSE.PERFORMER_ID))
                .where(PERFORMER_EXPENSE.DELETED_AT.isNull(), period.on(PERFORMER_EXPENSE.SPENT_ON))
                .groupBy(PERFORMER.STAGE_NAME, PERFORMER_EXPENSE.CURRENCY)
                .forEach(r -> {
                    currencies.put(r.value2(), Currencies.require(r.value2()));
                    sums.computeIfAbsent(r.value1() + "\u0000" + r.value2(), k -> new long[5])[4] += sum(r.value3());
                });
        List<List<Object>> rows = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        for (var e : sums.entrySet()) {
            String[] key = e.getKey().split("\u0000");
            Currency c = currencies.get(key[1]);
            long[] s = e.getValue();
            rows.add(List.of(key[0], s[0], new Money(s[1], c), new Money(s[2], c), new Money(s[3], c),
                    new Money(s[4], c), new Money(s[1] - s[2] - s[3] - s[4], c)));
            long[] t = totals.computeIfAbsent(key[1], k -> new long[5]);
            for (int i = 0; i < 5; i++) {
                t[i] += s[i];
            }
        }
        List<Object> totalRow = null;
        if (totals.size() == 1) { // one currency: a totals row that means something
            var t = totals.entrySet().iterator().next();
            Currency c = currencies.get(t.getKey());
            long[] s = t.getValue();
            totalRow = List.of(tr("report.total"), s[0], new Money(s[1], c), new Money(s[2], c), new Money(s[3], c),
                    new Money(s[4], c), new Money(s[1] - s[2] - s[3] - s[4], c));
        }
        return new ReportTable(tr("report.perf.title"), tr("report.period", period.from(), period.to(),
                tr("report.perf.basis")),
                List.of(ReportTable.text(tr("report.col.performer")), ReportTable.count(tr("report.col.gigs")),
                        ReportTable.money(tr("report.col.gross")), ReportTable.money(tr("report.col.commission")),
                        ReportTable.money(tr("report.col.withholding")), ReportTable.money(tr("report.col.expenses")),
                        ReportTable.money(tr("report.col.net"))), rows, totalRow);
    }

    /** What revenue is broken down by. */
    public enum By { CLIENT, PERFORMER, PACKAGE, MONTH }

    /**
     * Booked revenue (fee excluding tax, base currency) of confirmed and completed bookings whose event falls in
     * the period, by client, package or event month; by performer, each booking's fee is shared among its
     * performers in proportion to their payouts (evenly when none has one), the odd cents to the first, so every
     * breakdown adds up to the same total.
     */
    public ReportTable revenueBy(Actor actor, Period period, By by) {
        actor.require(Permission.REPORTS_VIEW);
        requirePeriod(period);
        ZoneId zone = zone();
        Currency c = base();
        Condition where = BOOKING.DELETED_AT.isNull().and(BOOKING.STATUS.in(Codes.of(BookingStatus.CONFIRMED, BookingStatus.COMPLETED)))
                .and(BOOKING.STARTS_AT.ge(period.from().atStartOfDay(zone).toInstant()))
                .and(BOOKING.STARTS_AT.lt(period.to().plusDays(1).atStartOfDay(zone).toInstant()));
        Map<String, long[]> sums = new LinkedHashMap<>();
        if (by == By.PERFORMER) {
            byPerformer(where, sums);
        } else {
            Field<String> key = switch (by) {
                case CLIENT -> CLIENT.NAME;
                case PACKAGE -> DSL.coalesce(SERVICE_PACKAGE.NAME, DSL.inline(tr("report.noPackage")));
                default -> DSL.inline("");
            };
            try (var cursor = dsl.select(key, BOOKING.STARTS_AT, BOOKING.FEE_MINOR, BOOKING.EXCHANGE_RATE).from(BOOKING)
                    .join(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID))
                    .leftJoin(SERVICE_PACKAGE).on(SERVICE_PACKAGE.ID.eq(BOOKING.PACKAGE_ID)).where(where)
                    .fetchSize(5000).fetchLazy()) {
                for (var r : cursor) {
                    String k = by == By.MONTH ? YearMonth.from(r.value2().atZone(zone)).toString() : r.value1();
                    long[] s = sums.computeIfAbsent(k, x -> new long[2]);
                    s[0]++;
                    s[1] += Rounding.toBase(r.value3(), r.value4());
                }
            }
        }
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(sums.entrySet());
        if (by == By.MONTH) {
            entries.sort(Map.Entry.comparingByKey());
        } else {
            entries.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        }
        List<List<Object>> rows = new ArrayList<>();
        long count = 0;
        long total = 0;
        for (var e : entries) {
            rows.add(List.of(e.getKey(), e.getValue()[0], new Money(e.getValue()[1], c)));
            count += e.getValue()[0];
            total += e.getValue()[1];
        }
        String dim = tr("report.by." + by.name().toLowerCase(Locale.ROOT));
        return new ReportTable(tr("report.rev.title", dim), tr("report.period", period.from(), period.to(),
                tr("report.rev.basis")),
                List.of(ReportTable.text(Character.toUpperCase(dim.charAt(0)) + dim.substring(1)), ReportTable.count(tr(by == By.PERFORMER ? "report.col.gigs" : "report.col.bookings")),
                        ReportTable.money(tr("report.col.revenue"))), rows,
                List.of(tr("report.total"), count, new Money(total, c)));
    }

    private void byPerformer(Condition where, Map<String, long[]> sums) {
        UUID current = null;
        List<Object[]> gigs = new ArrayList<>();
        long[] fee = {0};
        try (var cursor = dsl.select(BOOKING.ID, BOOKING.FEE_MINOR, BOOKING.EXCHANGE_RATE, PERFORMER.STAGE_NAME,
                        ASSIGNMENT.PAYOUT_MINOR).from(BOOKING)
                .join(ASSIGNMENT).on(ASSIGNMENT.BOOKING_ID.eq(BOOKING.ID).and(ASSIGNMENT.DELETED_AT.isNull()))
                .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID)).where(where)
                .orderBy(BOOKING.ID, ASSIGNMENT.ID).fetchSize(5000).fetchLazy()) {
            for (var r : cursor) {
                if (!r.value1().equals(current)) {
                    share(gigs, fee[0], sums);
                    gigs.clear();
                    current = r.value1();
                    fee[0] = Rounding.toBase(r.value2(), r.value3());
                }
                gigs.add(new Object[] {r.value4(), r.value5()});
            }
        }
        share(gigs, fee[0], sums);
        // bookings no performer played: their revenue is real too, and keeps the total equal to the others
        long[] none = {0, 0};
        dsl.select(BOOKING.FEE_MINOR, BOOKING.EXCHANGE_RATE).from(BOOKING).where(where, DSL.notExists(
                DSL.selectOne().from(ASSIGNMENT).where(ASSIGNMENT.BOOKING_ID.eq(BOOKING.ID), ASSIGNMENT.DELETED_AT.isNull())))
                .forEach(r -> {
                    none[0]++;
                    none[1] += Rounding.toBase(r.value1(), r.value2());
                });
        if (none[0] > 0) {
            sums.put(tr("report.noPerformer"), none);
        }
    }

    private static void share(List<Object[]> gigs, long fee, Map<String, long[]> sums) {
        if (gigs.isEmpty()) {
            return;
        }
        long weights = 0;
        for (Object[] g : gigs) {
            weights += (Long) g[1];
        }
        long given = 0;
        long[] parts = new long[gigs.size()];
        for (int i = 0; i < gigs.size(); i++) {
            long w = weights == 0 ? 1 : (Long) gigs.get(i)[1];
            long total = weights == 0 ? gigs.size() : weights;
            parts[i] = BigDecimal.valueOf(fee).multiply(BigDecimal.valueOf(w))
                    .divide(BigDecimal.valueOf(total), 0, RoundingMode.DOWN).longValueExact();
            given += parts[i];
        }
        parts[0] += fee - given;
        for (int i = 0; i < gigs.size(); i++) {
            long[] s = sums.computeIfAbsent((String) gigs.get(i)[0], x -> new long[2]);
            s[0]++;
            s[1] += parts[i];
        }
    }
}
