package dev.stagedesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.attachment.Attachment;
import dev.stagedesk.catalogue.PackageDraft;
import dev.stagedesk.catalogue.ServicePackage;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.payment.PaymentState;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.ui.LookupField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** New booking as a monthly series, the list's filters, the booking's own screen with its tabs and actions. */
@ExtendWith(ApplicationExtension.class)
class BookingScreenUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace"));
        app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Zed Other"));
        app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"), List.of(),
                50_000, "EUR", 1500, 0, null, null, null, true, null));
        app.packages.create(Actor.owner(), new PackageDraft("DJ set", null, 180, 120_000L,
                "EUR", 1, "DJ", true));
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.BOOKINGS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMonthlySeriesFromTheFormThenOneBookingOnItsOwnScreen(FxRobot robot) throws Exception {
        TableView<BookingRow> table = robot.lookup("#bookingsTable").queryAs(TableView.class);
        robot.clickOn("#newBooking");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        ComboBox<ServicePackage> pkg = robot.lookup("#package").queryAs(ComboBox.class);
        robot.interact(() -> pkg.getSelectionModel().select(0));
        assertThat(robot.lookup("#title").queryTextInputControl().getText()).isEqualTo("DJ set");
        assertThat(robot.lookup("#fee").queryTextInputControl().getText()).isEqualTo("1200.00");
        robot.doubleClickOn("#fee").write("lots");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#feeError").queryAs(Label.class).getText().contains("not an amount"));
        assertThat(robot.lookup("#clientError").queryAs(Label.class).getText()).contains("Choose a client");
        assertThat(robot.lookup("#dateError").queryAs(Label.class).getText()).isEqualTo("Required.");
        robot.doubleClickOn("#fee").write("1250");
        LookupField<ClientRow> client = robot.lookup("#client").queryAs(LookupField.class);
        ClientRow ada = ui.app.clientQuery.suggest(Actor.owner(), "ada", 1).get(0);
        robot.interact(() -> client.pick(ada));
        DatePicker date = robot.lookup("#date").queryAs(DatePicker.class);
        robot.interact(() -> date.setValue(LocalDate.of(2027, 1, 1))); // the first Friday of 2027
        SearchableComboBox<PerformerChoice> pick = robot.lookup("#bookingPerformerPick").queryAs(SearchableComboBox.class);
        robot.interact(() -> pick.getSelectionModel().select(0));
        // the button may lie below the sheet's scrolled viewport at 1280x800: press it rather than click a screen point
        robot.interact(() -> robot.lookup("#bookingAddPerformer").queryButton().fire());
        ComboBox<BookingForms.Repeat> repeat = robot.lookup("#repeat").queryAs(ComboBox.class);
        robot.interact(() -> repeat.setValue(BookingForms.Repeat.MONTHLY));
        DatePicker until = robot.lookup("#until").queryAs(DatePicker.class);
        robot.interact(() -> until.setValue(LocalDate.of(2027, 4, 30)));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#bookingMessage").queryAs(Label.class).getText()
                .equals("4 bookings created (BK-2026-000001 … BK-2026-000004)."));
        UiFixture.until(() -> table.getItems().size() == 4);

        // filters: a client with no bookings empties the list, clearing brings them back; payment state
        LookupField<ClientRow> clientFilter = robot.lookup("#bookingsClient").queryAs(LookupField.class);
        ClientRow zed = ui.app.clientQuery.suggest(Actor.owner(), "zed", 1).get(0);
        robot.interact(() -> clientFilter.pick(zed));
        UiFixture.until(() -> table.getItems().isEmpty());
        robot.clickOn("#bookingsClearFilters");
        UiFixture.until(() -> table.getItems().size() == 4);
        ComboBox<PaymentState> payment = robot.lookup("#bookingsPayment").queryAs(ComboBox.class);
        robot.interact(() -> payment.setValue(PaymentState.PAID));
        UiFixture.until(() -> table.getItems().isEmpty());
        robot.interact(() -> payment.setValue(PaymentState.UNPAID));
        UiFixture.until(() -> table.getItems().size() == 4);

        // the latest one on its own screen
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#openBooking");
        UiFixture.until(() -> robot.lookup("#bookingDetailTitle").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#bookingDetailTitle").queryAs(Label.class).getText())
                .isEqualTo("BK-2026-000004 — DJ set");
        assertThat(robot.lookup("#bookingDetailStatus").queryAs(Label.class).getText()).isEqualTo("On hold");
        TabPane tabs = robot.lookup("#bookingTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getId()).containsExactly("overviewTab", "performersTab",
                "paymentsTab", "documentsTab", "notesTab", "historyTab");
        robot.clickOn("#performersTab");
        TableView<BookingService.HoldView> holds = robot.lookup("#detailHoldsTable").queryAs(TableView.class);
        assertThat(holds.getItems()).extracting(BookingService.HoldView::performer).containsExactly("DJ Nova");

        Path rider = dir.resolve("rider.txt");
        Files.writeString(rider, "Two monitors, one mic.");
        ui.nextOpen = rider;
        robot.clickOn("#notesTab");
        robot.clickOn("#addAttachment");
        ListView<Attachment> files = robot.lookup("#attachmentsList").queryAs(ListView.class);
        UiFixture.until(() -> files.getItems().size() == 1);
        assertThat(files.getItems().get(0).fileName()).isEqualTo("rider.txt");

        robot.clickOn("#detailReschedule");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#startsAt").queryTextInputControl().setText("21:30"));
        robot.interact(() -> robot.lookup("#endsAt").queryTextInputControl().setText("0:30"));
        robot.clickOn("#reason").write("Band asked for later");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#bookingDetailMessage").queryAs(Label.class).getText()
                .equals("Booking BK-2026-000004 rescheduled."));
        robot.clickOn("#overviewTab");
        UiFixture.until(() -> robot.lookup(".label").queryAll().stream().anyMatch(n -> n instanceof Label l
                && l.getText().contains("Band asked for later")));

        robot.clickOn("#seriesEdit");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        robot.clickOn("#fee").write("1300");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#bookingDetailMessage").queryAs(Label.class).getText()
                .equals("4 bookings of the series changed."));
        assertThat(ui.app.bookingQuery.page(Actor.owner(), PageRequest.first(10),
                BookingFilter.NONE).rows()).extracting(BookingRow::feeMinor).containsOnly(130_000L);

        robot.clickOn("#backToBookings");
        UiFixture.until(() -> robot.lookup("#bookingsTable").queryAs(TableView.class).isVisible());
        ui.assertNoErrors();
    }
}
