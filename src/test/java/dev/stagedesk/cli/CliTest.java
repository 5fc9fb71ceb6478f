package dev.stagedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.CliStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static final String PASSWORD = "demo-pass-1";
    static final Map<String, String> ADMIN = Map.of("STAGEDESK_USER", "admin",
            "STAGEDESK_PASSWORD", PASSWORD);

    static Run run(String... args) {
        return runAs(ADMIN, args);
    }

    /** A store set up by the CLI's own {@code init}: agency "A", EUR, Europe/Berlin, administrator "admin". */
    static void initStore(Path store) {
        assertThat(run("--data", store.toString(), "init", "--agency", "A", "--currency", "EUR", "--time-zone",
                "Europe/Berlin", "--admin", "admin").code()).isZero();
    }

    static Run runAs(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli.Outcome o = Cli.run(args, new PrintWriter(out), new PrintWriter(err), env, new CliStores());
        return new Run(o.exitCode(), out.toString(), err.toString());
    }

    private String export(Path store, String kind) throws Exception {
        Path file = tmp.resolve(kind + "-" + store.getFileName() + ".csv");
        Run r = run("--data", store.toString(), "export", kind, "--out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void exportThenImportIntoAnotherStoreRoundTripsExactly() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(run("--data", a.toString(), "demo", "--size", "small", "--password", PASSWORD).code()).isZero();
        assertThat(run("--data", b.toString(), "init", "--agency", "Other", "--currency", "EUR",
                "--time-zone", "Europe/Paris", "--admin", "admin").code()).isZero();
        for (String kind : new String[] {"clients", "venues", "performers", "packages", "inquiries", "bookings"}) {
            String first = export(a, kind);
            assertThat(first.lines().count()).as(kind).isGreaterThan(5);
            Path file = tmp.resolve(kind + ".csv");
            Files.writeString(file, first, StandardCharsets.UTF_8);
            Run imported = run("--data", b.toString(), "import", kind, file.toString());
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("Imported").contains("new, 0 updated");
            assertThat(export(b, kind)).as(kind).isEqualTo(first);
            Run again = run("--data", b.toString(), "import", kind, file.toString());
            assertThat(again.out()).contains("0 new");
            assertThat(export(b, kind)).isEqualTo(first);
        }
    }

    @Test
    void badRowsAreAllReportedWithLineAndFieldAndNothingIsWritten() throws Exception {
        Path store = tmp.resolve("s");
        run("--data", store.toString(), "init", "--agency", "A", "--currency", "EUR", "--admin", "admin");
        Path csv = tmp.resolve("clients.csv");
        Files.writeString(csv, String.join("\r\n",
                "id,kind,name,contact_name,email,phone,address_line1,address_line2,postal_code,city,region,country_code,tax_id,notes",
                ",PERSON,Good Person,,good@example.com,,,,,Berlin,,DE,,",
                ",ROBOT,Bad Kind,,,,,,,,,,,",
                ",PERSON,,,not-an-email,,,,,,,,,",
                ",PERSON,\"Multi\nLine Name\",,,,,,,,,Germany,,",
                "not-a-uuid,COMPANY,Acme,,,,,,,,,,,") + "\r\n", StandardCharsets.UTF_8);
        Run r = run("--data", store.toString(), "import", "clients", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Nothing was imported")
                .contains("line 3, kind: 'ROBOT' is not allowed here")
                .contains("line 4, name: Required.")
                .contains("line 4, email: 'not-an-email' is not an e-mail address.")
                .contains("line 5, country_code: 'Germany' is not a two-letter country code")
                .contains("line 7, id: 'not-a-uuid' is not an id");
        assertThat(export(store, "clients").lines().count()).isEqualTo(1);
    }

    @Test
    void badBookingAndInquiryRowsNameTheLineAndColumn() throws Exception {
        Path store = tmp.resolve("s");
        run("--data", store.toString(), "init", "--agency", "A", "--currency", "EUR", "--admin", "admin");
        Path clients = tmp.resolve("clients.csv");
        String client = "0190a5d0-0000-7000-8000-000000000001";
        Files.writeString(clients, "id,kind,name,contact_name,email,phone,address_line1,address_line2,postal_code,city,"
                + "region,country_code,tax_id,notes\r\n" + client + ",PERSON,Ada,,,,,,,,,,,\r\n");
        assertThat(run("--data", store.toString(), "import", "clients", clients.toString()).code()).isZero();
        Path csv = tmp.resolve("bookings.csv");
        String header = "id,number,status,title,client_id,venue_id,package_id,starts_at,ends_at,time_zone,currency,fee,"
                + "tax_percent,slots_needed,contact_on_day,notes,cancellation_reason";
        Files.writeString(csv, String.join("\r\n", header,
                ",,CONFIRMED,Gala,0190a5d0-0000-7000-8000-00000000dead,,,2027-05-01 19:00,2027-05-01 23:00,Europe/Berlin,EUR,1000,19,1,,,",
                ",,CONFIRMED,Gala,@C,,,2027-05-01 19:00,2027-05-01 18:00,Europe/Berlin,EUR,1000,19,1,,,",
                ",,CONFIRMED,Gala,@C,,,2027-05-01 19:00,2027-05-01 23:00,Europe/Berlin,EUR,-5,19,1,,,",
                ",,CONFIRMED,Gala,@C,,,2027-05-01 19:00,2027-05-01 23:00,Europe/Berlin,EUR,12.345,19,1,,,",
                ",,MAYBE,Gala,@C,,,1 May,2027-05-01 23:00,Mars/Base,EUR,1000,19,1,,,").replace("@C", client) + "\r\n");
        Run r = run("--data", store.toString(), "import", "bookings", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 4, fee: Must not be negative.")
                .contains("line 5, fee: '12.345' has either a thousands separator or more decimals than EUR allows")
                .contains("line 6, status: 'MAYBE' is not allowed here")
                .contains("line 6, time_zone: 'Mars/Base' is not a time zone");
        // rows that read well are checked against the store together: the first bad one is named
        Files.writeString(csv, String.join("\r\n", header,
                ",,CONFIRMED,Gala,@C,,,2027-05-01 19:00,2027-05-01 23:00,Europe/Berlin,EUR,1000,19,1,,,",
                ",,CONFIRMED,Gala,0190a5d0-0000-7000-8000-00000000dead,,,2027-05-01 19:00,2027-05-01 23:00,Europe/Berlin,EUR,1000,19,1,,,")
                .replace("@C", client) + "\r\n");
        r = run("--data", store.toString(), "import", "bookings", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 3, client_id:");
        assertThat(export(store, "bookings").lines().count()).isEqualTo(1);
        Path inquiries = tmp.resolve("inquiries.csv");
        Files.writeString(inquiries, "id,client_id,event_type,starts_at,ends_at,time_zone,dates_tbd,venue_id,free_address,"
                + "guest_count,budget,currency,source,status,lost_reason,notes,follow_up_on\r\n"
                + "," + client + ",Party,2027-05-01 19:00,2027-05-01 18:00,Europe/Berlin,false,,,50,500,EUR,PHONE,LOST,,,\r\n");
        r = run("--data", store.toString(), "import", "inquiries", inquiries.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 2, ends_at:");
        assertThat(export(store, "inquiries").lines().count()).isEqualTo(1);
    }

    @Test
    void dryRunChecksButWritesNothing() throws Exception {
        Path store = tmp.resolve("s");
        run("--data", store.toString(), "init", "--agency", "A", "--currency", "EUR", "--admin", "admin");
        Path csv = tmp.resolve("venues.csv");
        Files.writeString(csv, "\uFEFFid,name,address_line1,address_line2,postal_code,city,region,country_code,latitude,"
                + "longitude,capacity,contact_name,contact_phone,notes\r\n"
                + ",Tempodrom,,,,Berlin,,DE,52.5003,13.3811,3700,,,\r\n", StandardCharsets.UTF_8);
        Run dry = run("--data", store.toString(), "import", "venues", csv.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run: 1 venues would be imported");
        assertThat(export(store, "venues").lines().count()).isEqualTo(1);
        assertThat(run("--data", store.toString(), "import", "venues", csv.toString()).code()).isZero();
        assertThat(export(store, "venues")).contains("Tempodrom").contains("52.5003");
    }

    @Test
    void wrongHeaderAndMissingFileAndUnknownKindAreStatusTwo() throws Exception {
        Path store = tmp.resolve("s");
        run("--data", store.toString(), "init", "--agency", "A", "--currency", "EUR", "--admin", "admin");
        Path csv = tmp.resolve("x.csv");
        Files.writeString(csv, "id,name,colour\r\n,A,red\r\n");
        Run r = run("--data", store.toString(), "import", "venues", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 1, colour: unknown column 'colour'").contains("the column 'city' is missing");
        assertThat(run("--data", store.toString(), "import", "venues", tmp.resolve("nope.csv").toString()).err())
                .contains("does not exist");
        Run unknown = run("--data", store.toString(), "export", "unicorns");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("'unicorns' is not something that can be exported");
    }

    @Test
    void badOptionsAndRefusalsExitWithTwo() {
        Path store = tmp.resolve("s");
        assertThat(run("--data", store.toString(), "demo", "--size", "huge").code()).isEqualTo(2);
        assertThat(run("--data", store.toString(), "init", "--agency", "A", "--currency", "EURO", "--admin", "admin").err())
                .contains("'EURO' is not an ISO 4217 currency code");
        assertThat(run("--data", store.toString(), "demo", "--password", PASSWORD).code()).isZero();
        Run again = run("--data", store.toString(), "demo");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("Use --force");
        assertThat(run("--data", store.toString(), "demo", "--force", "--seed", "7").code()).isZero();
        assertThat(run("--data", store.toString(), "no-such-command").code()).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"init", "demo", "export", "import", "audit", "bench"}) {
            Run r = run(c, "--help");
            assertThat(r.code()).as(c).isZero();
            assertThat(r.out()).as(c).contains("Usage:");
        }
    }

    @Test
    void commandsActAsASignedInUserAndCheckTheirPermissions() {
        Path store = tmp.resolve("s");
        Run demo = run("--data", store.toString(), "demo", "--password", PASSWORD);
        assertThat(demo.out()).contains("Users: admin, coordinator, accountant, performer (password: " + PASSWORD + ")");
        Run wrong = runAs(Map.of("STAGEDESK_USER", "admin", "STAGEDESK_PASSWORD", "nope"),
                "--data", store.toString(), "export", "clients");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("Wrong user name or password.");
        Run nobody = runAs(Map.of(), "--data", store.toString(), "export", "clients");
        assertThat(nobody.code()).isEqualTo(2);
        assertThat(nobody.err()).contains("set STAGEDESK_USER and STAGEDESK_PASSWORD");
        Run performer = runAs(Map.of("STAGEDESK_USER", "performer", "STAGEDESK_PASSWORD", PASSWORD),
                "--data", store.toString(), "export", "clients");
        assertThat(performer.code()).isEqualTo(2);
        assertThat(performer.err()).contains("You do not have permission to export data.");
        Run coordinator = runAs(Map.of("STAGEDESK_USER", "coordinator", "STAGEDESK_PASSWORD", PASSWORD),
                "--data", store.toString(), "demo", "--force");
        assertThat(coordinator.code()).isEqualTo(2);
        assertThat(coordinator.err()).contains("You do not have permission to generate demo data.");
    }

    @Test
    void initNeedsAGoodAdminPasswordAndWritesNothingOtherwise() {
        Path store = tmp.resolve("s");
        Run weak = runAs(Map.of("STAGEDESK_PASSWORD", "short"), "--data", store.toString(), "init",
                "--agency", "A", "--currency", "EUR", "--admin", "boss");
        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err()).contains("At least 8 characters");
        Run ok = runAs(Map.of("STAGEDESK_PASSWORD", "long enough"), "--data", store.toString(), "init",
                "--agency", "A", "--currency", "EUR", "--admin", "boss");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(runAs(Map.of("STAGEDESK_USER", "boss", "STAGEDESK_PASSWORD", "long enough"),
                "--data", store.toString(), "audit", "verify").out()).contains("intact (3 entries)"); // agency, admin, this sign-in
    }

    @Test
    void auditVerifyReportsIntact() {
        Path store = tmp.resolve("s");
        run("--data", store.toString(), "demo", "--password", PASSWORD);
        Run r = run("--data", store.toString(), "audit", "verify");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Audit log intact");
    }
}
