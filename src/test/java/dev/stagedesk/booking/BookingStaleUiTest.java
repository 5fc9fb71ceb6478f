package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.app.Area;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.Database;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.ui.ReloadOffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.control.Hyperlink;
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
 * The bookings list on screen: a hold confirmed from a row that someone at another desk (a second application on
 * the same store) rescheduled since the list loaded is refused with a Reload offer naming them; Reload brings the
 * row as it is now, selected, and Confirm then goes through.
 */
@ExtendWith(ApplicationExtension.class)
class BookingStaleUiTest {
    static final Instant SAT = Instant.parse("2026-12-12T18:00:00Z");

    @TempDir
    Path dir;
    UiFixture ui;
    Booking gala;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.users.create(Actor.owner(), "maria", "Maria Schulz", null, EnumSet.of(Role.COORDINATOR), null,
                "maria-pass-1".toCharArray());
        var client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, SAT,
                SAT.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.HOLD,
                List.of());
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.BOOKINGS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStaleConfirmFromTheListOffersReloadAndReloadBringsTheNewState(FxRobot robot) {
        TableView<BookingRow> table = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        UiFixture.until(() -> !robot.lookup("#confirmBooking").queryButton().isDisabled());

        Booking moved;
        try (AppContext other = new AppContext(ui.app.folder, Database.open(ui.app.folder), ui.app.clock,
                Ids.timeOrdered(), d -> { })) {
            Actor maria = other.users.signIn("maria", "maria-pass-1".toCharArray());
            moved = other.bus.execute(maria, new BookingService.RescheduleBooking(gala.id(), gala.version(),
                    SAT.plus(Duration.ofHours(1)), SAT.plus(Duration.ofHours(5)), "Venue asked"));
        }

        robot.clickOn("#confirmBooking");
        UiFixture.until(() -> !ui.errors.isEmpty());
        assertThat(ui.errors).hasSize(1).first().isInstanceOf(ReloadOffer.class);
        ReloadOffer offer = (ReloadOffer) ui.errors.remove(0);
        assertThat(offer.getMessage()).isEqualTo("Booking \"" + gala.number() + "\" was changed by Maria Schulz on "
                + "21 Nov 2026 at 11:00 since you opened it. Reload it and make your change again.");
        assertThat(ui.app.bookings.find(gala.id()).status()).isEqualTo(BookingStatus.HOLD);
        assertThat(table.getItems().get(0).version()).isEqualTo(gala.version());

        robot.interact(offer::reload);
        UiFixture.until(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().version() == moved.version());
        assertThat(table.getSelectionModel().getSelectedItem().startsAt()).isEqualTo(moved.startsAt());
        robot.clickOn("#confirmBooking");
        UiFixture.until(() -> robot.lookup("#bookingMessage").queryAs(Label.class).getText()
                .equals("Booking " + gala.number() + " is confirmed."));
        assertThat(ui.app.bookings.find(gala.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(ui.app.bookings.find(gala.id()).startsAt()).isEqualTo(moved.startsAt());
        UiFixture.until(() -> table.getSelectionModel().getSelectedItem().status() == BookingStatus.CONFIRMED);
        ui.assertNoErrors();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStaleEditSheetOnTheBookingsScreenShowsReloadWhichFillsInTheStoredValues(FxRobot robot) {
        TableView<BookingRow> table = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#openBooking");
        UiFixture.until(() -> robot.lookup("#detailEdit").tryQuery().isPresent()
                && !robot.lookup("#detailEdit").queryButton().isDisabled());
        robot.clickOn("#detailEdit");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        assertThat(robot.lookup("#fee").queryTextInputControl().getText()).isEqualTo("2000.00");
        robot.interact(() -> robot.lookup("#title").queryTextInputControl().setText("Winter gala"));

        try (AppContext other = new AppContext(ui.app.folder, Database.open(ui.app.folder), ui.app.clock,
                Ids.timeOrdered(), d -> { })) {
            Actor maria = other.users.signIn("maria", "maria-pass-1".toCharArray());
            other.bus.execute(maria, new BookingService.UpdateBookingDetails(gala.id(), gala.version(), "Gala",
                    250_000, 1900, "Door: Tom", null));
        }

        robot.interact(() -> robot.lookup("#saveButton").queryButton().fire());
        UiFixture.until(() -> robot.lookup("#formReload").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#formError").queryAs(Label.class).getText()).contains("was changed by Maria Schulz");
        assertThat(ui.app.bookings.find(gala.id()).title()).isEqualTo("Gala");

        robot.interact(() -> robot.lookup("#formReload").queryAs(Hyperlink.class).fire());
        UiFixture.until(() -> robot.lookup("#fee").queryTextInputControl().getText().equals("2500.00"));
        assertThat(robot.lookup("#contactOnDay").queryTextInputControl().getText()).isEqualTo("Door: Tom");
        assertThat(robot.lookup("#formReload").query().isVisible()).isFalse();
        robot.interact(() -> robot.lookup("#title").queryTextInputControl().setText("Winter gala"));
        robot.interact(() -> robot.lookup("#saveButton").queryButton().fire());
        UiFixture.until(() -> robot.lookup("#bookingDetailMessage").queryAs(Label.class).getText()
                .equals("Booking " + gala.number() + " saved."));
        assertThat(ui.app.bookings.find(gala.id()).title()).isEqualTo("Winter gala");
        assertThat(ui.app.bookings.find(gala.id()).feeMinor()).isEqualTo(250_000);
        UiFixture.until(() -> robot.lookup("#bookingDetailTitle").queryAs(Label.class).getText()
                .endsWith("Winter gala"));
        ui.assertNoErrors();
    }
}
