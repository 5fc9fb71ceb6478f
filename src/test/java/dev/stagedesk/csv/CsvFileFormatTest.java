package dev.stagedesk.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as spreadsheets save them: blank trailing rows, semicolons, a byte order mark; and what is wrong, in words. */
class CsvFileFormatTest {
    static final String CLIENTS = "id,kind,name,contact_name,email,phone,address_line1,address_line2,postal_code,city,"
            + "region,country_code,tax_id,notes";
    static final String PACKAGES = "id,name,description,duration_minutes,base_price,currency,performers_needed,"
            + "performer_act,active";

    @TempDir
    Path tmp;

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String export(AppContext app, String kind) {
        StringWriter w = new StringWriter();
        app.csv.export(app.csvSchemas().get(kind), w);
        return w.toString();
    }

    @Test
    void trailingBlankRowsAreIgnored() {
        try (AppContext app = TestStore.open(tmp)) {
            ImportReport r = app.csv.importCsv(Actor.owner(), app.csvSchemas().get("clients"), utf8(CLIENTS + "\r\n"
                    + ",PERSON,Ada Lovelace,,,,,,,,,,,\r\n\r\n,,,,,,,,,,,,,\r\n\r\n"), false);
            assertThat(r.problems()).isEmpty();
            assertThat(r.created()).isEqualTo(1);
        }
    }

    @Test
    void aByteOrderMarkIsSkippedFromTextToo() {
        try (AppContext app = TestStore.open(tmp)) {
            ImportReport r = app.csv.importCsv(Actor.owner(), app.csvSchemas().get("clients"), new StringReader(
                    "\uFEFF" + CLIENTS + "\r\n,PERSON,Ada Lovelace,,,,,,,,,,,\r\n"), false);
            assertThat(r.problems()).isEmpty();
            assertThat(r.created()).isEqualTo(1);
        }
    }

    @Test
    void aGermanSpreadsheetFileImports() {
        try (AppContext app = TestStore.open(tmp)) {
            String file = "\uFEFF" + PACKAGES.replace(',', ';') + "\r\n"
                    + ";Gala-Quartett;\"Streicher; vier Musiker\";120;1.250,50;EUR;4;String quartet;true\r\n"
                    + ";Zauberei;;60;450,5;EUR;1;Magician;true\r\n;;;;;;;;\r\n\r\n";
            ImportReport r = app.csv.importCsv(Actor.owner(), app.csvSchemas().get("packages"), utf8(file), false);
            assertThat(r.problems()).isEmpty();
            assertThat(r.created()).isEqualTo(2);
            assertThat(export(app, "packages")).contains("Gala-Quartett,Streicher; vier Musiker,120,1250.50,EUR")
                    .contains("Zauberei,,60,450.50,EUR");
        }
    }

    @Test
    void aFileInAnotherEncodingNamesTheLine() {
        try (AppContext app = TestStore.open(tmp)) {
            ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
            latin1.writeBytes((CLIENTS + "\r\n,PERSON,Ada,,,,,,,Berlin,,,,\r\n,PERSON,Bea,,,,,,,Berlin,,,,\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            latin1.writeBytes(",PERSON,J\u00fcrgen M\u00fcller,,,,,,,K\u00f6ln,,,,\r\n".getBytes(StandardCharsets.ISO_8859_1));
            ImportReport r = app.csv.importCsv(Actor.owner(), app.csvSchemas().get("clients"),
                    new ByteArrayInputStream(latin1.toByteArray()), false);
            assertThat(r.ok()).isFalse();
            assertThat(r.problems()).extracting(Object::toString)
                    .containsExactly("The file is not UTF-8 (line 4): save it as \"CSV UTF-8\" (LibreOffice: character "
                            + "set Unicode (UTF-8)) and import it again.");
            assertThat(export(app, "clients").lines().count()).isEqualTo(1);
        }
    }

    @Test
    void aLongFileInAnotherEncodingNamesTheRightLine() {
        try (AppContext app = TestStore.open(tmp)) {
            StringBuilder good = new StringBuilder(CLIENTS + "\r\n");
            for (int i = 0; i < 3000; i++) {
                good.append(",PERSON,Person Number Something,,,,,,,Berlin,,,,\r\n");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(good.toString().getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(",PERSON,Ren\u00e9e,,,,,,,Berlin,,,,\r\n".getBytes(StandardCharsets.ISO_8859_1));
            ImportReport r = app.csv.importCsv(Actor.owner(), app.csvSchemas().get("clients"),
                    new ByteArrayInputStream(bytes.toByteArray()), false);
            assertThat(r.problems()).extracting(Object::toString).singleElement().asString()
                    .startsWith("The file is not UTF-8 (line 3002)");
        }
    }

    @Test
    void quotingErrorsNameTheLineInWords() {
        try (AppContext app = TestStore.open(tmp)) {
            ImportReport open = app.csv.importCsv(Actor.owner(), app.csvSchemas().get("clients"), utf8(CLIENTS + "\r\n"
                    + ",PERSON,Ada,,,,,,,Berlin,,,,\r\n,PERSON,\"Bea,,,,,,,Berlin,,,,\r\n,PERSON,Cy,,,,,,,Berlin,,,,\r\n"),
                    false);
            assertThat(open.problems()).extracting(Object::toString).containsExactly(
                    "line 3: a quoted value that starts here is never closed: a closing \" is missing");
            ImportReport after = app.csv.importCsv(Actor.owner(), app.csvSchemas().get("clients"), utf8(CLIENTS + "\r\n"
                    + ",PERSON,Ada,,,,,,,Berlin,,,,\r\n,PERSON,\"Bea\" Smith,,,,,,,Berlin,,,,\r\n"), false);
            assertThat(after.problems()).extracting(Object::toString).containsExactly("line 3: a quoted value is "
                    + "followed by more text before the next separator: inside a quoted value, write a \" as \"\"");
            assertThat(export(app, "clients").lines().count()).isEqualTo(1);
        }
    }

    @Test
    void anInjectedFormulaIsExportedAsTextAndImportsBackUnchanged() {
        Path other = tmp.resolve("other");
        String exported;
        try (AppContext app = TestStore.open(tmp.resolve("one"))) {
            ImportReport r = app.csv.importCsv(Actor.owner(), app.csvSchemas().get("clients"), utf8(CLIENTS + "\r\n"
                    + ",COMPANY,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",@Mallory,,+49 30 1234567,,,,"
                    + "Berlin,,,,-2+3\r\n"), false);
            assertThat(r.problems()).isEmpty();
            exported = export(app, "clients");
            assertThat(exported).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",'@Mallory,,"
                    + "'+49 30 1234567").contains(",'-2+3");
            assertThat(app.database.dsl().select(Tables.CLIENT.NAME)
                    .from(Tables.CLIENT).fetch(Tables.CLIENT.NAME)).containsExactly("=HYPERLINK(\"http://evil.example\",\"Click\")");
        }
        try (AppContext app = TestStore.open(other)) {
            ImportReport r = app.csv.importCsv(Actor.owner(), app.csvSchemas().get("clients"), utf8(exported), false);
            assertThat(r.problems()).isEmpty();
            assertThat(app.database.dsl().select(Tables.CLIENT.NAME)
                    .from(Tables.CLIENT).fetch(Tables.CLIENT.NAME)).containsExactly("=HYPERLINK(\"http://evil.example\",\"Click\")");
            assertThat(export(app, "clients")).isEqualTo(exported);
        }
    }
}
