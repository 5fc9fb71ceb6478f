package dev.stagedesk.payment;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A German user types amounts as Germans write them: "1.250,50" is 1,250.50, never 125,050 nor a guess. */
@ExtendWith(ApplicationExtension.class)
class GermanAmountsUiTest {
    static final Instant GIG = Instant.parse("2027-02-12T19:00:00Z");
    @TempDir
    Path dir;
    UiFixture ui;
    Booking gala;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, GIG,
                GIG.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
        ui = new UiFixture(app, stage, Actor.owner(), Locale.GERMANY);
        ui.shell.show(Area.BOOKINGS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private static boolean cellSays(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(c -> text.equals(c.getText()));
    }

    private static boolean errorSays(FxRobot robot, String text) {
        return robot.lookup(".field-error").queryAll().stream().anyMatch(n -> ((Label) n).getText().contains(text));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPaymentTypedTheGermanWayIsRecordedToTheCent(FxRobot robot) {
        TableView<BookingRow> table = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() == 1);
        UiFixture.until(() -> cellSays(robot, "2.000,00 EUR")); // the fee, shown the German way
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#openBooking");
        UiFixture.until(() -> robot.lookup("#paymentsTab").tryQuery().isPresent());
        robot.clickOn("#paymentsTab");
        UiFixture.until(() -> robot.lookup("#moneySummary").tryQuery().isPresent());
        robot.clickOn("#recordPayment");
        UiFixture.until(() -> robot.lookup("#paymentAmount").tryQuery().isPresent());
        assertThat(robot.lookup("#paymentAmount").queryTextInputControl().getText()).as("pre-filled the German way")
                .isEqualTo("714,00");

        robot.interact(() -> robot.lookup("#paymentAmount").queryTextInputControl().setText("450.50"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> errorSays(robot, "write it like 1.234,56"));

        robot.interact(() -> robot.lookup("#paymentAmount").queryTextInputControl().setText("1.250,50"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#moneySummary").tryQuery()
                .map(n -> ((Label) n).getText().contains("Partly paid")).orElse(false));
        assertThat(ui.app.database.dsl().select(BOOKING.PAID_MINOR).from(BOOKING).where(BOOKING.ID.eq(gala.id()))
                .fetchSingle().value1()).isEqualTo(125_050L);
        UiFixture.until(() -> cellSays(robot, "1.250,50 EUR")); // the ledger shows it as it was typed
        ui.assertNoErrors();
    }
}
