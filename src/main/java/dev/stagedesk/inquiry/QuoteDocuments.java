package dev.stagedesk.inquiry;

import static dev.stagedesk.common.I18n.tr;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.INQUIRY;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.catalogue.ServicePackage;
import dev.stagedesk.common.Parse;
import dev.stagedesk.document.AtomicFile;
import dev.stagedesk.document.BusinessDocument;
import dev.stagedesk.document.DocumentPdf;
import dev.stagedesk.document.DocumentText;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.security.Actor;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** A quote version as a PDF (the house look of {@link DocumentPdf}), saved to a file and optionally marked sent. */
public final class QuoteDocuments {
    private final DSLContext dsl;
    private final QuoteService quotes;

    public QuoteDocuments(DSLContext dsl, QuoteService quotes) {
        this.dsl = dsl;
        this.quotes = quotes;
    }

    /**
     * The document of one quote version: agency letterhead, client, event, lines and totals, in the client's
     * language (else the agency's document language).
     */
    public BusinessDocument document(Actor actor, UUID quoteId) {
        Quote q = quotes.find(actor, quoteId);
        var agency = dsl.selectFrom(AGENCY).limit(1).fetchSingle();
        var inquiry = dsl.selectFrom(INQUIRY).where(INQUIRY.ID.eq(q.inquiryId())).fetchSingle();
        var client = dsl.selectFrom(CLIENT).where(CLIENT.ID.eq(inquiry.getClientId())).fetchSingle();
        var venue = inquiry.getVenueId() == null ? null
                : dsl.selectFrom(VENUE).where(VENUE.ID.eq(inquiry.getVenueId())).fetchOne();
        ZoneId agencyZone = ZoneId.of(agency.getTimeZone());
        var currency = Currencies.require(q.currency());
        DocumentText t = DocumentText.of(client.getLanguage(), agency.getDocumentLanguage());

        List<String> from = BusinessDocument.letterhead(agency, t);
        List<String> to = BusinessDocument.lines(client.getName(), client.getContactName(), client.getAddressLine1(),
                client.getAddressLine2(), BusinessDocument.join(client.getPostalCode(), client.getCity(),
                        client.getCountryCode()), client.getEmail());
        List<BusinessDocument.Fact> facts = new ArrayList<>();
        facts.add(new BusinessDocument.Fact(t.tr("quote.date"),
                t.date(LocalDate.ofInstant(q.createdAt(), agencyZone))));
        facts.add(new BusinessDocument.Fact(t.tr("quote.validUntil"), t.date(q.validUntil())));
        facts.add(new BusinessDocument.Fact(t.tr("quote.event"), inquiry.getEventType()));
        if (inquiry.getStartsAt() != null) {
            facts.add(new BusinessDocument.Fact(t.tr("quote.eventDate"),
                    t.weekdayDateTime(inquiry.getStartsAt().atZone(ZoneId.of(inquiry.getTimeZone())))));
        }
        String place = venue != null ? venue.getName() + ", " + venue.getCity() : inquiry.getFreeAddress();
        if (place != null) {
            facts.add(new BusinessDocument.Fact(t.tr("quote.venue"), place));
        }
        if (inquiry.getGuestCount() != null) {
            facts.add(new BusinessDocument.Fact(t.tr("quote.guests"), t.count(inquiry.getGuestCount())));
        }
        List<BusinessDocument.Line> lines = q.lines().stream().map(l -> new BusinessDocument.Line(l.description(),
                Integer.toString(l.quantity()), t.money(l.unitPriceMinor(), currency),
                t.money(l.amountMinor(), currency))).toList();
        List<BusinessDocument.Fact> totals = new ArrayList<>();
        totals.add(new BusinessDocument.Fact(t.tr("document.subtotal"), t.money(q.subtotalMinor(), currency)));
        if (q.discountMinor() > 0) {
            totals.add(new BusinessDocument.Fact(t.tr("document.discount"),
                    "−" + t.money(q.discountMinor(), currency)));
        }
        totals.add(new BusinessDocument.Fact(t.tr("document.tax", t.percent(q.taxRateBp())),
                t.money(q.taxMinor(), currency)));
        totals.add(new BusinessDocument.Fact(t.tr("document.total"), t.money(q.totalMinor(), currency)));
        String footer = agency.getBankDetails();
        return new BusinessDocument(t.tr("quote.title"), reference(q), from, to, facts, lines, totals, q.notes(), footer, t);
    }

    /** The line a package puts on a quote: its name and duration ("Brass band (4:00)"). */
    public static String packageLine(ServicePackage p) {
        return p.name() + " (" + Parse.minutesText(p.durationMinutes()) + ")";
    }

    /** "Q-2026-0001 v2": the quote's number and the version. */
    public static String reference(Quote q) {
        return q.number() + " v" + q.versionNo();
    }

    /** A file name for the PDF ("Quote Q-2026-0001 v2.pdf"). */
    public static String fileName(Quote q) {
        return tr("quote.title") + " " + reference(q) + ".pdf";
    }

    public void write(Actor actor, UUID quoteId, OutputStream out) {
        DocumentPdf.write(document(actor, quoteId), logo(), out);
    }

    /** The agency's logo of Settings (null: its name in large type). */
    private byte[] logo() {
        return BusinessDocument.logo(dsl.selectFrom(AGENCY).limit(1).fetchOne());
    }

    /**
     * Writes the PDF to {@code file} (whole or not at all: through a temporary file next to it) and, with
     * {@code markSent}, records that it went to the client. Returns the quote as it is afterwards.
     */
    public Quote save(Actor actor, UUID quoteId, Path file, boolean markSent) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DocumentPdf.write(document(actor, quoteId), logo(), buffer);
        byte[] pdf = buffer.toByteArray();
        if (!markSent) {
            AtomicFile.write(file, pdf);
            return quotes.find(actor, quoteId);
        }
        // the file appears only when marking it sent was allowed and done: a refusal leaves nothing behind
        Quote[] sent = new Quote[1];
        AtomicFile.write(file, out -> out.write(pdf), () -> sent[0] = quotes.markSent(actor, quoteId));
        return sent[0];
    }
}
