package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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

/** Two clients want the same DJ on the same night: challenge, cancel the first, the second moves up and confirms. */
@ExtendWith(ApplicationExtension.class)
class HoldsUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null,
                "cora-pass-1".toCharArray());
        Actor cora = app.users.signIn("cora", "cora-pass-1".toCharArray());
        var client = app.clients.create(cora, ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        var nova = app.performers.create(cora, new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"), List.of(),
                50_000, "EUR", 0, 0, null, null, null, true, null)).id();
        Instant sat = Instant.parse("2026-12-12T18:00:00Z");
        for (String title : List.of("Wedding", "Gala")) {
            app.bookings.create(cora, new BookingDraft(title, client, null, null, sat, sat.plus(Duration.ofHours(4)),
                    "Europe/Berlin", "EUR", 100_000, 0, 1, null, null), BookingStatus.HOLD, List.of(nova));
        }
        ui = new UiFixture(app, stage, cora);
        ui.shell.show(Area.BOOKINGS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void challengeCancelPromoteConfirm(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<BookingRow> bookings = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> bookings.getItems().size() == 2);
        robot.clickOn("BK-2026-000002");
        robot.clickOn("#bookingHolds");
        UiFixture.until(() -> robot.lookup("#holdsTable").tryQuery().isPresent());
        TableView<?> holds = robot.lookup("#holdsTable").queryAs(TableView.class);
        assertThat(((BookingService.HoldView) holds.getItems().get(0)).rank()).isEqualTo(2);
        robot.clickOn("DJ Nova");
        robot.clickOn("#challengeHold");
        UiFixture.until(() -> robot.lookup("#holdResult").queryAs(Label.class).getText().contains("challenged"));
        robot.clickOn("#closeHolds");

        robot.clickOn("BK-2026-000001");
        robot.clickOn("#cancelBooking");
        UiFixture.until(() -> robot.lookup("#reason").tryQuery().isPresent());
        robot.clickOn("#reason").write("Client chose another date");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#bookingMessage").queryAs(Label.class).getText()
                .equals("Booking BK-2026-000001 is cancelled."));

        robot.clickOn("BK-2026-000002");
        robot.clickOn("#confirmBooking");
        UiFixture.until(() -> robot.lookup("#bookingMessage").queryAs(Label.class).getText()
                .equals("Booking BK-2026-000002 is confirmed."));
        UiFixture.until(() -> bookings.getItems().stream().anyMatch(r -> r.number().equals("BK-2026-000002")
                && r.status() == BookingStatus.CONFIRMED));
        ui.assertNoErrors();
    }
}
