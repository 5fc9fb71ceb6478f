package dev.stagedesk.payout;

import static dev.stagedesk.common.I18n.tr;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.csv.CsvWriter;
import dev.stagedesk.document.BusinessDocument;
import dev.stagedesk.document.DocumentPdf;
import dev.stagedesk.document.DocumentText;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.settings.AgencyFacts;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A performer's statement for a period: each gig (by its date in the agency's zone, bookings not cancelled)
 * with its gross payout, the agency's commission and the withholding ({@link PayoutSplit}), the performer's own
 * expenses of the period, and per currency the net take-home: gross − commission − withholding − expenses.
 * The PDF and the CSV are made from the same {@link Statement}, so they agree to the cent.
 */
public final class PerformerStatements {

    public record Gig(LocalDate date, String bookingNumber, String title, String role, String currency,
                      PayoutSplit split, String payoutStatus, LocalDate paidOn) {
    }

    public record Expense(LocalDate spentOn, String category, String description, String bookingNumber,
                          long amountMinor, String currency) {
    }

    /** The sums of one currency. */
    public record Totals(String currency, long grossMinor, long commissionMinor, long withholdingMinor,
                         long expensesMinor) {
        public long netMinor() {
            return grossMinor - commissionMinor - withholdingMinor - expensesMinor;
        }
    }

    public record Statement(UUID performerId, String performer, String legalName, String email, LocalDate from,
                            LocalDate to, List<Gig> gigs, List<Expense> expenses, List<Totals> totals) {
    }

    private final DSLContext dsl;

    public PerformerStatements(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Admins and accountants for anyone; a performer for themselves. */
    public Statement statement(Actor actor, UUID performerId, LocalDate from, LocalDate to) {
        if (!actor.can(Permission.PAYOUTS_VIEW_ALL) && !performerId.equals(actor.performerId())) {
            throw new PermissionDeniedException(Permission.PAYOUTS_VIEW_ALL);
        }
        if (from == null || to == null) {
            throw ValidationException.of(from == null ? "from" : "to", tr("validation.required"));
        }
        if (to.isBefore(from)) {
            throw ValidationException.of("to", tr("statement.toBeforeFrom"));
        }
        var p = dsl.selectFrom(PERFORMER).where(PERFORMER.ID.eq(performerId), PERFORMER.DELETED_AT.isNull())
                .fetchOptional().orElseThrow(() -> new NotFoundException(tr("record.notFound", tr("entity.performer"),
                        performerId)));
        ZoneId zone = AgencyFacts.zone(dsl);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Gig> gigs = dsl.select(ASSIGNMENT.STARTS_AT, BOOKING.NUMBER, BOOKING.TITLE, ASSIGNMENT.ROLE,
                        ASSIGNMENT.CURRENCY, ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.COMMISSION_BP, ASSIGNMENT.WITHHOLDING_BP,
                        ASSIGNMENT.PAYOUT_STATUS, ASSIGNMENT.PAID_ON)
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .where(ASSIGNMENT.PERFORMER_ID.eq(performerId), ASSIGNMENT.DELETED_AT.isNull(),
                        ASSIGNMENT.STARTS_AT.ge(start), ASSIGNMENT.STARTS_AT.lt(end), BOOKING.DELETED_AT.isNull(),
                        BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()))
                .orderBy(ASSIGNMENT.STARTS_AT, ASSIGNMENT.ID)
                .fetch(r -> new Gig(r.value1().atZone(zone).toLocalDate(), r.value2(), r.value3(), r.value4(),
                        r.value5(), PayoutSplit.of(r.value6(), r.value7(), r.value8()), r.value9(), r.value10()));
        List<Expense> expenses = dsl.select(PERFORMER_EXPENSE.SPENT_ON, PERFORMER_EXPENSE.CATEGORY,
                        PERFORMER_EXPENSE.DESCRIPTION, BOOKING.NUMBER, PERFORMER_EXPENSE.AMOUNT_MINOR,
                        PERFORMER_EXPENSE.CURRENCY)
                .from(PERFORMER_EXPENSE).leftJoin(BOOKING).on(BOOKING.ID.eq(PERFORMER_EXPENSE.BOOKING_ID))
                .where(PERFORMER_EXPENSE.PERFORMER_ID.eq(performerId), PERFORMER_EXPENSE.DELETED_AT.isNull(),
                        PERFORMER_EXPENSE.SPENT_ON.between(from, to))
                .orderBy(PERFORMER_EXPENSE.SPENT_ON, PERFORMER_EXPENSE.ID)
                .fetch(r -> new Expense(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
        Map<String, long[]> sums = new TreeMap<>();
        for (Gig g : gigs) {
            long[] s = sums.computeIfAbsent(g.currency(), k -> new long[4]);
            s[0] += g.split().grossMinor();
            s[1] += g.split().commissionMinor();
            s[2] += g.split().withholdingMinor();
        }
        for (Expense e : expenses) {
            sums.computeIfAbsent(e.currency(), k -> new long[4])[3] += e.amountMinor();
        }
        List<Totals> totals = sums.entrySet().stream().map(e -> new Totals(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
        return new Statement(p.getId(), p.getStageName(), p.getLegalName(), p.getEmail(), from, to, gigs, expenses,
                totals);
    }

    /** The statement as CSV (docs/CSV.md): one row per gig and per expense, then a total row per currency. */
    public static void writeCsv(Statement s, Writer out) {
        CsvWriter csv = CsvWriter.plain(out);
        csv.row("kind", "date", "booking_number", "description", "currency", "gross", "commission",
                "withholding", "expense", "net");
        for (Gig g : s.gigs()) {
            var c = Currencies.require(g.currency());
            csv.row("gig", g.date(), g.bookingNumber(), g.title() + " (" + g.role() + ")", g.currency(),
                    money(g.split().grossMinor(), c), money(g.split().commissionMinor(), c),
                    money(g.split().withholdingMinor(), c), "", money(g.split().netMinor(), c));
        }
        for (Expense e : s.expenses()) {
            var c = Currencies.require(e.currency());
            csv.row("expense", e.spentOn(), e.bookingNumber() == null ? "" : e.bookingNumber(),
                    e.category() + (e.description() == null ? "" : ": " + e.description()), e.currency(), "", "",
                    "", money(e.amountMinor(), c), money(-e.amountMinor(), c));
        }
        for (Totals t : s.totals()) {
            var c = Currencies.require(t.currency());
            csv.row("total", s.to(), "", s.performer() + " " + s.from() + " – " + s.to(), t.currency(),
                    money(t.grossMinor(), c), money(t.commissionMinor(), c), money(t.withholdingMinor(), c),
                    money(t.expensesMinor(), c), money(t.netMinor(), c));
        }
        csv.flush();
    }

    private static String money(long minor, Currency c) {
        return MoneyFormat.plain(minor, c);
    }

    /** The statement as a document with the look of quotes and invoices. */
    /** The statement as PDF, with the agency's logo from Settings like its invoices and quotes. */
    public void writePdf(Statement s, OutputStream out) {
        DocumentPdf.write(document(s),
                BusinessDocument.logo(dsl.selectFrom(AGENCY).limit(1).fetchOne()), out);
    }

    /** In the agency's document language (a statement goes to a performer, who has no language of their own yet). */
    public BusinessDocument document(Statement s) {
        var agency = dsl.selectFrom(AGENCY).limit(1).fetchOne();
        DocumentText t = DocumentText.of(null, agency == null ? null : agency.getDocumentLanguage());
        List<String> from = agency == null ? List.of() : BusinessDocument.letterhead(agency, t);
        List<String> to = BusinessDocument.lines(s.performer(), s.legalName(), s.email());
        List<BusinessDocument.Fact> facts = List.of(
                new BusinessDocument.Fact(t.tr("statement.period"), t.weekdayDate(s.from()) + " – " + t.weekdayDate(s.to())),
                new BusinessDocument.Fact(t.tr("statement.gigs"), Integer.toString(s.gigs().size())));
        List<BusinessDocument.Line> lines = new ArrayList<>();
        for (Gig g : s.gigs()) {
            var c = Currencies.require(g.currency());
            lines.add(new BusinessDocument.Line(t.weekdayDate(g.date()) + " · " + g.bookingNumber() + " " + g.title()
                    + " (" + g.role() + ")" + ("PAID".equals(g.payoutStatus()) ? " · " + t.tr("statement.paidOn",
                    t.date(g.paidOn())) : ""), t.money(g.split().grossMinor(), c),
                    less(t, g.split().commissionMinor() + g.split().withholdingMinor(), c),
                    t.money(g.split().netMinor(), c)));
        }
        for (Expense e : s.expenses()) {
            var c = Currencies.require(e.currency());
            lines.add(new BusinessDocument.Line(t.weekdayDate(e.spentOn()) + " · " + t.tr("statement.expense") + ": "
                    + e.category() + (e.description() == null ? "" : " — " + e.description()), "", "",
                    less(t, e.amountMinor(), c)));
        }
        List<BusinessDocument.Fact> totals = new ArrayList<>();
        for (Totals sum : s.totals()) {
            var c = Currencies.require(sum.currency());
            String suffix = s.totals().size() > 1 ? " (" + sum.currency() + ")" : "";
            totals.add(new BusinessDocument.Fact(t.tr("statement.gross") + suffix, t.money(sum.grossMinor(), c)));
            totals.add(new BusinessDocument.Fact(t.tr("statement.commission") + suffix,
                    less(t, sum.commissionMinor(), c)));
            totals.add(new BusinessDocument.Fact(t.tr("statement.withholding") + suffix,
                    less(t, sum.withholdingMinor(), c)));
            totals.add(new BusinessDocument.Fact(t.tr("statement.expenses") + suffix,
                    less(t, sum.expensesMinor(), c)));
            totals.add(new BusinessDocument.Fact(t.tr("statement.net") + suffix, t.money(sum.netMinor(), c)));
        }
        if (totals.isEmpty()) {
            totals.add(new BusinessDocument.Fact(t.tr("statement.net"), "0"));
        }
        return new BusinessDocument(t.tr("statement.title"), s.performer() + " · " + s.from() + " – " + s.to(), from, to,
                facts, lines, totals, s.gigs().isEmpty() && s.expenses().isEmpty() ? t.tr("statement.nothing") : null,
                null, List.of(t.tr("statement.item"), t.tr("statement.gross"), t.tr("statement.deductions"),
                t.tr("statement.net")), t);
    }

    /** A deduction: "−12.00 EUR", or "0.00 EUR" when there is none. */
    private static String less(DocumentText t, long minor, Currency c) {
        return (minor == 0 ? "" : "−") + t.money(minor, c);
    }
}
