package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.PASSWORD;
import static dev.stagedesk.cli.CliTest.run;
import static dev.stagedesk.cli.CliTest.runAs;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.expense.ExpenseService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code due}: the rules that run on their own, once, from the command line: what each did and the exit status. */
class DueCliTest {
    @TempDir
    Path tmp;

    @Test
    void runsEachRuleOnceSaysWhatEachDidAndExitsOneWhenARuleFailed() {
        Path store = tmp.resolve("store");
        CliTest.initStore(store);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            UUID piet = app.performers.create(Actor.owner(), new PerformerDraft("Piet", null, null, null,
                    List.of("DJ"), List.of(), 50_000, "EUR", 1500, 0, null, null, null, true, null)).id();
            app.users.create(Actor.owner(), "piet", "Piet", null, EnumSet.of(Role.PERFORMER), piet,
                    PASSWORD.toCharArray());
            app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null,
                    PASSWORD.toCharArray());
            // the rent of the 1st, since two months ago: three months are due
            app.bus.execute(Actor.owner(), new ExpenseService.AddRecurringExpense("Rent", "Landlord", 120_000, "EUR",
                    "BANK_TRANSFER", 1, today.minusMonths(2).withDayOfMonth(1), null));
            // and the store refuses every overhead expense: that rule fails
            app.database.dsl().execute("ALTER TABLE overhead_expense ADD CONSTRAINT test_refuses CHECK (amount_minor < 0)");
        }

        CliTest.Run refused = runAs(Map.of("STAGEDESK_USER", "piet", "STAGEDESK_PASSWORD", PASSWORD),
                "--data", store.toString(), "due");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("You do not have permission to run the rules that are due");
        assertThat(refused.out()).isEmpty();

        CliTest.Run failed = run("--data", store.toString(), "due");
        assertThat(failed.code()).as(failed.err()).isEqualTo(1);
        assertThat(failed.out()).contains("Europe/Berlin").contains("holds\t0\t").contains("follow-ups\t0\t")
                .contains("notices\t0\t").contains("recurring-expenses\t-\tfailed: ").contains("overdue\t0\t");
        assertThat(failed.err()).contains("1 of 5 rules failed; the others ran.");

        try (AppContext app = AppContext.open(new DataFolder(store))) {
            assertThat(app.database.dsl().fetchCount(OVERHEAD_EXPENSE)).isZero();
            app.database.dsl().execute("ALTER TABLE overhead_expense DROP CONSTRAINT test_refuses");
        }
        CliTest.Run ok = runAs(Map.of("STAGEDESK_USER", "cora", "STAGEDESK_PASSWORD", PASSWORD),
                "--data", store.toString(), "due");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).containsPattern("recurring-expenses\t3\trecurring overhead expenses written");
        int written;
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            written = app.database.dsl().fetchCount(OVERHEAD_EXPENSE);
            assertThat(written).isEqualTo(3);
        }

        CliTest.Run again = run("--data", store.toString(), "due");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("recurring-expenses\t0\t");
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            assertThat(app.database.dsl().fetchCount(OVERHEAD_EXPENSE)).as("not written twice").isEqualTo(written);
        }
        assertThat(run("due", "--help").out()).contains("Usage:").contains("due");
    }
}
