package dev.stagedesk.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.catalogue.PackageDraft;
import dev.stagedesk.catalogue.ServicePackage;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
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

/**
 * The heart of the day through the GUI: a new inquiry, contacted, quoted (package, lines, PDF, sent), converted;
 * the booking is listed with its number.
 */
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
        app.packages.create(Actor.owner(), new PackageDraft("Jazz trio", "Three sets", 180,
                400_000L, "EUR", 3, "Jazz band", true));
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

        // the quote: a package, one more line, a discount typed wrong and then right, a PDF that is sent
        robot.clickOn("Grace Hopper");
        robot.clickOn("#openQuote");
        UiFixture.until(() -> robot.lookup("#quoteSheet").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<ServicePackage> pkg = robot.lookup("#package").queryAs(ComboBox.class);
        robot.interact(() -> pkg.getSelectionModel().select(0));
        assertThat(robot.lookup("#quoteLineDescription0").queryTextInputControl().getText()).isEqualTo("Jazz trio (3:00)");
        robot.clickOn("#quoteAddLine");
        robot.clickOn("#quoteLineDescription1").write("Travel");
        robot.clickOn("#quoteLinePrice1").write("120");
        robot.clickOn("#discount").write("twenty");
        robot.clickOn("#quoteSave");
        UiFixture.until(() -> robot.lookup("#discountError").queryAs(Label.class).getText().contains("not an amount"));
        robot.doubleClickOn("#discount").write("20");
        UiFixture.until(() -> robot.lookup("#quoteTotals").queryAs(Label.class).getText().contains("total 4,100.00 EUR"));
        robot.clickOn("#quoteSave");
        @SuppressWarnings("unchecked")
        ListView<Quote> versions = robot.lookup("#quoteVersions").queryAs(ListView.class);
        UiFixture.until(() -> versions.getItems().size() == 1);
        Path pdf = dir.resolve("Grace Hopper quote.pdf");
        ui.nextSave = pdf;
        robot.clickOn("#quoteSavePdf");
        UiFixture.until(() -> robot.lookup("#quoteMessage").queryAs(Label.class).getText().contains("marked the quote as sent"));
        assertThat(versions.getItems().get(0).status()).isEqualTo(QuoteStatus.SENT);
        try {
            assertThat(QuoteServiceTest.pdfText(pdf)).contains("Grace Hopper", "Retirement party", "Jazz trio (3:00)",
                    "Travel", "4,100.00 EUR");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        robot.clickOn("#quoteClose");
        UiFixture.until(() -> inquiries.getItems().size() == 1
                && ((InquiryRow) inquiries.getItems().get(0)).status() == InquiryStatus.QUOTED);

        robot.clickOn("Grace Hopper");
        robot.clickOn("#convertInquiry");
        UiFixture.until(() -> robot.lookup("#fee").tryQuery().isPresent());
        assertThat(robot.lookup("#fee").queryTextInputControl().getText()).isEqualTo("4100.00"); // the quote's net
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
        assertThat(row.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(row.title()).isEqualTo("Retirement party — Grace Hopper");
        assertThat(row.feeMinor()).isEqualTo(410_000L);
        assertThat(ui.app.quotes.versions(Actor.owner(), versions.getItems().get(0).inquiryId()).get(0).status())
                .isEqualTo(QuoteStatus.ACCEPTED);
        ui.assertNoErrors();
    }
}
