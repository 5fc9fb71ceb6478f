package dev.stagedesk.performer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.attachment.Attachment;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingFilter;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The roster filtered by act and city, a new performer from the form, and a month of free, hold, booked, blocked. */
@ExtendWith(ApplicationExtension.class)
class PerformersUiTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin"); // the test store's agency zone
    @TempDir
    Path dir;
    UiFixture ui;
    UUID nova;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null,
                List.of("DJ", "MC"), List.of("House"), 50_000, "EUR", 0, 0, "Berlin", null, null, true, null)).id();
        app.performers.create(Actor.owner(), new PerformerDraft("Brass Crew", null, null, null, List.of("Band"),
                List.of("Jazz"), 90_000, "EUR", 0, 0, "Hamburg", null, null, true, null));
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        // December 2026: booked on the 4th, on hold on the 11th
        app.bookings.create(Actor.owner(), draft(client, "Gala", LocalDate.of(2026, 12, 4)), BookingStatus.CONFIRMED, List.of(nova));
        app.bookings.create(Actor.owner(), draft(client, "Maybe", LocalDate.of(2026, 12, 11)), BookingStatus.HOLD, List.of(nova));
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.PERFORMERS);
    }

    private static BookingDraft draft(UUID client, String title, LocalDate day) {
        Instant start = day.atTime(19, 0).atZone(ZONE).toInstant();
        return new BookingDraft(title, client, null, null, start, start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR",
                100_000, 1900, 1, null, null);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void filterCreateAndSeeAMonth(FxRobot robot) {
        TableView<PerformerRow> table = robot.lookup("#performersTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() == 2);
        robot.clickOn("#performersAct").write("mc");
        UiFixture.until(() -> table.getItems().size() == 1 && table.getItems().get(0).stageName().equals("DJ Nova"));
        robot.interact(() -> robot.lookup("#performersAct").queryTextInputControl().clear());
        robot.clickOn("#performersCity").write("hamburg");
        UiFixture.until(() -> table.getItems().size() == 1 && table.getItems().get(0).stageName().equals("Brass Crew"));
        robot.interact(() -> robot.lookup("#performersCity").queryTextInputControl().clear());
        UiFixture.until(() -> table.getItems().size() == 2);

        robot.clickOn("#newPerformer");
        UiFixture.until(() -> robot.lookup("#formSheet").tryQuery().isPresent());
        robot.clickOn("#stageName").write("Zoë Strings");
        robot.clickOn("#acts").write("Violin, Duo");
        robot.clickOn("#defaultFee").write("abc");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#defaultFeeError").queryAs(Label.class).getText().contains("not an amount"));
        robot.interact(() -> robot.lookup("#defaultFee").queryTextInputControl().setText("400"));
        robot.interact(() -> robot.lookup("#commission").queryTextInputControl().setText("12.5"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#performersMessage").queryAs(Label.class).getText()
                .equals("Zoë Strings saved."));
        var zoe = ui.app.performerQuery.page(Actor.owner(), PageRequest.first(5).withSearch("zoe"),
                false).rows().get(0);
        assertThat(zoe.acts()).isEqualTo("Violin, Duo");
        assertThat(zoe.defaultFeeMinor()).isEqualTo(40_000L);
        assertThat(zoe.commissionBp()).isEqualTo(1250);

        UiFixture.until(() -> table.getItems().size() == 3);
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.stageName().equals("DJ Nova")).findFirst().orElseThrow()));
        robot.clickOn("#performerAvailability");
        UiFixture.until(() -> robot.lookup("#availabilityMonth").tryQuery().map(n -> ((Label) n).getText()
                .equals("November 2026")).orElse(false));
        robot.clickOn("#availabilityNext");
        UiFixture.until(() -> robot.lookup("#day-2026-12-04").tryQuery().isPresent());
        assertThat(state(robot, "2026-12-04")).isEqualTo(PerformerMonth.DayState.BOOKED);
        assertThat(state(robot, "2026-12-11")).isEqualTo(PerformerMonth.DayState.HOLD);
        assertThat(state(robot, "2026-12-05")).isEqualTo(PerformerMonth.DayState.FREE);
        robot.clickOn("#blockPeriod");
        UiFixture.until(() -> robot.lookup("#blockReason").tryQuery().isPresent());
        robot.clickOn("#blockReason").write("Vacation");
        robot.interact(() -> robot.lookup("#blockFrom").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 20)));
        robot.interact(() -> robot.lookup("#blockTo").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 27)));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#day-2026-12-27").tryQuery().map(n -> n.getUserData()
                == PerformerMonth.DayState.BLOCKED).orElse(false));
        assertThat(state(robot, "2026-12-19")).isEqualTo(PerformerMonth.DayState.FREE);
        assertThat(state(robot, "2026-12-28")).isEqualTo(PerformerMonth.DayState.FREE);
        assertThat(ui.app.availableQuery.available(Actor.owner(), ui.app.bookingQuery.page(Actor.owner(),
                PageRequest.first(5), BookingFilter.NONE).rows().get(0).id(),
                null)).isNotNull();
        var month = new PerformerMonth(ui.app.database.dsl()).month(Actor.owner(), nova, YearMonth.of(2026, 12), ZONE);
        assertThat(month.blocks()).extracting(PerformerMonth.Block::reason).containsExactly("Vacation");
        robot.clickOn("#closeAvailability");

        // a contract among the performer's documents
        Path contract = dir.resolve("nova-contract.pdf");
        try {
            Files.writeString(contract, "%PDF-1.4 contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ui.nextOpen = contract;
        robot.clickOn("#performerDocuments");
        UiFixture.until(() -> robot.lookup("#addAttachment").tryQuery().isPresent());
        robot.clickOn("#addAttachment");
        UiFixture.until(() -> robot.lookup("#attachmentsList").queryAs(ListView.class)
                .getItems().size() == 1);
        assertThat(ui.app.attachments.list(Actor.owner(), PerformerService.ENTITY, nova))
                .extracting(Attachment::fileName).containsExactly("nova-contract.pdf");
        robot.clickOn("#closeDocuments");
        ui.assertNoErrors();
    }

    private static PerformerMonth.DayState state(FxRobot robot, String day) {
        return (PerformerMonth.DayState) robot.lookup("#day-" + day).query().getUserData();
    }
}
