package dev.stagedesk.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.inquiry.InquiryDraft;
import dev.stagedesk.inquiry.Quote;
import dev.stagedesk.inquiry.QuoteDraft;
import dev.stagedesk.inquiry.QuoteLine;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.settings.BillingSettings;
import dev.stagedesk.testing.PdfText;
import dev.stagedesk.testing.TestStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invoice, quote, statement and report PDFs embed every font they use, keep names in any script (Japanese,
 * Polish, diaeresis) through text extraction, print a character no font has as a visible replacement, and carry
 * the agency's letterhead (its logo when set, never the product's).
 */
class DocumentPdfTest {
    static final String CLIENT = "東京 Ōtsuka";
    static final Instant GIG = TestStore.NOW.plus(Duration.ofDays(20));

    @TempDir
    Path dir;
    AppContext app;
    UUID client;

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir);
        var a = app.settings.requireAgency();
        app.settings.update(Actor.owner(), a.version(), new AgencyDraft("Agentur Süd", "EUR", "Europe/Berlin",
                "Agentur Süd GmbH", "Zoë-Allee 5", "90-001", "Łódź", "PL", "PL5260001246", "hello@sued.example",
                null, "Santander Bank Polska, Al. Jana Pawła II 17, Warszawa\nIBAN PL61 1090 1014 0000 0712 1981 2874\n"
                + "BIC WBKPPLPP · account holder Agentur Süd GmbH · please quote the invoice number", 1900, 14, 48, 15, 14));
        client = app.clients.create(Actor.owner(), new ClientDraft(ClientKind.COMPANY, CLIENT, "Zoë Nowak", null,
                null, "Piotrkowska 12", null, "90-001", "Łódź", null, "PL", null, null)).id();
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        // -Dstagedesk.keepPdfs=DIR keeps the PDFs for a look (pdffonts, pdftoppm)
        String keep = System.getProperty("stagedesk.keepPdfs");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".pdf")).toList()) {
                    Files.copy(f, Path.of(keep, f.getFileName().toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    Path invoicePdf() {
        Booking b = app.bookings.create(Actor.owner(), new BookingDraft("Gala 東京 in Łódź", client, null, null, GIG,
                GIG.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 250_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
        UUID id = app.invoices.issue(Actor.owner(), b.id(), InvoiceKind.FINAL, null);
        Path pdf = dir.resolve("invoice.pdf");
        app.invoiceDocuments.save(Actor.owner(), id, pdf);
        return pdf;
    }

    Path quotePdf() {
        var inquiry = app.inquiries.create(Actor.owner(), new InquiryDraft(client, "Sommerfest 東京", GIG,
                GIG.plus(Duration.ofHours(5)), "Europe/Berlin", false, null, "Łódź Fabryczna", 120, null, "EUR",
                "PHONE", null, null));
        Quote q = app.quotes.save(Actor.owner(), inquiry.id(), 0, new QuoteDraft(null,
                List.of(QuoteLine.of("Brass band für Zoë", 1, 250_000)), 0, 1900,
                LocalDate.ofInstant(TestStore.NOW, ZoneOffset.UTC).plusDays(14), null));
        Path pdf = dir.resolve("quote.pdf");
        app.quoteDocuments.save(Actor.owner(), q.id(), pdf, false);
        return pdf;
    }

    Path statementPdf() {
        UUID performer = app.performers.create(Actor.owner(), new PerformerDraft("東京 Ōtsuka Trio", "Zoë Łódź",
                null, null, List.of("Band"), List.of("Jazz"), 50_000, "EUR", 1000, 0, "Łódź", null, null, true,
                null)).id();
        var s = app.statements.statement(Actor.owner(), performer, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 31));
        Path pdf = dir.resolve("statement.pdf");
        AtomicFile.write(pdf, out -> app.statements.writePdf(s, out));
        return pdf;
    }

    @Test
    void invoiceQuoteAndStatementEmbedEveryFontAndKeepCjkAndPolishNames() throws Exception {
        for (Path pdf : List.of(invoicePdf(), quotePdf(), statementPdf())) {
            List<String> fonts = fonts(pdf);
            assertThat(fonts).as("fonts of %s", pdf.getFileName())
                    .anyMatch(f -> f.contains("DejaVuSans"))
                    .anyMatch(f -> f.contains("DroidSansFallback"))
                    .noneMatch(f -> f.contains("Helvetica"));
            String text = PdfText.of(pdf);
            assertThat(text).as("text of %s", pdf.getFileName()).contains("東京", "Ōtsuka", "Zoë", "Łódź")
                    .doesNotContain("\uFFFD");
        }
    }

    @Test
    void invoiceAndQuoteCarryTheAgencysLetterheadAndNoProductLogo() throws Exception {
        for (Path pdf : List.of(invoicePdf(), quotePdf())) {
            String text = PdfText.of(pdf);
            assertThat(text).as("letterhead of %s", pdf.getFileName())
                    .contains("Agentur Süd GmbH", "Zoë-Allee 5", "90-001 Łódź PL", "Tax ID PL5260001246")
                    .doesNotContain("Stagedesk");
            assertThat(images(pdf)).as("no logo is set: no image, the name in large type").isZero();
        }
        // with a logo in Settings, invoices and quotes carry it
        BufferedImage img = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        Path logo = dir.resolve("logo.png");
        ImageIO.write(img, "png", logo.toFile());
        BillingSettings b = app.settings.billing();
        app.settings.updateBilling(Actor.owner(), new BillingSettings(b.depositKind(), b.depositValue(),
                b.depositDueBasis(), b.depositDueDays(), b.balanceDueDaysBefore(), b.invoiceDueDays(),
                "INV-{yyyy}-{seq}", "CN-{yyyy}-{seq}", logo.toString()));
        for (Path pdf : List.of(invoicePdf(), quotePdf())) {
            assertThat(images(pdf)).as("logo on %s", pdf.getFileName()).isEqualTo(1);
            assertThat(PdfText.of(pdf)).contains("Agentur Süd GmbH");
        }
        // the store keeps the image: the chosen file moved away, documents still carry it
        Files.delete(logo);
        assertThat(images(quotePdf())).isEqualTo(1);
        // and saving the billing settings again keeps it
        b = app.settings.billing();
        app.settings.updateBilling(Actor.owner(), new BillingSettings(b.depositKind(), b.depositValue(),
                b.depositDueBasis(), b.depositDueDays(), b.balanceDueDaysBefore(), 5, b.invoicePattern(),
                b.creditNotePattern(), b.logoPath()));
        assertThat(images(invoicePdf())).isEqualTo(1);
        assertThat(images(statementPdf())).as("statements carry it too").isEqualTo(1);
        // a file that is not an image is named
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a logo");
        BillingSettings c = app.settings.billing();
        Assertions.assertThatThrownBy(() -> app.settings.updateBilling(Actor.owner(),
                new BillingSettings(c.depositKind(), c.depositValue(), c.depositDueBasis(), c.depositDueDays(),
                        c.balanceDueDaysBefore(), c.invoiceDueDays(), c.invoicePattern(), c.creditNotePattern(),
                        text.toString()))).hasMessageContaining("logoPath").hasMessageContaining("PNG or JPEG");
    }

    @Test
    void aCharacterNoFontHasIsAVisibleReplacementNeverDropped() throws Exception {
        // U+1FA80 (yo-yo, Unicode 12) is in neither font; the tag U+E0001 is a format character no font draws
        String text = "Ball \uD83E\uDE80 ok ☺\uDB40\uDC01 東京";
        List<DocumentFonts.Run> runs = DocumentFonts.runs(text, false);
        String printed = runs.stream().map(DocumentFonts.Run::text).reduce("", String::concat);
        assertThat(printed).isEqualTo("Ball \uFFFD ok ☺ 東京");
        assertThat(runs).extracting(r -> r.text()).contains("東京");

        ReportTable table = new ReportTable("Report 東京 🪀", "Zoë", List.of(ReportTable.text("Name")),
                List.of(List.of("Łódź \uD83E\uDE80")), null);
        Path pdf = dir.resolve("report.pdf");
        AtomicFile.write(pdf, out -> TableExport.pdf(table, out));
        assertThat(fonts(pdf)).noneMatch(f -> f.contains("Helvetica"));
        assertThat(PdfText.of(pdf)).contains("東京", "Zoë", "Łódź \uFFFD");
    }

    /** The base font names of the PDF; fails when one is not embedded. */
    static List<String> fonts(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            List<String> names = new ArrayList<>();
            for (int i = 1; i < reader.getXrefSize(); i++) {
                PdfObject o = PdfReader.getPdfObjectRelease(reader.getPdfObject(i));
                if (!(o instanceof PdfDictionary d) || !PdfName.FONT.equals(d.get(PdfName.TYPE))) {
                    continue;
                }
                String name = String.valueOf(d.get(PdfName.BASEFONT));
                names.add(name);
                if (PdfName.TYPE0.equals(d.get(PdfName.SUBTYPE))) {
                    continue; // its descendant font is a font dictionary of its own, checked below
                }
                PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(d.get(PdfName.FONTDESCRIPTOR));
                assertThat(descriptor).as("font %s has a descriptor (a standard 14 font has none)", name).isNotNull();
                assertThat(descriptor.get(PdfName.FONTFILE2) != null || descriptor.get(PdfName.FONTFILE) != null
                        || descriptor.get(PdfName.FONTFILE3) != null).as("font %s is embedded", name).isTrue();
            }
            assertThat(names).isNotEmpty();
            return names;
        } finally {
            reader.close();
        }
    }

    static int images(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            int n = 0;
            for (int i = 1; i < reader.getXrefSize(); i++) {
                PdfObject o = reader.getPdfObject(i);
                if (o instanceof PdfDictionary d && PdfName.IMAGE.equals(d.get(PdfName.SUBTYPE))) {
                    n++;
                }
            }
            return n;
        } finally {
            reader.close();
        }
    }
}
