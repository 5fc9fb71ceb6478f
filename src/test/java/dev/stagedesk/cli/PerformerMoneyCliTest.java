package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.run;
import static dev.stagedesk.cli.CliTest.runAs;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.expense.ExpenseService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.PdfText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line for performers' money: assignments import with the conflict check (exit 2 naming both
 * bookings; an admin's --allow-conflicts, audited), payouts and expenses export, and the performer statement
 * whose CSV and PDF agree with the service to the cent.
 */
class PerformerMoneyCliTest {
    static final Instant FRI = Instant.parse("2026-10-02T18:00:00Z");

    @TempDir
    Path tmp;
    Path store;
    Booking gala;
    Booking party;
    Booking brunch;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        CliTest.initStore(store);
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
            app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", "Nora Vogt", null, null, List.of("DJ"),
                    List.of(), 50_000, "EUR", 1500, 1000, "Berlin", 52.52, 13.40, true, null));
            gala = app.bookings.create(Actor.owner(), draft(client, "Gala", FRI, 4), BookingStatus.CONFIRMED, List.of());
            party = app.bookings.create(Actor.owner(), draft(client, "After party", FRI.plus(Duration.ofHours(3)), 3),
                    BookingStatus.CONFIRMED, List.of());
            brunch = app.bookings.create(Actor.owner(), draft(client, "Brunch", FRI.plus(Duration.ofDays(2)), 2),
                    BookingStatus.CONFIRMED, List.of());
            app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null,
                    CliTest.PASSWORD.toCharArray());
        }
    }

    private static BookingDraft draft(UUID client, String title, Instant start, int hours) {
        return new BookingDraft(title, client, null, null, start, start.plus(Duration.ofHours(hours)), "Europe/Berlin",
                "EUR", 200_000, 1900, 1, null, null);
    }

    private Path csv(String name, String... lines) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return f;
    }

    static final String HEADER = "id,booking_number,performer,role,payout,currency,call_time,commission_percent,"
            + "withholding_percent,payout_status,paid_on,paid_method,paid_reference";

    @Test
    void importedAssignmentsAreCheckedForConflictsAndAnAdminMayOverride() throws Exception {
        Path good = csv("good.csv", HEADER,
                "," + gala.number() + ",dj nova,Headliner,500.00,EUR,2026-10-02 19:00,15,10,PAID,2026-10-05,"
                        + "BANK_TRANSFER,T-1",
                "," + brunch.number() + ",DJ Nova,,,,,,,,,,");
        CliTest.Run ok = run("--data", store.toString(), "import", "assignments", good.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("2 new");

        Path clash = csv("clash.csv", HEADER, "," + party.number() + ",DJ Nova,Warm-up,200.00,EUR,,,,,,,");
        CliTest.Run refused = run("--data", store.toString(), "import", "assignments", clash.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("line 2").contains(party.number() + " (After party)")
                .contains("DJ Nova is already on " + gala.number() + " (Gala)");
        CliTest.Run coordinator = runAs(Map.of("STAGEDESK_USER", "cora", "STAGEDESK_PASSWORD", CliTest.PASSWORD),
                "--data", store.toString(), "import", "assignments", clash.toString(), "--allow-conflicts");
        assertThat(coordinator.code()).isEqualTo(2);
        assertThat(coordinator.err()).contains("permission");
        CliTest.Run forced = run("--data", store.toString(), "import", "assignments", clash.toString(),
                "--allow-conflicts");
        assertThat(forced.code()).as(forced.err()).isZero();
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            assertThat(app.database.dsl().select(ASSIGNMENT.CONFLICT_OVERRIDE_REASON).from(ASSIGNMENT)
                    .where(ASSIGNMENT.BOOKING_ID.eq(party.id())).fetchOne(ASSIGNMENT.CONFLICT_OVERRIDE_REASON))
                    .isEqualTo("imported from clash.csv with --allow-conflicts");
            assertThat(app.auditLog.forEntity("booking", party.id())).anyMatch(e -> e.action().equals("override-conflict"));
        }

        // export, then import the same file again: the same rows, nothing new
        Path out = tmp.resolve("assignments.csv");
        assertThat(run("--data", store.toString(), "export", "assignments", "--out", out.toString()).code()).isZero();
        String first = Files.readString(out);
        assertThat(first).contains("Headliner,500.00,EUR,2026-10-02 19:00,15,10,PAID,2026-10-05,BANK_TRANSFER,T-1");
        CliTest.Run again = run("--data", store.toString(), "import", "assignments", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 new, 3 updated");
        assertThat(run("--data", store.toString(), "export", "assignments", "--out", out.toString()).code()).isZero();
        assertThat(Files.readString(out)).isEqualTo(first);

        // payouts are exported with the split, and are not imported
        Path payouts = tmp.resolve("payouts.csv");
        assertThat(run("--data", store.toString(), "export", "payouts", "--out", payouts.toString()).code()).isZero();
        assertThat(Files.readString(payouts)).contains(gala.number() + ",2026-10-02 20:00,Headliner,EUR,500.00,75.00,"
                + "50.00,375.00,PAID");
        CliTest.Run notImported = run("--data", store.toString(), "import", "payouts", payouts.toString());
        assertThat(notImported.code()).isEqualTo(2);
        assertThat(notImported.err()).contains("payouts are exported only; import them as assignments");
    }

    @Test
    void expensesImportExportAndTheStatementAgreeToTheCent() throws Exception {
        Path good = csv("a.csv", HEADER,
                "," + gala.number() + ",DJ Nova,Headliner,500.00,EUR,,15,10,,,,",
                "," + brunch.number() + ",DJ Nova,,333.33,EUR,,,,,,,");
        assertThat(run("--data", store.toString(), "import", "assignments", good.toString()).code()).isZero();
        Path expenses = csv("e.csv", "id,performer,booking_number,category,description,amount,currency,spent_on",
                ",DJ Nova," + gala.number() + ",Travel,Taxi to the hall,23.50,EUR,2026-10-02",
                ",DJ Nova,,Equipment,Cables,40.00,EUR,2026-10-20",
                ",DJ Nova,,Equipment,Next month,99.00,EUR,2026-11-01");
        CliTest.Run imported = run("--data", store.toString(), "import", "expenses", expenses.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        Path bad = csv("bad.csv", "id,performer,booking_number,category,description,amount,currency,spent_on",
                ",Nobody,,Travel,,-5,EUR,2026-10-02");
        CliTest.Run refused = run("--data", store.toString(), "import", "expenses", bad.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("line 2");

        Path csvOut = tmp.resolve("statement.csv");
        CliTest.Run statement = run("--data", store.toString(), "statement", "DJ Nova", "--from", "2026-10-01", "--to",
                "2026-10-31", "--format", "csv", "--out", csvOut.toString());
        assertThat(statement.code()).as(statement.err()).isZero();
        // gross 833.33; commission 15% of 500 = 75.00 and 15% of 333.33 = 50.00 (half-even);
        // withholding 10% = 50.00 + 33.33; expenses 63.50 (November's not in October)
        long net = 83_333 - 7_500 - 5_000 - 5_000 - 3_333 - 6_350;
        assertThat(statement.out()).contains("EUR: gross 833.33, net take-home " + net / 100 + "." + net % 100);
        List<String> rows = Files.readAllLines(csvOut);
        assertThat(rows).hasSize(1 + 2 + 2 + 1);
        assertThat(rows.get(rows.size() - 1)).startsWith("total,2026-10-31,,DJ Nova 2026-10-01 – 2026-10-31,EUR,"
                + "833.33,125.00,83.33,63.50," + net / 100 + "." + net % 100);
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            var s = app.statements.statement(Actor.owner(), app.performerQuery.choices(Actor.owner(), 5).get(0).id(),
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
            // the CSV's gig and expense lines add up to its total line
            long fromLines = rows.subList(1, rows.size() - 1).stream().map(r -> r.split(",")).mapToLong(
                    f -> new BigDecimal(f[f.length - 1]).movePointRight(2).longValueExact()).sum();
            assertThat(fromLines).isEqualTo(s.totals().get(0).netMinor()).isEqualTo(net);
            assertThat(ExpenseService.PERFORMER_ENTITY).isEqualTo("performer_expense");
        }
        Path pdf = tmp.resolve("statement.pdf");
        assertThat(run("--data", store.toString(), "statement", "dj nova", "--from", "2026-10-01", "--to",
                "2026-10-31", "--out", pdf.toString()).code()).isZero();
        String text = PdfText.of(pdf);
        assertThat(text).contains("Performer statement").contains("DJ Nova").contains("Nora Vogt")
                .contains(gala.number()).contains("Net take-home").contains(String.format(Locale.ROOT, "%,.2f EUR", net / 100.0));
    }
}
