package dev.stagedesk.expense;

import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.RECURRING_EXPENSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An overhead or monthly expense with no amount is refused naming the field, never saved as zero. */
@ExtendWith(ApplicationExtension.class)
class OverheadAmountUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = new UiFixture(TestStore.open(dir), stage, Actor.owner());
        ui.shell.show(Area.EXPENSES);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private static boolean amountErrorSays(FxRobot robot, String text) {
        return robot.lookup("#amountError").tryQuery().map(n -> text.equals(((Label) n).getText())).orElse(false);
    }

    @Test
    void aBlankAmountIsRefusedWithEnterAnAmount(FxRobot robot) {
        robot.clickOn("#overheadExpensesTab");
        robot.clickOn("#recordOverhead");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        robot.clickOn("#overheadCategory").write("Rent");
        robot.clickOn("#overheadVendor").write("Landlord");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> amountErrorSays(robot, "Enter an amount."));
        assertThat(ui.app.database.dsl().fetchCount(OVERHEAD_EXPENSE)).isZero();
        robot.interact(() -> robot.lookup("#overheadAmount").queryAs(TextField.class).setText("850.00"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> ui.app.database.dsl().fetchCount(OVERHEAD_EXPENSE) == 1);
        assertThat(ui.app.database.dsl().select(OVERHEAD_EXPENSE.AMOUNT_MINOR).from(OVERHEAD_EXPENSE).fetchSingle().value1())
                .isEqualTo(85_000L);

        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isEmpty());
        robot.clickOn("#addRecurring");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        robot.clickOn("#saveButton");
        UiFixture.until(() -> amountErrorSays(robot, "Enter an amount."));
        assertThat(ui.app.database.dsl().fetchCount(RECURRING_EXPENSE)).isZero();
        ui.assertNoErrors();
    }
}
