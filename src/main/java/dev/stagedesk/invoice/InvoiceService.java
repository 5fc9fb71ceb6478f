package dev.stagedesk.invoice;

import dev.stagedesk.payment.InvoiceKind;
import static dev.stagedesk.command.CommandContext.fields;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.INVOICE_LINE;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.common.Codes;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.tables.records.AgencyRecord;
import dev.stagedesk.db.jooq.tables.records.BookingRecord;
import dev.stagedesk.db.jooq.tables.records.InvoiceRecord;
import dev.stagedesk.document.BusinessDocument;
import dev.stagedesk.document.DocumentText;
import dev.stagedesk.money.Rounding;
import dev.stagedesk.numbering.Numbering;
import dev.stagedesk.payment.InvoiceStatus;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.payment.PaymentTerms;
import dev.stagedesk.payment.Receivables;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Invoices of a booking and credit notes. A deposit invoice bills the deposit of the booking's terms; the final
 * invoice bills the fee and deducts each open deposit invoice line by line, with its tax, so the final invoice
 * plus its deposit invoices is the booking's total. Issued invoices are locked: nothing here edits or deletes
 * one; a credit note (its own gapless series) cancels it, and a new invoice can then be issued. Numbers come
 * from {@link Numbering} inside the issuing transaction, so they stay gapless and unique from any number of
 * windows at once. A draft has no number and may be discarded.
 */
public final class InvoiceService {
    public static final String ENTITY = "invoice";
    public static final String INVOICE_SERIES = "INVOICE";
    public static final String CREDIT_SERIES = "CREDIT_NOTE";

    /** DEPOSIT or FINAL, issued at once (numbered, locked). */
    public record IssueInvoice(UUID bookingId, InvoiceKind kind, String notes) implements Command<UUID> {
    }

    /** The same, kept as a draft (no number) to look at first. */
    public record DraftInvoice(UUID bookingId, InvoiceKind kind, String notes) implements Command<UUID> {
    }

    /** Issues a draft: its lines are worked out again from the booking as it is now, then numbered and locked. */
    public record IssueDraft(UUID invoiceId) implements Command<Void> {
    }

    public record DiscardDraft(UUID invoiceId) implements Command<Void> {
    }

    public record MarkInvoiceSent(UUID invoiceId, LocalDate on) implements Command<Void> {
    }

    /** A credit note for the whole of an issued invoice, which becomes CREDITED. */
    public record CreditInvoice(UUID invoiceId, String reason) implements Command<UUID> {
    }

    private final CommandBus bus;

    public InvoiceService(CommandBus bus) {
        this.bus = bus;
        bus.register(IssueInvoice.class, CommandHandler.of(Permission.INVOICES_ISSUE, this::issue));
        bus.register(DraftInvoice.class, CommandHandler.of(Permission.INVOICES_ISSUE, this::draft));
        bus.register(IssueDraft.class, CommandHandler.of(Permission.INVOICES_ISSUE, this::issueDraft));
        bus.register(DiscardDraft.class, CommandHandler.of(Permission.INVOICES_ISSUE, this::discard));
        bus.register(MarkInvoiceSent.class, CommandHandler.of(Permission.INVOICES_ISSUE, this::markSent));
        bus.register(CreditInvoice.class, CommandHandler.of(Permission.INVOICES_ISSUE, this::credit));
    }

    public UUID issue(Actor actor, UUID bookingId, InvoiceKind kind, String notes) {
        return bus.execute(actor, new IssueInvoice(bookingId, kind, notes));
    }

    public UUID credit(Actor actor, UUID invoiceId, String reason) {
        return bus.execute(actor, new CreditInvoice(invoiceId, reason));
    }

    public <R> R execute(Actor actor, Command<R> command) {
        return bus.execute(actor, command);
    }

    /** What an invoice of {@code kind} for the booking would bill now: its lines (nothing is written). */
    public static List<InvoiceMath.Line> linesFor(DSLContext tx, BookingRecord b, InvoiceKind kind) {
        return linesFor(tx, b, kind, documentText(tx, b.getClientId()));
    }

    /**
     * The language a client's invoices are written in: the client's own, else the agency's document language
     * (their line texts at issue, their labels whenever printed).
     */
    static DocumentText documentText(DSLContext tx, UUID clientId) {
        String client = tx.select(CLIENT.LANGUAGE).from(CLIENT).where(CLIENT.ID.eq(clientId)).fetchOne(CLIENT.LANGUAGE);
        String agency = tx.select(AGENCY.DOCUMENT_LANGUAGE).from(AGENCY).limit(1).fetchOne(AGENCY.DOCUMENT_LANGUAGE);
        return DocumentText.of(client, agency);
    }

    /** The lines with their texts in the invoice's language ("Deposit (30 % of the fee)", "Anzahlung ..."). */
    static List<InvoiceMath.Line> linesFor(DSLContext tx, BookingRecord b, InvoiceKind kind, DocumentText t) {
        ZoneId zone = ZoneId.of(b.getTimeZone());
        String venue = b.getVenueId() == null ? null
                : tx.select(VENUE.NAME).from(VENUE).where(VENUE.ID.eq(b.getVenueId())).fetchOne(VENUE.NAME);
        String event = b.getTitle() + ", " + t.date(b.getStartsAt().atZone(zone).toLocalDate())
                + (venue == null ? "" : ", " + venue);
        List<InvoiceMath.Line> lines = new ArrayList<>();
        if (kind == InvoiceKind.DEPOSIT) {
            PaymentTerms.Deposit d = PaymentTerms.deposit(b.getFeeMinor(), b.getTaxRateBp(), b.getDepositKind(),
                    b.getDepositValue());
            String share = PaymentTerms.PERCENT.equals(b.getDepositKind())
                    ? t.tr("invoice.line.depositPercent", t.percent(b.getDepositValue().intValue()))
                    : t.tr("invoice.line.deposit");
            lines.add(InvoiceMath.line(share + " — " + b.getNumber() + ": " + event, 1, d.netMinor(), b.getTaxRateBp()));
            return lines;
        }
        lines.add(InvoiceMath.line(t.tr("invoice.line.fee", b.getNumber(), event), 1, b.getFeeMinor(),
                b.getTaxRateBp()));
        for (InvoiceRecord dep : openInvoices(tx, b.getId(), InvoiceKind.DEPOSIT)) {
            for (var l : tx.selectFrom(INVOICE_LINE).where(INVOICE_LINE.INVOICE_ID.eq(dep.getId()),
                    INVOICE_LINE.DELETED_AT.isNull()).orderBy(INVOICE_LINE.POSITION).fetch()) {
                lines.add(InvoiceMath.negate(InvoiceMath.line(l.getDescription(), l.getQuantity(), l.getUnitPriceMinor(),
                        l.getTaxRateBp()), t.tr("invoice.line.lessDeposit", dep.getNumber(),
                        t.date(dep.getIssueDate()))));
            }
        }
        return lines;
    }

    /** What issuing an invoice of {@code kind} on the booking would bill now: its totals (nothing is written). */
    public static InvoiceMath.Totals preview(DSLContext dsl, UUID bookingId, InvoiceKind kind) {
        BookingRecord b = dsl.selectFrom(BOOKING).where(BOOKING.ID.eq(bookingId)).fetchOptional()
                .orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound", I18n.tr("entity.booking"), bookingId)));
        return InvoiceMath.totals(linesFor(dsl, b, kind));
    }

    /** Issued, sent or paid invoices of a kind on the booking: the ones not credited. */
    static List<InvoiceRecord> openInvoices(DSLContext tx, UUID bookingId, InvoiceKind kind) {
        return tx.selectFrom(INVOICE).where(INVOICE.BOOKING_ID.eq(bookingId), INVOICE.KIND.eq(kind.name()),
                INVOICE.STATUS.in(Codes.of(InvoiceStatus.ISSUED, InvoiceStatus.SENT, InvoiceStatus.PAID)), INVOICE.DELETED_AT.isNull())
                .orderBy(INVOICE.ISSUE_DATE, INVOICE.NUMBER).fetch();
    }

    private UUID issue(IssueInvoice c, CommandContext ctx) {
        InvoiceRecord r = create(ctx, c.bookingId(), c.kind(), c.notes());
        number(ctx, r, INVOICE_SERIES);
        return r.getId();
    }

    private UUID draft(DraftInvoice c, CommandContext ctx) {
        InvoiceRecord r = create(ctx, c.bookingId(), c.kind(), c.notes());
        ctx.audit("draft", ENTITY, r.getId(), null, fields("kind", r.getKind(), "bookingId", r.getBookingId(),
                "totalMinor", r.getTotalMinor()));
        return r.getId();
    }

    private Void issueDraft(IssueDraft c, CommandContext ctx) {
        InvoiceRecord d = load(ctx, c.invoiceId());
        if (!InvoiceStatus.DRAFT.name().equals(d.getStatus())) {
            throw new UserFacingException(I18n.tr("invoice.notDraft", d.getNumber()));
        }
        ctx.dsl().deleteFrom(INVOICE_LINE).where(INVOICE_LINE.INVOICE_ID.eq(d.getId())).execute();
        ctx.dsl().deleteFrom(INVOICE).where(INVOICE.ID.eq(d.getId())).execute();
        InvoiceRecord r = create(ctx, d.getId(), d.getBookingId(), InvoiceKind.valueOf(d.getKind()), d.getNotes());
        number(ctx, r, INVOICE_SERIES);
        return null;
    }

    private Void discard(DiscardDraft c, CommandContext ctx) {
        InvoiceRecord d = load(ctx, c.invoiceId());
        if (!InvoiceStatus.DRAFT.name().equals(d.getStatus())) {
            throw new UserFacingException(I18n.tr("invoice.locked", d.getNumber()));
        }
        ctx.dsl().deleteFrom(INVOICE_LINE).where(INVOICE_LINE.INVOICE_ID.eq(d.getId())).execute();
        ctx.dsl().deleteFrom(INVOICE).where(INVOICE.ID.eq(d.getId())).execute();
        ctx.audit("discard-draft", ENTITY, d.getId(), fields("kind", d.getKind(), "bookingId", d.getBookingId()), null);
        return null;
    }

    private Void markSent(MarkInvoiceSent c, CommandContext ctx) {
        InvoiceRecord r = load(ctx, c.invoiceId());
        InvoiceStatus status = InvoiceStatus.valueOf(r.getStatus());
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.CREDITED) {
            throw new UserFacingException(I18n.tr("invoice.cannotSend", Display.inSentence(status)));
        }
        LocalDate on = c.on() != null ? c.on() : PaymentService.today(ctx);
        if (on.isBefore(r.getIssueDate())) {
            throw ValidationException.of("sentOn", I18n.tr("invoice.sentBeforeIssue"));
        }
        ctx.dsl().update(INVOICE).set(INVOICE.SENT_ON, on)
                .set(INVOICE.STATUS, (status == InvoiceStatus.ISSUED ? InvoiceStatus.SENT : status).name())
                .set(INVOICE.UPDATED_AT, ctx.now()).set(INVOICE.VERSION, INVOICE.VERSION.plus(1))
                .where(INVOICE.ID.eq(r.getId())).execute();
        ctx.audit("mark-sent", ENTITY, r.getId(), fields("status", r.getStatus()), fields("sentOn", on));
        return null;
    }

    private UUID credit(CreditInvoice c, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        InvoiceRecord orig = load(ctx, c.invoiceId());
        String reason = Validator.clean(c.reason());
        Validator v = new Validator();
        v.required("reason", reason, 500);
        v.throwIfAny();
        InvoiceKind kind = InvoiceKind.valueOf(orig.getKind());
        InvoiceStatus status = InvoiceStatus.valueOf(orig.getStatus());
        if (kind == InvoiceKind.CREDIT_NOTE) {
            throw new UserFacingException(I18n.tr("invoice.creditCredit"));
        }
        if (!status.isOpen()) {
            throw new UserFacingException(I18n.tr("invoice.cannotCredit", orig.getNumber() == null ? I18n.tr("invoice.draft")
                    : orig.getNumber(), Display.inSentence(status)));
        }
        if (kind == InvoiceKind.DEPOSIT && !openInvoices(tx, orig.getBookingId(), InvoiceKind.FINAL).isEmpty()) {
            throw new UserFacingException(I18n.tr("invoice.creditFinalFirst"));
        }
        List<InvoiceMath.Line> lines = new ArrayList<>();
        for (var l : tx.selectFrom(INVOICE_LINE).where(INVOICE_LINE.INVOICE_ID.eq(orig.getId()))
                .orderBy(INVOICE_LINE.POSITION).fetch()) {
            lines.add(InvoiceMath.negate(InvoiceMath.line(l.getDescription(), l.getQuantity(), l.getUnitPriceMinor(),
                    l.getTaxRateBp()), l.getDescription()));
        }
        InvoiceRecord cn = insert(ctx, ctx.newId(), InvoiceKind.CREDIT_NOTE, orig.getBookingId(), orig.getClientId(),
                orig.getCurrency(), orig.getExchangeRate(), orig.getBillToName(), orig.getBillToAddress(),
                orig.getBillToTaxId(), lines, null, Language.ofCode(orig.getLanguage()).orElse(Language.EN));
        cn.setCreditedInvoiceId(orig.getId());
        cn.setReason(reason);
        cn.update();
        tx.update(INVOICE).set(INVOICE.STATUS, InvoiceStatus.CREDITED.name()).set(INVOICE.UPDATED_AT, ctx.now())
                .set(INVOICE.VERSION, INVOICE.VERSION.plus(1)).where(INVOICE.ID.eq(orig.getId())).execute();
        number(ctx, cn, CREDIT_SERIES);
        ctx.audit("credit", ENTITY, orig.getId(), fields("status", status), fields("status", InvoiceStatus.CREDITED,
                "creditNote", cn.getNumber(), "reason", reason));
        if (orig.getBookingId() != null) {
            BookingRecord b = tx.selectFrom(BOOKING).where(BOOKING.ID.eq(orig.getBookingId())).fetchSingle();
            InvoiceStatus.refresh(ctx, b.getId(), b.getPaidMinor(), PaymentService.today(ctx));
        }
        return cn.getId();
    }

    private InvoiceRecord create(CommandContext ctx, UUID bookingId, InvoiceKind kind, String notes) {
        return create(ctx, ctx.newId(), bookingId, kind, notes);
    }

    private InvoiceRecord create(CommandContext ctx, UUID id, UUID bookingId, InvoiceKind kind, String notes) {
        DSLContext tx = ctx.dsl();
        BookingRecord b = tx.selectFrom(BOOKING).where(BOOKING.ID.eq(bookingId), BOOKING.DELETED_AT.isNull()).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.booking"), bookingId)));
        Validator v = new Validator();
        v.check(kind == InvoiceKind.DEPOSIT || kind == InvoiceKind.FINAL, "kind", I18n.tr("invoice.kind.invalid"));
        v.maxLength("notes", notes, 4000);
        v.throwIfAny();
        BookingStatus bookingStatus = BookingStatus.valueOf(b.getStatus());
        String status = Display.inSentence(bookingStatus);
        if (kind == InvoiceKind.DEPOSIT) {
            if (!bookingStatus.isOpen()) {
                throw new UserFacingException(I18n.tr("invoice.deposit.status", b.getNumber(), status));
            }
            if (!openInvoices(tx, b.getId(), InvoiceKind.DEPOSIT).isEmpty() || !openInvoices(tx, b.getId(), InvoiceKind.FINAL).isEmpty()) {
                throw new UserFacingException(I18n.tr("invoice.deposit.exists", b.getNumber()));
            }
            if (b.getDepositMinor() <= 0) {
                throw new UserFacingException(I18n.tr("invoice.deposit.none", b.getNumber()));
            }
        } else {
            if (bookingStatus != BookingStatus.CONFIRMED && bookingStatus != BookingStatus.COMPLETED) {
                throw new UserFacingException(I18n.tr("invoice.final.status", b.getNumber(), status));
            }
            if (!openInvoices(tx, b.getId(), InvoiceKind.FINAL).isEmpty()) {
                throw new UserFacingException(I18n.tr("invoice.final.exists", b.getNumber()));
            }
        }
        DocumentText text = documentText(tx, b.getClientId());
        List<InvoiceMath.Line> lines = linesFor(tx, b, kind, text);
        if (InvoiceMath.totals(lines).totalMinor() < 0) {
            throw new UserFacingException(I18n.tr("invoice.final.negative", b.getNumber()));
        }
        var client = tx.selectFrom(CLIENT).where(CLIENT.ID.eq(b.getClientId())).fetchSingle();
        String address = String.join("\n", BusinessDocument.lines(client.getContactName(), client.getAddressLine1(),
                client.getAddressLine2(), BusinessDocument.join(client.getPostalCode(), client.getCity(),
                        client.getCountryCode())));
        InvoiceRecord r = insert(ctx, id, kind, b.getId(), client.getId(), b.getCurrency(), b.getExchangeRate(),
                client.getName(), address.isEmpty() ? null : address, client.getTaxId(), lines, Validator.clean(notes),
                text.language());
        return r;
    }

    private static InvoiceRecord insert(CommandContext ctx, UUID id, InvoiceKind kind, UUID bookingId, UUID clientId,
                                        String currency, BigDecimal rate, String billTo, String address,
                                        String taxId, List<InvoiceMath.Line> lines, String notes,
                                        Language language) {
        DSLContext tx = ctx.dsl();
        InvoiceMath.Totals t = InvoiceMath.totals(lines);
        InvoiceRecord r = tx.newRecord(INVOICE);
        r.setId(id);
        r.setKind(kind.name());
        r.setStatus(InvoiceStatus.DRAFT.name());
        r.setBookingId(bookingId);
        r.setClientId(clientId);
        r.setCurrency(currency);
        r.setExchangeRate(rate);
        r.setSubtotalMinor(t.subtotalMinor());
        r.setTaxMinor(t.taxMinor());
        r.setTotalMinor(t.totalMinor());
        r.setBaseSubtotalMinor(Rounding.multiply(t.subtotalMinor(), rate));
        r.setBaseTaxMinor(Rounding.multiply(t.taxMinor(), rate));
        r.setBillToName(billTo);
        r.setBillToAddress(address);
        r.setBillToTaxId(taxId);
        r.setNotes(notes);
        r.setLanguage(language.code());
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        r.store();
        int pos = 0;
        for (InvoiceMath.Line l : lines) {
            tx.insertInto(INVOICE_LINE).set(INVOICE_LINE.ID, ctx.newId()).set(INVOICE_LINE.INVOICE_ID, id)
                    .set(INVOICE_LINE.POSITION, ++pos).set(INVOICE_LINE.DESCRIPTION, l.description())
                    .set(INVOICE_LINE.QUANTITY, l.quantity()).set(INVOICE_LINE.UNIT_PRICE_MINOR, l.unitPriceMinor())
                    .set(INVOICE_LINE.TAX_RATE_BP, l.taxRateBp()).set(INVOICE_LINE.NET_MINOR, l.netMinor())
                    .set(INVOICE_LINE.TAX_MINOR, l.taxMinor()).set(INVOICE_LINE.CREATED_AT, ctx.now())
                    .set(INVOICE_LINE.UPDATED_AT, ctx.now()).set(INVOICE_LINE.VERSION, 0).execute();
        }
        return r;
    }

    /** Numbers and locks: the next number of the series in the issue year, the issue and due dates. */
    private static void number(CommandContext ctx, InvoiceRecord r, String series) {
        DSLContext tx = ctx.dsl();
        AgencyRecord agency = tx.selectFrom(AGENCY).limit(1).fetchOptional()
                .orElseThrow(() -> new UserFacingException(I18n.tr("agency.notSetUp")));
        LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneId.of(agency.getTimeZone()));
        int year = today.getYear();
        String pattern = CREDIT_SERIES.equals(series) ? agency.getCreditNotePattern() : agency.getInvoicePattern();
        String number = Numbering.assign(tx, series, pattern, year);
        if (tx.fetchExists(INVOICE, INVOICE.NUMBER.eq(number))) {
            // only when the pattern was changed to one that repeats an older number: refuse rather than skip one
            throw new UserFacingException(I18n.tr("invoice.numberTaken", number));
        }
        boolean billsBooking = r.getBookingId() != null && !InvoiceKind.CREDIT_NOTE.name().equals(r.getKind());
        BookingRecord b = billsBooking ? tx.selectFrom(BOOKING).where(BOOKING.ID.eq(r.getBookingId())).fetchSingle() : null;
        LocalDate due = today;
        if (billsBooking) {
            LocalDate term = InvoiceKind.DEPOSIT.name().equals(r.getKind()) ? b.getDepositDueOn() : b.getBalanceDueOn();
            due = term != null && !term.isBefore(today) ? term : today.plusDays(agency.getInvoiceDueDays());
            // what is billed before the event is due by the event at the latest (a late deposit is due now)
            LocalDate eventOn = LocalDate.ofInstant(b.getStartsAt(), ZoneId.of(b.getTimeZone()));
            if (!eventOn.isBefore(today) && due.isAfter(eventOn)) {
                due = eventOn;
            }
        }
        r.setNumber(number);
        r.setStatus(InvoiceStatus.ISSUED.name());
        r.setIssueDate(today);
        r.setDueDate(due);
        r.setUpdatedAt(ctx.now());
        r.update();
        ctx.audit("issue", ENTITY, r.getId(), null, fields("number", number, "kind", r.getKind(), "bookingId",
                r.getBookingId(), "subtotalMinor", r.getSubtotalMinor(), "taxMinor", r.getTaxMinor(), "totalMinor",
                r.getTotalMinor(), "currency", r.getCurrency(), "dueDate", due));
        if (r.getBookingId() != null) {
            refreshInvoiced(tx, r.getBookingId());
        }
        if (billsBooking) {
            InvoiceStatus.refresh(ctx, b.getId(), b.getPaidMinor(), today);
        }
    }

    /** The booking's invoiced amount: its issued invoices less its credit notes (what receivables start from). */
    static void refreshInvoiced(DSLContext tx, UUID bookingId) {
        var sum = tx.select(DSL.sum(INVOICE.TOTAL_MINOR)).from(INVOICE).where(INVOICE.BOOKING_ID.eq(bookingId),
                INVOICE.STATUS.ne(InvoiceStatus.DRAFT.name()), INVOICE.DELETED_AT.isNull()).fetchOne().value1();
        tx.update(BOOKING).set(BOOKING.INVOICED_MINOR, sum == null ? 0L : sum.longValueExact())
                .where(BOOKING.ID.eq(bookingId)).execute();
        Receivables.refresh(tx, bookingId);
    }

    static InvoiceRecord load(CommandContext ctx, UUID id) {
        return ctx.dsl().selectFrom(INVOICE).where(INVOICE.ID.eq(id), INVOICE.DELETED_AT.isNull()).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.invoice"), id)));
    }
}
