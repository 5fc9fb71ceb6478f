package dev.stagedesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text of a PDF the application wrote, page after page (OpenPDF's own extractor). */
public final class PdfText {
    private PdfText() {
    }

    public static String of(Path pdf) throws Exception {
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            StringBuilder b = new StringBuilder();
            PdfTextExtractor x = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                b.append(x.getTextFromPage(p)).append('\n');
            }
            return b.toString();
        } finally {
            reader.close();
        }
    }
}
