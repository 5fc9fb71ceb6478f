package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.PASSWORD;
import static dev.stagedesk.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind the CLI exports, from a demo store (completed, cancelled, held and paid records alike), imports into a
 * fresh store in the documented order and exports the same again.
 */
class CsvRoundTripTest {
    /** The documented import order (docs/CSV.md): what a row refers to is imported before it. */
    static final List<String> IMPORT_ORDER = List.of("clients", "venues", "performers", "packages", "inquiries",
            "bookings", "assignments", "expenses");
    static final List<String> EXPORT_ONLY = List.of("payouts", "payments", "invoices", "overhead", "journal");

    @TempDir
    static Path tmp;
    static Path demo;
    static final Map<String, String> exported = new LinkedHashMap<>();

    @BeforeAll
    static void demoStoreExportedWhole() throws Exception {
        demo = tmp.resolve("demo");
        CliTest.Run d = run("--data", demo.toString(), "demo", "--size", "small", "--password", PASSWORD);
        assertThat(d.code()).as(d.err()).isZero();
        for (String kind : concat(IMPORT_ORDER, EXPORT_ONLY)) {
            exported.put(kind, export(demo, kind, "demo"));
        }
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String export(Path store, String kind, String tag) throws Exception {
        Path file = tmp.resolve(tag + "-" + kind + ".csv");
        CliTest.Run r = run("--data", store.toString(), "export", kind, "--out", file.toString());
        assertThat(r.code()).as(kind + ": " + r.err()).isZero();
        // the count reads as words that fit the kind ("Exported 1 client", "… journal lines"), never "1 journal"
        assertThat(r.err()).as(kind).matches("(?s)Exported (no|1|[\\d,]+) [a-z ]+ to .*")
                .doesNotContain("Exported 1 " + kind + " ").doesNotContain(" journal to").doesNotContain(" overhead to");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static Path fresh(String name) {
        Path store = tmp.resolve(name);
        CliTest.Run init = run("--data", store.toString(), "init", "--agency", "Other", "--currency", "EUR",
                "--time-zone", "Europe/Paris", "--admin", "admin");
        assertThat(init.code()).as(init.err()).isZero();
        return store;
    }

    static void importFile(Path store, String kind, String content, String tag) throws Exception {
        Path file = tmp.resolve(tag + "-in-" + kind + ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        CliTest.Run r = run("--data", store.toString(), "import", kind, file.toString());
        assertThat(r.code()).as(kind + ": " + r.err()).isZero();
    }

    static List<CSVRecord> rows(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    @Test
    void everyKindRoundTripsIntoAFreshStore() throws Exception {
        // the demo has what made imports fail: completed and cancelled bookings with assignments, paid payouts
        List<CSVRecord> assignments = rows(exported.get("assignments"));
        Map<String, String> statusByNumber = new LinkedHashMap<>();
        rows(exported.get("bookings")).forEach(b -> statusByNumber.put(b.get("number"), b.get("status")));
        assertThat(assignments).extracting(a -> statusByNumber.get(a.get("booking_number")))
                .contains("COMPLETED", "CONFIRMED");
        assertThat(assignments).extracting(a -> a.get("payout_status")).contains("PAID", "UNPAID");
        assertThat(assignments).allSatisfy(a -> assertThat(a.get("performer_id")).hasSize(36));

        Path store = fresh("fresh");
        for (String kind : IMPORT_ORDER) {
            assertThat(rows(exported.get(kind))).as(kind).isNotEmpty();
            importFile(store, kind, exported.get(kind), "fresh");
        }
        for (String kind : IMPORT_ORDER) {
            assertThat(export(store, kind, "again")).as(kind).isEqualTo(exported.get(kind));
        }
        // payouts are imported as assignments: the same payouts come out
        assertThat(export(store, "payouts", "again")).isEqualTo(exported.get("payouts"));
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            var dsl = app.database.dsl();
            var log = Tables.AUDIT_LOG;
            // each past assignment is audited as imported history
            long past = assignments.stream().filter(a -> List.of("COMPLETED", "CANCELLED")
                    .contains(statusByNumber.get(a.get("booking_number")))).count();
            assertThat(dsl.fetchCount(log, log.ACTION.eq("import-history"))).isEqualTo((int) past);
            assertThat(app.auditLog.firstBrokenEntry()).isEmpty();
        }
        // the kinds written by the console's own commands export from the demo, and are refused by import
        for (String kind : EXPORT_ONLY) {
            assertThat(rows(exported.get(kind))).as(kind).isNotEmpty();
            Path file = tmp.resolve("refused-" + kind + ".csv");
            Files.writeString(file, exported.get(kind), StandardCharsets.UTF_8);
            CliTest.Run r = run("--data", store.toString(), "import", kind, file.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("exported only");
            // the reason fits the kind: only payouts come back through the assignments file
            if (kind.equals("payouts")) {
                assertThat(r.err()).contains("import them as assignments");
            } else {
                assertThat(r.err()).doesNotContain("import them as assignments");
            }
        }
    }

    /** Excel or LibreOffice in German: byte order mark, semicolons, decimal commas, blank rows at the end. */
    @Test
    void aGermanSpreadsheetCopyOfTheExportImportsTheSame() throws Exception {
        Path store = fresh("german");
        for (String kind : List.of("clients", "venues", "performers", "packages", "bookings", "assignments")) {
            importFile(store, kind, german(exported.get(kind), List.of("fee", "default_fee", "base_price", "payout")),
                    "german");
        }
        for (String kind : List.of("clients", "venues", "performers", "packages", "bookings", "assignments")) {
            assertThat(export(store, kind, "german-again")).as(kind).isEqualTo(exported.get(kind));
        }
    }

    /** The same rows as a German spreadsheet saves them. */
    static String german(String csv, List<String> amountColumns) throws Exception {
        var parsed = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv));
        List<String> header = parsed.getHeaderNames();
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
        p.printRecord(header);
        for (CSVRecord r : parsed) {
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                String v = r.get(column);
                cells.add(amountColumns.contains(column) ? v.replace('.', ',') : v);
            }
            p.printRecord(cells);
        }
        p.printRecord(Collections.nCopies(header.size(), ""));
        p.flush();
        return out + "\r\n\r\n";
    }

    @Test
    void aStageNameTwoPerformersShareIsReadByIdAndRefusedWithoutOne() throws Exception {
        Path store = fresh("twins");
        UUID first;
        UUID second;
        String number;
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            first = app.performers.create(Actor.owner(), new PerformerDraft("The Twins", "Ann A", null, null,
                    List.of("Band"), List.of(), 50_000, "EUR", 1500, 0, "Berlin", null, null, true, null)).id();
            second = app.performers.create(Actor.owner(), new PerformerDraft("The Twins", "Ann B", null, null,
                    List.of("Band"), List.of(), 60_000, "EUR", 1500, 0, "Paris", null, null, true, null)).id();
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(
                    ClientKind.PERSON, "Ada Lovelace")).id();
            Instant start = Instant.now().plus(Duration.ofDays(40));
            number = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null,
                    start, start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 200_000, 1900, 2, null,
                    null), BookingStatus.CONFIRMED, List.of()).number();
        }
        String header = "id,booking_number,performer_id,performer,role,payout,currency,call_time,commission_percent,"
                + "withholding_percent,payout_status,paid_on,paid_method,paid_reference\r\n";
        Path file = tmp.resolve("twins.csv");
        Files.writeString(file, header + "," + number + ",,The Twins,Lead,,,,,,,,,\r\n");
        CliTest.Run refused = run("--data", store.toString(), "import", "assignments", file.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("line 2, performer: More than one performer has the stage name 'The Twins'")
                .contains("performer_id");
        Files.writeString(file, header + "," + number + "," + second + ",The Twins,Lead,,,,,,,,,\r\n");
        CliTest.Run ok = run("--data", store.toString(), "import", "assignments", file.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        String out = export(store, "assignments", "twins");
        assertThat(out).contains("," + number + "," + second + ",The Twins,Lead,600.00,EUR").doesNotContain(first.toString());
        // a file from before the id column names the performer by stage name alone
        Path old = tmp.resolve("old.csv");
        Files.writeString(old, header.replace("performer_id,", "") + "," + number + ",Nobody,Lead,,,,,,,,,\r\n");
        CliTest.Run unknown = run("--data", store.toString(), "import", "assignments", old.toString());
        assertThat(unknown.err()).contains("line 2, performer: There is no performer with the stage name 'Nobody'")
                .doesNotContain("missing");
    }
}
