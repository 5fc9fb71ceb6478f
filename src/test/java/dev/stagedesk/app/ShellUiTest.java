package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.invoice.InvoiceRow;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ShellUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.demo.generate(Actor.owner(), DemoSize.SMALL.plan(), 42, false, DemoDataService.Progress.NONE);
        ui = new UiFixture(app, stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void everySidebarAreaOpensAndShowsDataFromTheStore(FxRobot robot) {
        for (Area area : Area.values()) {
            robot.clickOn("#nav-" + area.nodeId().substring(5));
            UiFixture.until(() -> robot.lookup("#" + area.nodeId()).tryQuery().isPresent());
            assertThat(ui.shell.current()).isEqualTo(area);
        }
        robot.clickOn("#nav-bookings");
        UiFixture.until(() -> !robot.lookup("#bookingsTable").queryAs(TableView.class).getItems().isEmpty());
        robot.clickOn("#nav-dashboard");
        UiFixture.until(() -> robot.lookup("#tileUpcoming").tryQuery().isPresent());
        assertThat(robot.lookup("#statusSync").queryAs(Label.class).getText()).isEqualTo("No cloud endpoint configured");
        ui.assertNoErrors();
    }

    @Test
    void keyboardShortcutsAndArrowKeysNavigate(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        UiFixture.until(() -> ui.shell.current() == Area.CLIENTS_VENUES);
        robot.clickOn("#nav-dashboard");
        robot.type(KeyCode.DOWN, 2);
        UiFixture.until(() -> ui.shell.current() == Area.BOOKINGS);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        UiFixture.until(() -> robot.lookup("#calendarView").tryQuery().isPresent());
        ui.assertNoErrors();
    }

    @Test
    void dashboardTileOpensTheListBehindIt(FxRobot robot) {
        UiFixture.until(() -> robot.lookup("#tileNewInquiries").tryQuery().isPresent());
        robot.clickOn("#tileNewInquiries");
        UiFixture.until(() -> ui.shell.current() == Area.INQUIRIES);
        ui.assertNoErrors();
    }

    /** Issue 18: the overdue tiles open the receivables, overdue only, whatever tab was open before. */
    @Test
    void anOverdueTileOpensTheOverdueReceivables(FxRobot robot) {
        robot.interact(() -> ui.shell.show(Area.INVOICES_PAYMENTS));
        UiFixture.until(() -> robot.lookup("#paymentsTab").tryQuery().isPresent());
        robot.clickOn("#paymentsTab");
        robot.interact(() -> robot.lookup("#receivablesOverdue").queryAs(CheckBox.class)
                .setSelected(false));
        robot.interact(() -> ui.shell.show(Area.DASHBOARD));
        UiFixture.until(() -> robot.lookup("#tileDepositsOverdue").tryQuery().isPresent());
        robot.clickOn("#tileDepositsOverdue");
        UiFixture.until(() -> ui.shell.current() == Area.INVOICES_PAYMENTS);
        UiFixture.until(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .anyMatch(t -> t.getSelectionModel().getSelectedItem() != null
                        && "receivablesTab".equals(t.getSelectionModel().getSelectedItem().getId())));
        assertThat(robot.lookup("#receivablesOverdue").queryAs(CheckBox.class).isSelected()).isTrue();
        ui.assertNoErrors();
    }

    /** Issue 18: the Invoices tab's issued-from/to pickers filter the list. */
    @Test
    @SuppressWarnings("unchecked")
    void theIssuedFromToPickersFilterTheInvoices(FxRobot robot) {
        robot.interact(() -> ui.shell.show(Area.INVOICES_PAYMENTS));
        UiFixture.until(() -> robot.lookup("#invoicesTab").tryQuery().isPresent());
        robot.clickOn("#invoicesTab");
        TableView<InvoiceRow> table = robot.lookup("#invoicesTable").queryAs(TableView.class);
        DatePicker from = robot.lookup("#batchFrom").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#batchTo").queryAs(DatePicker.class);
        robot.interact(() -> {
            from.setValue(null);
            to.setValue(null);
        });
        UiFixture.until(() -> table.getItems().size() > 2);
        var dates = table.getItems().stream().map(InvoiceRow::issueDate).sorted().toList();
        LocalDate a = dates.get(dates.size() / 3);
        LocalDate b = dates.get(dates.size() * 2 / 3);
        int all = table.getItems().size();
        robot.interact(() -> {
            from.setValue(a);
            to.setValue(b);
        });
        UiFixture.until(() -> !table.getItems().isEmpty() && table.getItems().size() < all
                && table.getItems().stream().allMatch(r -> !r.issueDate().isBefore(a) && !r.issueDate().isAfter(b)));
        ui.assertNoErrors();
    }

    /** Issue 18: Confirm is greyed out on a confirmed booking and open on a hold. */
    @Test
    @SuppressWarnings("unchecked")
    void actionsThatDoNotApplyToTheSelectedRowAreDisabled(FxRobot robot) {
        robot.interact(() -> ui.shell.show(Area.BOOKINGS));
        TableView<BookingRow> table = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> !table.getItems().isEmpty());
        Node confirm = robot.lookup("#confirmBooking").query();
        assertThat(confirm.isDisabled()).as("nothing selected").isTrue();
        var confirmed = table.getItems().stream().filter(r -> r.status() == BookingStatus.CONFIRMED).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(confirmed));
        assertThat(confirm.isDisabled()).isTrue();
        robot.interact(() -> ui.shell.show(Area.BOOKINGS));
        robot.interact(() -> robot.lookup("#bookingsStatus").queryAs(ComboBox.class).setValue(BookingStatus.HOLD));
        UiFixture.until(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(r -> r.status() == BookingStatus.HOLD));
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(confirm.isDisabled()).isFalse();
        assertThat(robot.lookup("#cancelBooking").query().isDisabled()).isFalse();
    }

    /** Issue 18: keyboard shortcuts do nothing behind an open sheet. */
    @Test
    void shortcutsDoNothingBehindAnOpenSheet(FxRobot robot) {
        robot.interact(() -> ui.shell.show(Area.BOOKINGS));
        UiFixture.until(() -> robot.lookup("#newBooking").tryQuery().isPresent());
        robot.clickOn("#newBooking");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ui.shell.current()).isEqualTo(Area.BOOKINGS);
        assertThat(robot.lookup("#formSheet").tryQuery()).isPresent();
        robot.clickOn("#cancelButton");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        UiFixture.until(() -> ui.shell.current() == Area.INQUIRIES);
    }
}
