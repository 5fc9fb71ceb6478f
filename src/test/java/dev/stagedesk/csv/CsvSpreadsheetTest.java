package dev.stagedesk.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens an export in LibreOffice (headless, when installed: {@code apt-get install libreoffice-calc-nogui}) and checks
 * that a formula-like client name stays text, while the same file written without escaping gets a live formula.
 */
class CsvSpreadsheetTest {
    @TempDir
    Path tmp;

    private static Path soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "soffice");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The first sheet of {@code csv} converted to xlsx by LibreOffice, as XML. */
    private String sheet(Path soffice, Path csv) throws Exception {
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + tmp.resolve("profile").toUri(),
                "--headless", "--convert-to", "xlsx", "--outdir", tmp.resolve("out").toString(), csv.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("soffice.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        Path xlsx = tmp.resolve("out").resolve(csv.getFileName().toString().replace(".csv", ".xlsx"));
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            var strings = zip.getEntry("xl/sharedStrings.xml");
            return sheet + (strings == null ? "" : new String(zip.getInputStream(strings).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFormulaClientNameStaysTextInLibreOffice() throws Exception {
        Path soffice = soffice();
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
        String name = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        Path escaped = tmp.resolve("escaped.csv");
        try (Writer w = Files.newBufferedWriter(escaped, StandardCharsets.UTF_8)) {
            CsvWriter csv = CsvWriter.plain(w);
            csv.row("name", "balance");
            csv.row(name, "-12.50");
            csv.flush();
        }
        Path raw = tmp.resolve("raw.csv");
        Files.writeString(raw, "name,balance\r\n\"" + name.replace("\"", "\"\"") + "\",-12.50\r\n");
        String unsafe = sheet(soffice, raw);
        assertThat(unsafe).contains("<f").contains("HYPERLINK");
        String safe = sheet(soffice, escaped);
        assertThat(safe).doesNotContain("<f").contains("&apos;=HYPERLINK").contains("<v>-12.5</v>");
    }
}
