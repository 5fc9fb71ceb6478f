package dev.stagedesk.expense;

import static dev.stagedesk.db.jooq.Tables.ATTACHMENT;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Performers log their own expenses with a receipt; overhead is the agency's; recurring overhead once a month. */
class ExpenseServiceTest {
    @TempDir
    Path dir;
    AppContext app;
    UUID nova;
    UUID rex;
    Actor novaHerself;

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir);
        nova = app.performers.create(Actor.owner(), performer("DJ Nova")).id();
        rex = app.performers.create(Actor.owner(), performer("Rex")).id();
        novaHerself = new Actor(null, "nova", EnumSet.of(Role.PERFORMER), nova);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static PerformerDraft performer(String name) {
        return new PerformerDraft(name, null, null, null, List.of("DJ"), List.of(), 0, "EUR", 0, 0, null, null, null,
                true, null);
    }

    private static ExpenseService.PerformerExpenseDraft taxi(UUID who, long amount) {
        return new ExpenseService.PerformerExpenseDraft(who, null, "Travel", "Taxi", amount, "EUR",
                LocalDate.of(2026, 11, 3));
    }

    @Test
    void aPerformerLogsTheirOwnExpenseWithItsReceiptInOneStep() throws Exception {
        Path receipt = dir.resolve("taxi.pdf");
        Files.write(receipt, "%PDF-1.4 taxi receipt".getBytes());
        UUID id = app.expenses.log(novaHerself, taxi(nova, 2_350), receipt);
        var row = app.database.dsl().selectFrom(PERFORMER_EXPENSE).where(PERFORMER_EXPENSE.ID.eq(id)).fetchOne();
        assertThat(row.getAmountMinor()).isEqualTo(2_350L);
        var file = app.database.dsl().selectFrom(ATTACHMENT).where(ATTACHMENT.ID.eq(row.getAttachmentId())).fetchOne();
        assertThat(file.getFileName()).isEqualTo("taxi.pdf");
        assertThat(file.getEntityId()).isEqualTo(id);
        assertThat(file.getSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest
                .getInstance("SHA-256").digest(Files.readAllBytes(receipt))));
        assertThat(Files.readAllBytes(dir.resolve(file.getStoredPath()))).isEqualTo(Files.readAllBytes(receipt));
        assertThat(app.auditLog.forEntity(ExpenseService.PERFORMER_ENTITY, id)).extracting(e -> e.action())
                .contains("create", "attach");
    }

    @Test
    void notForSomeoneElseAndBadInputWritesNothing() throws Exception {
        assertThatThrownBy(() -> app.expenses.log(novaHerself, taxi(rex, 1_000), null))
                .isInstanceOf(PermissionDeniedException.class);
        Actor coordinator = new Actor(null, "cora", EnumSet.of(Role.COORDINATOR));
        assertThatThrownBy(() -> app.expenses.log(coordinator, taxi(nova, 1_000), null))
                .isInstanceOf(PermissionDeniedException.class);
        app.expenses.log(Actor.owner(), taxi(rex, 1_000), null); // an admin logs for anyone
        Path receipt = dir.resolve("r.png");
        Files.write(receipt, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> app.expenses.log(novaHerself, taxi(nova, 0), receipt))
                .isInstanceOf(ValidationException.class).hasMessageContaining("more than zero");
        assertThat(app.database.dsl().fetchCount(PERFORMER_EXPENSE)).isEqualTo(1);
        assertThat(app.database.dsl().fetchCount(ATTACHMENT)).isZero();
        try (var files = Files.walk(dir.resolve("attachments"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("the copied receipt is removed again").isEmpty();
        }
    }

    @Test
    void recurringOverheadIsWrittenOnceForEachMonthDue() {
        Actor accountant = new Actor(null, "acc", EnumSet.of(Role.ACCOUNTANT));
        assertThatThrownBy(() -> app.expenses.recordOverhead(novaHerself, new ExpenseService.OverheadDraft("Rent",
                "Landlord", null, 100_000, "EUR", "BANK_TRANSFER", LocalDate.of(2026, 11, 1)), null))
                .isInstanceOf(PermissionDeniedException.class);
        app.expenses.recordOverhead(accountant, new ExpenseService.OverheadDraft("Software", "Stagedesk", null, 4_900,
                "EUR", "CARD", LocalDate.of(2026, 11, 2)), null);
        app.bus.execute(accountant, new ExpenseService.AddRecurringExpense("Rent", "Landlord", 120_000, "EUR",
                "BANK_TRANSFER", 5, LocalDate.of(2026, 8, 20), LocalDate.of(2027, 1, 31)));
        assertThatThrownBy(() -> app.bus.execute(accountant, new ExpenseService.AddRecurringExpense("Rent", "X", 1,
                "EUR", "BANK_TRANSFER", 31, LocalDate.of(2026, 8, 1), null))).hasMessageContaining("1 to 28");
        // 20 August start: September, October, November by the 21st of November
        assertThat(app.expenses.generateDue(Actor.system(), LocalDate.of(2026, 11, 21))).isEqualTo(3);
        assertThat(app.expenses.generateDue(Actor.system(), LocalDate.of(2026, 11, 21))).isZero();
        assertThat(app.database.dsl().select(OVERHEAD_EXPENSE.SPENT_ON).from(OVERHEAD_EXPENSE)
                .where(OVERHEAD_EXPENSE.RECURRING_EXPENSE_ID.isNotNull()).orderBy(OVERHEAD_EXPENSE.SPENT_ON)
                .fetch(OVERHEAD_EXPENSE.SPENT_ON)).containsExactly(LocalDate.of(2026, 9, 5), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 11, 5));
        // and it stops at the end date
        assertThat(app.expenses.generateDue(Actor.system(), LocalDate.of(2027, 6, 1))).isEqualTo(2);
    }
}
