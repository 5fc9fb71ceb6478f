package dev.stagedesk.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The heart of the day through the GUI: a new inquiry, contacted, quoted, converted; the booking is listed. */
@ExtendWith(ApplicationExtension.class)
class InquiryToBookingUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null,
                "cora-pass-1".toCharArray());
        ui = new UiFixture(app, stage, app.users.signIn("cora", "cora-pass-1".toCharArray()));
        ui.shell.show(Area.INQUIRIES);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void newInquiryThroughToABookingInTheList(FxRobot robot) {
        TableView<?> inquiries = robot.lookup("#inquiriesTable").queryAs(TableView.class);
        robot.clickOn("#newInquiry");
        UiFixture.until(() -> robot.lookup("#saveButton").tryQuery().isPresent());
        robot.clickOn("#saveButton"); // empty: every missing field says so
        UiFixture.until(() -> robot.lookup("#clientError").tryQuery().isPresent()
                && !robot.lookup("#clientError").queryAs(Label.class).getText().isEmpty());
        robot.clickOn("#inquiryClient").write("Grace Hopper");
        robot.clickOn("#inquiryNewClient");
        robot.clickOn("#eventType").write("Retirement party");
        DatePicker date = robot.lookup("#date").queryAs(DatePicker.class);
        robot.interact(() -> date.setValue(LocalDate.of(2027, 3, 13)));
        robot.clickOn("#budget").write("4,500.00");
        robot.clickOn("#guestCount").write("many");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#guestCountError").queryAs(Label.class).getText().contains("whole number"));
        robot.doubleClickOn("#guestCount").write("80");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> inquiries.getItems().size() == 1);

        robot.clickOn("Grace Hopper");
        robot.clickOn("#markContacted");
        UiFixture.until(() -> robot.lookup("#inquiryMessage").queryAs(Label.class).getText().contains("contacted"));
        robot.clickOn("Grace Hopper");
        robot.clickOn("#markQuoted");
        UiFixture.until(() -> robot.lookup("#inquiryMessage").queryAs(Label.class).getText().contains("quoted"));
        robot.clickOn("Grace Hopper");
        robot.clickOn("#convertInquiry");
        UiFixture.until(() -> robot.lookup("#fee").tryQuery().isPresent());
        assertThat(robot.lookup("#fee").queryTextInputControl().getText()).isEqualTo("4500.00");
        robot.clickOn("#confirmNow");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#inquiryMessage").queryAs(Label.class).getText()
                .equals("Booking BK-2026-000001 created."));

        robot.interact(() -> ui.shell.show(Area.BOOKINGS));
        @SuppressWarnings("unchecked")
        TableView<BookingRow> bookings = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> bookings.getItems().size() == 1);
        BookingRow row = bookings.getItems().get(0);
        assertThat(row.number()).isEqualTo("BK-2026-000001");
        assertThat(row.status()).isEqualTo("CONFIRMED");
        assertThat(row.title()).isEqualTo("Retirement party — Grace Hopper");
        assertThat(row.feeMinor()).isEqualTo(450_000L);
        ui.assertNoErrors();
    }
}
