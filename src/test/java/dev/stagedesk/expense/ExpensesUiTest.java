package dev.stagedesk.expense;

import static dev.stagedesk.db.jooq.Tables.ATTACHMENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A performer signed in logs their own taxi with its receipt; a bad amount is named and nothing is written. */
@ExtendWith(ApplicationExtension.class)
class ExpensesUiTest {
    @TempDir
    Path dir;
    UiFixture ui;
    UUID nova;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 0, 0, null, null, null, true, null)).id();
        ui = new UiFixture(app, stage, new Actor(null, "nova", EnumSet.of(Role.PERFORMER), nova));
        ui.shell.show(Area.EXPENSES);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPerformerLogsATaxiWithItsReceipt(FxRobot robot) throws Exception {
        robot.clickOn("#logExpense");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        SearchableComboBox<PerformerChoice> who = robot.lookup("#expensePerformer").queryAs(SearchableComboBox.class);
        assertThat(who.getValue().id()).as("their own, chosen already").isEqualTo(nova);
        robot.clickOn("#expenseCategory").write("Travel");
        robot.clickOn("#expenseDescription").write("Taxi to the hall");
        robot.clickOn("#expenseAmount").write("-3");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#amountError").queryAs(Label.class).getText().contains("more than zero"));
        assertThat(ui.app.database.dsl().fetchCount(PERFORMER_EXPENSE)).isZero();
        Path receipt = dir.resolve("taxi.jpg");
        Files.write(receipt, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        ui.nextOpen = receipt;
        robot.clickOn("#expenseReceipt");
        robot.interact(() -> robot.lookup("#expenseAmount").queryTextInputControl().clear());
        robot.clickOn("#expenseAmount").write("23.50");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#expensesMessage").queryAs(Label.class).getText()
                .equals("Expense logged for nova."));
        var row = ui.app.database.dsl().selectFrom(PERFORMER_EXPENSE).fetchOne();
        assertThat(row.getAmountMinor()).isEqualTo(2_350L);
        assertThat(row.getCategory()).isEqualTo("Travel");
        assertThat(ui.app.database.dsl().select(ATTACHMENT.FILE_NAME).from(ATTACHMENT)
                .where(ATTACHMENT.ID.eq(row.getAttachmentId())).fetchOne(ATTACHMENT.FILE_NAME)).isEqualTo("taxi.jpg");
        ui.assertNoErrors();
    }
}
