package dev.stagedesk.payout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.PdfText;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.ui.Format;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What is owed, by performer: open a group to its gigs, pay a whole performer at once, save a statement. */
@ExtendWith(ApplicationExtension.class)
class PayoutsUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1000, 0, null, null, null, true, null)).id();
        UUID rex = app.performers.create(Actor.owner(), new PerformerDraft("Rex", null, null, null, List.of("DJ"),
                List.of(), 30_000, "EUR", 0, 0, null, null, null, true, null)).id();
        Instant past = TestStore.NOW.minus(Duration.ofDays(20));
        for (int i = 0; i < 3; i++) {
            Instant start = past.plus(Duration.ofDays(i));
            app.bookings.create(Actor.owner(), new BookingDraft("Gig " + i, client, null, null, start,
                    start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null),
                    BookingStatus.CONFIRMED, i < 2 ? List.of(nova) : List.of(rex));
        }
        Instant future = TestStore.NOW.plus(Duration.ofDays(5)); // not owed yet
        app.bookings.create(Actor.owner(), new BookingDraft("Later", client, null, null, future,
                future.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of(nova));
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.PAYOUTS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void payAPerformersGigsTogetherThenSaveTheirStatement(FxRobot robot) throws Exception {
        TreeTableView<PayoutsViewModel.Line> tree = robot.lookup("#outstandingPayouts").queryAs(TreeTableView.class);
        UiFixture.until(() -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);
        var novaGroup = tree.getRoot().getChildren().get(0);
        assertThat(novaGroup.getValue().group().performer()).isEqualTo("DJ Nova");
        assertThat(novaGroup.getValue().group().totalMinor()).as("two past gigs, not the later one").isEqualTo(100_000L);
        robot.interact(() -> novaGroup.setExpanded(true));
        UiFixture.until(() -> novaGroup.getChildren().size() == 2 && novaGroup.getChildren().get(0).getValue() != null);
        // a gig reads as its event, client and date, not only "BK-… · role"
        PayoutsViewModel.Line gig = novaGroup.getChildren().get(0).getValue();
        String shown = (String) tree.getColumns().get(0).getCellData(novaGroup.getChildren().get(0));
        assertThat(shown).startsWith(gig.gig().event() + " · Ada Lovelace (" + gig.gig().bookingNumber());
        assertThat(gig.gig().event()).startsWith("Gig ");
        assertThat((String) tree.getColumns().get(1).getCellData(novaGroup.getChildren().get(0)))
                .isEqualTo(Format.dateTime(gig.gig().gigStart(), gig.gig().timeZone()));
        robot.interact(() -> tree.getSelectionModel().select(novaGroup));
        robot.clickOn("#markOutstandingPaid");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        robot.clickOn("#payoutReference").write("Batch 11");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#outstandingMessage").queryAs(Label.class).getText()
                .equals("2 payouts marked paid."));
        UiFixture.until(() -> tree.getRoot().getChildren().size() == 1);
        assertThat(tree.getRoot().getChildren().get(0).getValue().group().performer()).isEqualTo("Rex");

        Path pdf = dir.resolve("nova.pdf");
        ui.nextSave = pdf;
        robot.clickOn("#openStatement");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        SearchableComboBox<PerformerChoice> who = robot.lookup("#statementPerformer").queryAs(SearchableComboBox.class);
        UiFixture.until(() -> who.getItems().size() == 2);
        robot.interact(() -> who.setValue(who.getItems().get(0)));
        robot.interact(() -> robot.lookup("#statementFrom").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 10, 1)));
        robot.interact(() -> robot.lookup("#statementTo").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 11, 30)));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#outstandingMessage").queryAs(Label.class).getText()
                .equals("Statement saved as nova.pdf."));
        // 1,000.00 gross less 10 % commission; the later gig (26 November) is in the period too
        assertThat(PdfText.of(pdf)).contains("DJ Nova").contains("Gross payouts").contains("1,500.00 EUR")
                .contains("Net take-home").contains("1,350.00 EUR");
        ui.assertNoErrors();
    }
}
