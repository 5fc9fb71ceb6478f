package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.venue.VenueDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The booking's Performers tab: assign a performer picked from "who is available?", see the conflict named
 * when the same performer goes on an overlapping booking, and mark the payout paid.
 */
@ExtendWith(ApplicationExtension.class)
class AssignmentUiTest {
    static final Instant SAT_20 = LocalDate.of(2027, 6, 12).atTime(20, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();

    @TempDir
    Path dir;
    UiFixture ui;
    Booking gala;
    Booking party;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID hall = app.venues.create(Actor.owner(), new VenueDraft("Hall", null, null, null, "Berlin", null, "DE",
                52.52, 13.405, null, null, null, null)).id();
        app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"), List.of(),
                50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.40, true, null));
        app.performers.create(Actor.owner(), new PerformerDraft("Rex", null, null, null, List.of("DJ"), List.of(),
                80_000, "EUR", 1500, 0, "Munich", 48.14, 11.58, true, null));
        gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, hall, null, SAT_20,
                SAT_20.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
        party = app.bookings.create(Actor.owner(), new BookingDraft("After party", client, hall, null,
                SAT_20.plus(Duration.ofHours(3)), SAT_20.plus(Duration.ofHours(6)), "Europe/Berlin", "EUR", 100_000,
                1900, 1, null, null), BookingStatus.CONFIRMED, List.of());
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.BOOKINGS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @SuppressWarnings("unchecked")
    private void open(FxRobot robot, Booking b) {
        TableView<BookingRow> table = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() == 2);
        robot.interact(() -> table.getItems().stream().filter(r -> r.id().equals(b.id())).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r)));
        robot.clickOn("#openBooking");
        UiFixture.until(() -> robot.lookup("#bookingDetailTitle").tryQuery()
                .map(n -> ((Label) n).getText().startsWith(b.number())).orElse(false));
        robot.clickOn("#performersTab");
    }

    @SuppressWarnings("unchecked")
    private static TableView<BookingDetail.AssignmentView> assignments(FxRobot robot) {
        return robot.lookup("#assignmentsTable").queryAs(TableView.class);
    }

    /** Issue 18: clicking a performer in the drop-down selects it (the keyboard always did). */
    @Test
    @SuppressWarnings("unchecked")
    void clickingAPerformerInTheDropDownSelectsIt(FxRobot robot) {
        open(robot, gala);
        robot.clickOn("#assignPerformer");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        SearchableComboBox<PerformerChoice> performer = robot.lookup("#assignWho").queryAs(SearchableComboBox.class);
        UiFixture.until(() -> performer.getItems().size() == 2);
        assertThat(performer.isShowing()).as("the drop-down does not open by itself").isFalse();
        robot.clickOn(performer);
        UiFixture.until(performer::isShowing);
        ListCell<?> rex = robot.lookup(".list-cell").match((ListCell<?> c) ->
                c.getItem() instanceof PerformerChoice p && p.stageName().equals("Rex")).query();
        robot.clickOn(rex);
        UiFixture.until(() -> performer.getValue() != null);
        assertThat(performer.getValue().stageName()).isEqualTo("Rex");
        UiFixture.until(() -> !performer.isShowing());
        ui.assertNoErrors();
    }

    @Test
    @SuppressWarnings("unchecked")
    void assignSeeTheConflictAndMarkThePayoutPaid(FxRobot robot) {
        open(robot, gala);
        robot.clickOn("#assignPerformer");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        TableView<AvailableQuery.Candidate> free = robot.lookup("#availableTable").queryAs(TableView.class);
        UiFixture.until(() -> free.getItems().size() == 2);
        assertThat(free.getItems()).extracting(AvailableQuery.Candidate::stageName).as("nearest first")
                .containsExactly("DJ Nova", "Rex");
        SearchableComboBox<PerformerChoice> performer = robot.lookup("#assignWho").queryAs(SearchableComboBox.class);
        UiFixture.until(() -> performer.getItems().size() == 2);
        robot.interact(() -> free.getSelectionModel().select(0));
        assertThat(performer.getValue().stageName()).isEqualTo("DJ Nova");
        robot.clickOn("#assignRole").write("Headliner");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#bookingDetailMessage").queryAs(Label.class).getText()
                .equals("DJ Nova is on " + gala.number() + "."));
        // the tab is drawn again once the booking has reloaded: always ask for the table shown now
        UiFixture.until(() -> assignments(robot).getItems().size() == 1);
        TableView<BookingDetail.AssignmentView> assigned = assignments(robot);
        assertThat(assigned.getItems().get(0).role()).isEqualTo("Headliner");
        assertThat(assigned.getItems().get(0).payoutMinor()).as("the default fee").isEqualTo(50_000L);
        // the agency's commission for this gig only
        robot.interact(() -> assignments(robot).getSelectionModel().select(0));
        robot.clickOn("#editAssignment");
        UiFixture.until(() -> robot.lookup("#editCommission").tryQuery().isPresent());
        assertThat(robot.lookup("#editCommission").queryTextInputControl().getText()).isEqualTo("15");
        robot.interact(() -> robot.lookup("#editCommission").queryTextInputControl().setText("20"));
        robot.interact(() -> robot.lookup("#editPayout").queryTextInputControl().setText("550"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#bookingDetailMessage").queryAs(Label.class).getText()
                .equals("DJ Nova's assignment changed."));
        UiFixture.until(() -> assignments(robot).getItems().size() == 1
                && assignments(robot).getItems().get(0).commissionBp() == 2000
                && assignments(robot).getItems().get(0).payoutMinor() == 55_000L);

        // the overlapping booking: Nova is not offered, and choosing her anyway names the conflict
        robot.clickOn("#backToBookings");
        open(robot, party);
        robot.clickOn("#assignPerformer");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        TableView<AvailableQuery.Candidate> stillFree = robot.lookup("#availableTable").queryAs(TableView.class);
        UiFixture.until(() -> stillFree.getItems().size() == 1);
        assertThat(stillFree.getItems().get(0).stageName()).isEqualTo("Rex");
        SearchableComboBox<PerformerChoice> again = robot.lookup("#assignWho").queryAs(SearchableComboBox.class);
        UiFixture.until(() -> again.getItems().size() == 2);
        robot.interact(() -> again.setValue(again.getItems().stream().filter(p -> p.stageName().equals("DJ Nova"))
                .findFirst().orElseThrow()));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#formError").queryAs(Label.class).getText()
                .contains("DJ Nova is already on " + gala.number() + " (Gala)"));
        assertThat(robot.lookup("#formError").queryAs(Label.class).getText()).contains("12 Jun 2027 20:00–13 Jun 2027 00:00")
                .as("an admin is told how to override").contains("save it anyway with an override reason");
        // and the field for the reason is right there, in view below the message (not pushed out of the sheet)
        TextField reason = robot.lookup("#assignOverride").queryAs(TextField.class);
        ScrollPane scroll = robot.lookup("#formScroll").queryAs(ScrollPane.class);
        UiFixture.until(reason::isVisible);
        Bounds field = reason.localToScene(reason.getBoundsInLocal());
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        assertThat(field.getMinY()).isGreaterThanOrEqualTo(view.getMinY());
        assertThat(field.getMaxY()).isLessThanOrEqualTo(view.getMaxY());
        Bounds message = robot.lookup("#formError").queryAs(Label.class)
                .localToScene(robot.lookup("#formError").queryAs(Label.class).getBoundsInLocal());
        assertThat(field.getMinY()).as("below the message").isGreaterThanOrEqualTo(message.getMaxY());
        robot.clickOn("#cancelButton");
        assertThat(ui.app.bookingDetails.load(Actor.owner(), party.id()).assignments()).isEmpty();

        // the payout of the first gig, paid
        robot.clickOn("#backToBookings");
        open(robot, gala);
        UiFixture.until(() -> assignments(robot).getItems().size() == 1);
        robot.interact(() -> assignments(robot).getSelectionModel().select(0));
        robot.clickOn("#markPayoutsPaid");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        robot.clickOn("#payoutReference").write("T-2027-118");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#bookingDetailMessage").queryAs(Label.class).getText()
                .equals("1 payout marked paid."));
        UiFixture.until(() -> assignments(robot).getItems().size() == 1
                && assignments(robot).getItems().get(0).payoutStatus() == PayoutStatus.PAID);
        ui.assertNoErrors();
    }
}
