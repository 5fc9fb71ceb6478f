package dev.stagedesk.invoice;

import static dev.stagedesk.common.I18n.tr;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.INVOICE_LINE;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.db.jooq.tables.records.AgencyRecord;
import dev.stagedesk.db.jooq.tables.records.InvoiceRecord;
import dev.stagedesk.document.AtomicFile;
import dev.stagedesk.document.BusinessDocument;
import dev.stagedesk.document.DocumentPdf;
import dev.stagedesk.document.DocumentText;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Invoices and credit notes as PDF, in the house look of {@link DocumentPdf}: the agency's letterhead (its logo
 * from Settings, else its name; address, tax id), the client's address and tax id, lines, tax per rate, totals, due date and how to pay.
 * A draft prints with DRAFT as its number. Also every issued document of a period into a folder.
 */
public final class InvoiceDocuments {
    private final DSLContext dsl;

    public InvoiceDocuments(DSLContext dsl) {
        this.dsl = dsl;
    }

    public BusinessDocument document(Actor actor, UUID invoiceId) {
        actor.require(Permission.PAYMENTS_VIEW);
        InvoiceRecord inv = dsl.selectFrom(INVOICE).where(INVOICE.ID.eq(invoiceId), INVOICE.DELETED_AT.isNull())
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.invoice"), invoiceId)));
        return document(inv, dsl.selectFrom(AGENCY).limit(1).fetchSingle());
    }

    /**
     * The invoice in the language it was written in ({@code invoice.language}: its client's, else the agency's
     * document language, when it was drafted or issued).
     */
    private BusinessDocument document(InvoiceRecord inv, AgencyRecord agency) {
        Currency currency = Currencies.require(inv.getCurrency());
        DocumentText t = DocumentText.of(inv.getLanguage(), agency.getDocumentLanguage());
        boolean credit = "CREDIT_NOTE".equals(inv.getKind());
        String title = t.tr(credit ? "invoice.title.credit" : "DEPOSIT".equals(inv.getKind()) ? "invoice.title.deposit"
                : "invoice.title.final");
        String reference = inv.getNumber() == null ? t.tr("invoice.draft").toUpperCase(t.locale()) : inv.getNumber();
        List<String> to = new ArrayList<>();
        to.add(inv.getBillToName());
        if (inv.getBillToAddress() != null) {
            to.addAll(List.of(inv.getBillToAddress().split("\n")));
        }
        if (inv.getBillToTaxId() != null) {
            to.add(t.tr("quote.taxId", inv.getBillToTaxId()));
        }
        List<BusinessDocument.Fact> facts = new ArrayList<>();
        if (inv.getIssueDate() != null) {
            facts.add(new BusinessDocument.Fact(t.tr("invoice.issued"), t.date(inv.getIssueDate())));
        }
        if (!credit && inv.getDueDate() != null) {
            facts.add(new BusinessDocument.Fact(t.tr("invoice.due"), t.date(inv.getDueDate())));
        }
        if (inv.getBookingId() != null) {
            var b = dsl.select(BOOKING.NUMBER, BOOKING.STARTS_AT, BOOKING.TIME_ZONE).from(BOOKING)
                    .where(BOOKING.ID.eq(inv.getBookingId())).fetchSingle();
            facts.add(new BusinessDocument.Fact(t.tr("invoice.booking"), b.value1()));
            facts.add(new BusinessDocument.Fact(t.tr("quote.eventDate"),
                    t.date(b.value2().atZone(ZoneId.of(b.value3())).toLocalDate())));
        }
        if (credit && inv.getCreditedInvoiceId() != null) {
            String orig = dsl.select(INVOICE.NUMBER).from(INVOICE).where(INVOICE.ID.eq(inv.getCreditedInvoiceId()))
                    .fetchOne(INVOICE.NUMBER);
            facts.add(new BusinessDocument.Fact(t.tr("invoice.corrects"), orig));
        }
        List<InvoiceMath.Line> lines = new ArrayList<>();
        for (var l : dsl.selectFrom(INVOICE_LINE).where(INVOICE_LINE.INVOICE_ID.eq(inv.getId()),
                INVOICE_LINE.DELETED_AT.isNull()).orderBy(INVOICE_LINE.POSITION).fetch()) {
            lines.add(new InvoiceMath.Line(l.getDescription(), l.getQuantity(), l.getUnitPriceMinor(), l.getTaxRateBp(),
                    l.getNetMinor(), l.getTaxMinor()));
        }
        InvoiceMath.Totals sums = InvoiceMath.totals(lines);
        List<BusinessDocument.Line> printed = lines.stream().map(l -> new BusinessDocument.Line(
                l.description() + " (" + t.tr("invoice.taxShort", t.percent(l.taxRateBp())) + ")",
                Integer.toString(l.quantity()), t.money(l.unitPriceMinor(), currency),
                t.money(l.netMinor(), currency))).toList();
        List<BusinessDocument.Fact> totals = new ArrayList<>();
        totals.add(new BusinessDocument.Fact(t.tr("document.subtotal"), t.money(inv.getSubtotalMinor(), currency)));
        sums.byRate().forEach((rate, rt) -> totals.add(new BusinessDocument.Fact(t.tr("invoice.taxOn",
                t.percent(rate), t.money(rt.netMinor(), currency)),
                t.money(rt.taxMinor(), currency))));
        totals.add(new BusinessDocument.Fact(t.tr(credit ? "invoice.totalCredited" : "document.total"),
                t.money(inv.getTotalMinor(), currency)));
        StringBuilder notes = new StringBuilder();
        if (credit && inv.getReason() != null) {
            notes.append(t.tr("invoice.reason", inv.getReason()));
        }
        if (!credit && agency.getBankDetails() != null && inv.getTotalMinor() > 0) {
            notes.append(t.tr("invoice.howToPay", t.money(inv.getTotalMinor(), currency),
                    t.date(inv.getDueDate()), reference))
                    .append('\n').append(agency.getBankDetails());
        }
        if (inv.getNotes() != null) {
            notes.append(notes.length() > 0 ? "\n\n" : "").append(inv.getNotes());
        }
        String footer = BusinessDocument.join(agency.getLegalName() != null ? agency.getLegalName() : agency.getName(),
                agency.getTaxId() == null ? null : "· " + t.tr("quote.taxId", agency.getTaxId()));
        return new BusinessDocument(title, reference, BusinessDocument.letterhead(agency, t), to, facts, printed, totals,
                notes.length() == 0 ? null : notes.toString(), footer, t);
    }

    /**
     * What an invoice of the booking issued now would lack of what an invoice legally needs (the agency's name,
     * address and tax ID; the client's name and address), one phrase each naming where to fill it in; empty when
     * nothing is missing. Issuing stays allowed: the GUI's issue dialog and the CLI warn with
     * {@link #lacksMessage}.
     */
    public List<String> lacksForIssue(Actor actor, UUID bookingId) {
        actor.require(Permission.PAYMENTS_VIEW);
        AgencyRecord agency = dsl.selectFrom(AGENCY).limit(1).fetchOne();
        var client = dsl.select(Tables.CLIENT.asterisk()).from(BOOKING)
                .join(Tables.CLIENT).on(Tables.CLIENT.ID.eq(BOOKING.CLIENT_ID))
                .where(BOOKING.ID.eq(bookingId)).fetchOptionalInto(Tables.CLIENT)
                .orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound", I18n.tr("entity.booking"), bookingId)));
        List<String> lacks = new ArrayList<>();
        if (agency == null || blank(agency.getLegalName()) && blank(agency.getName())) {
            lacks.add(tr("invoice.lacks.agencyName"));
        }
        if (agency == null || blank(agency.getAddressLine1()) || blank(agency.getCity())) {
            lacks.add(tr("invoice.lacks.agencyAddress"));
        }
        if (agency == null || blank(agency.getTaxId())) {
            lacks.add(tr("invoice.lacks.agencyTaxId"));
        }
        if (blank(client.getName())) {
            lacks.add(tr("invoice.lacks.clientName"));
        }
        if (blank(client.getAddressLine1()) || blank(client.getCity())) {
            lacks.add(tr("invoice.lacks.clientAddress", client.getName()));
        }
        return lacks;
    }

    /** The warning for {@link #lacksForIssue}'s list, or null when it is empty. */
    public static String lacksMessage(List<String> lacks) {
        return lacks.isEmpty() ? null : tr("invoice.lacks", String.join("; ", lacks));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The agency's logo of Settings when its file can be read, else null (the agency's name in large type). */
    byte[] logo(AgencyRecord agency) {
        return BusinessDocument.logo(agency);
    }

    public void write(Actor actor, UUID invoiceId, OutputStream out) {
        AgencyRecord agency = dsl.selectFrom(AGENCY).limit(1).fetchSingle();
        DocumentPdf.write(document(actor, invoiceId), logo(agency), out);
    }

    public void save(Actor actor, UUID invoiceId, Path file) {
        AgencyRecord agency = dsl.selectFrom(AGENCY).limit(1).fetchSingle();
        BusinessDocument doc = document(actor, invoiceId);
        byte[] logo = logo(agency);
        AtomicFile.write(file, out -> DocumentPdf.write(doc, logo, out));
    }

    /** The invoice of a number ("INV-2026-0007"), or a message naming it. */
    public UUID byNumber(Actor actor, String number) {
        actor.require(Permission.PAYMENTS_VIEW);
        UUID id = dsl.select(INVOICE.ID).from(INVOICE).where(INVOICE.NUMBER.eq(number == null ? "" : number.strip()),
                INVOICE.DELETED_AT.isNull()).fetchOne(INVOICE.ID);
        if (id == null) {
            throw new UserFacingException(tr("invoice.unknownNumber", number));
        }
        return id;
    }

    /** "INV-2026-0007.pdf"; a draft by its id. */
    public static String fileName(String number, UUID id) {
        return (number == null ? tr("invoice.draft") + "-" + id : number).replaceAll("[\\\\/:*?\"<>|]", "_") + ".pdf";
    }

    /**
     * Every issued invoice and credit note dated {@code from}..{@code to} into {@code dir}, one PDF each, named by
     * number. Returns how many were written.
     */
    public int batch(Actor actor, LocalDate from, LocalDate to, Path dir) {
        actor.require(Permission.PAYMENTS_VIEW);
        if (from == null || to == null) {
            throw ValidationException.of(from == null ? "from" : "to", tr("period.both"));
        }
        if (to.isBefore(from)) {
            throw ValidationException.of("to", tr("period.toBeforeFrom"));
        }
        AgencyRecord agency = dsl.selectFrom(AGENCY).limit(1).fetchSingle();
        byte[] logo = logo(agency);
        int n = 0;
        for (InvoiceRecord inv : dsl.selectFrom(INVOICE).where(INVOICE.ISSUE_DATE.between(from, to),
                INVOICE.NUMBER.isNotNull(), INVOICE.DELETED_AT.isNull()).orderBy(INVOICE.ISSUE_DATE, INVOICE.NUMBER).fetch()) {
            BusinessDocument doc = document(inv, agency);
            AtomicFile.write(dir.resolve(fileName(inv.getNumber(), inv.getId())), out -> DocumentPdf.write(doc, logo, out));
            n++;
        }
        return n;
    }
}
