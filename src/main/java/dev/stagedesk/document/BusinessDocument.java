package dev.stagedesk.document;

import dev.stagedesk.common.Language;
import dev.stagedesk.db.jooq.tables.records.AgencyRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client-facing document (a quote now, invoices and credit notes later) says, already formatted as
 * text. {@link DocumentPdf} gives every such document the same look, so quotes and invoices match.
 *
 * @param title      "Quote", "Invoice"
 * @param reference  the document's number or version ("Q-7F3A v2")
 * @param from       the agency: name first, then address and contact lines
 * @param to         the client: name first, then address lines
 * @param facts      label / value pairs under the title (date, valid until, event, venue)
 * @param lines      the priced lines
 * @param totals     subtotal, discount, tax, total; the last is printed strong
 * @param notes      free text under the totals (may be null)
 * @param footer     small print at the bottom of each page (bank details, tax id; may be null)
 * @param columns    the four column headings of the lines (null: description, quantity, unit price, amount)
 * @param text       the document's language: the words {@link DocumentPdf} adds itself ("For", "Page 2", the
 *                   default column headings) are in it too
 */
public record BusinessDocument(String title, String reference, List<String> from, List<String> to,
                               List<Fact> facts, List<Line> lines, List<Fact> totals, String notes, String footer,
                               List<String> columns, DocumentText text) {

    public BusinessDocument {
        text = text == null ? DocumentText.of(Language.EN) : text;
    }

    /** A priced document: description, quantity, unit price, amount. */
    public BusinessDocument(String title, String reference, List<String> from, List<String> to, List<Fact> facts,
                            List<Line> lines, List<Fact> totals, String notes, String footer, DocumentText text) {
        this(title, reference, from, to, facts, lines, totals, notes, footer, null, text);
    }

    public record Fact(String label, String value) {
    }

    /** The agency's block at the top of every document: name, address, contact, tax id (in the document's language). */
    public static List<String> letterhead(AgencyRecord agency, DocumentText text) {
        return lines(agency.getLegalName() != null ? agency.getLegalName() : agency.getName(),
                agency.getAddressLine1(), join(agency.getPostalCode(), agency.getCity(), agency.getCountryCode()),
                agency.getEmail(), agency.getPhone(),
                agency.getTaxId() == null ? null : text.tr("quote.taxId", agency.getTaxId()));
    }

    /**
     * The agency's logo (chosen in Settings → Billing and kept in the store) as bytes, or null when none is set:
     * documents then carry the agency's name in large type, never another logo. A logo chosen before the store
     * kept it is read from its file while that can be read.
     */
    public static byte[] logo(AgencyRecord agency) {
        if (agency == null || agency.getLogoPath() == null || agency.getLogoPath().isBlank()) {
            return null;
        }
        if (agency.getLogoImage() != null) {
            return agency.getLogoImage();
        }
        try {
            return Files.readAllBytes(Path.of(agency.getLogoPath()));
        } catch (IOException | RuntimeException e) {
            return null; // moved or deleted since: the name instead, never a failed document
        }
    }

    /** The non-blank parts on one line, separated by spaces ("10115 Berlin DE"). */
    public static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.length() == 0 ? "" : " ").append(p.strip());
            }
        }
        return b.toString();
    }

    /** The non-blank values, one line each. */
    public static List<String> lines(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    public record Line(String description, String quantity, String unitPrice, String amount) {
    }
}
