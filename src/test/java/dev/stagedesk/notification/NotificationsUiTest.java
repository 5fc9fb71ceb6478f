package dev.stagedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.ui.Format;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The bell's count, the list, opening the booking a notice is about, mark all read, the kinds one wants. */
@ExtendWith(ApplicationExtension.class)
class NotificationsUiTest {
    @TempDir
    Path dir;
    UiFixture ui;
    Booking soon;
    Booking later;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null, "cora-pass-1".toCharArray());
        Actor cora = app.users.signIn("cora", "cora-pass-1".toCharArray());
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        soon = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null,
                TestStore.NOW.plus(Duration.ofDays(2)), TestStore.NOW.plus(Duration.ofDays(2).plusHours(3)),
                "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED, List.of());
        later = app.bookings.create(Actor.owner(), new BookingDraft("Brunch", client, null, null,
                TestStore.NOW.plus(Duration.ofDays(5)), TestStore.NOW.plus(Duration.ofDays(5).plusHours(3)),
                "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED, List.of());
        app.notifications.raiseDue(Actor.system(), TestStore.NOW);
        ui = new UiFixture(app, stage, cora);
        ui.shell.notices().setToasts(false);
        ui.shell.show(Area.DASHBOARD);
    }

    @AfterEach
    void close() {
        ui.close();
        Format.useAgencyZone(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void noticeTimesAreShownInTheAgencysZoneNotTheMachines(FxRobot robot) {
        TestStore.onAUtcMachine(() -> {
            TestStore.zone(ui.app, "Pacific/Auckland");
            robot.clickOn("#notificationBell");
            ListView<NotificationQuery.Row> list = robot.lookup("#noticesList").queryAs(ListView.class);
            UiFixture.until(() -> list.getItems().size() == 2);
            Instant created = list.getItems().get(0).createdAt();
            String auckland = Format.dateTime(created, ZoneId.of("Pacific/Auckland"));
            String utc = Format.dateTime(created, ZoneOffset.UTC);
            assertThat(auckland).isNotEqualTo(utc);
            UiFixture.until(() -> robot.lookup("#noticesList .label").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText().endsWith(" · " + auckland)));
            assertThat(robot.lookup("#noticesList .label").queryAllAs(Label.class).stream().map(Label::getText))
                    .noneMatch(t -> t.endsWith(" · " + utc));
        });
        ui.assertNoErrors();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBellCountsTheListOpensTheBookingAndMarkAllReadClearsIt(FxRobot robot) {
        Label count = robot.lookup("#notificationCount").queryAs(Label.class);
        UiFixture.until(() -> count.isVisible() && count.getText().equals("2"));
        robot.clickOn("#notificationBell");
        ListView<NotificationQuery.Row> list = robot.lookup("#noticesList").queryAs(ListView.class);
        UiFixture.until(() -> list.getItems().size() == 2);
        assertThat(list.getItems()).allMatch(NotificationQuery.Row::unread);
        // filter: unread only keeps both; open the one about the gala
        robot.clickOn("#noticesUnreadOnly");
        UiFixture.until(() -> robot.lookup("#noticesSummary").queryAs(Label.class).getText().contains("2 unread"));
        NotificationQuery.Row gala = list.getItems().stream().filter(r -> r.entityId().equals(soon.id())).findFirst()
                .orElseThrow();
        robot.interact(() -> list.getSelectionModel().select(gala));
        robot.clickOn("#noticesOpen");
        UiFixture.until(() -> ui.shell.current() == Area.BOOKINGS);
        UiFixture.until(() -> robot.lookup("#bookingDetailTitle").tryQuery()
                .map(n -> ((Label) n).getText().startsWith(soon.number())).orElse(false));
        UiFixture.until(() -> count.getText().equals("1"));
        // back to the list: mark all read, the bell goes quiet
        robot.clickOn("#notificationBell");
        UiFixture.until(() -> robot.lookup("#noticesList").tryQuery().isPresent());
        ListView<NotificationQuery.Row> again = robot.lookup("#noticesList").queryAs(ListView.class);
        UiFixture.until(() -> again.getItems().size() == 1); // still "unread only"
        robot.clickOn("#noticesMarkAll");
        UiFixture.until(() -> again.getItems().isEmpty());
        UiFixture.until(() -> !count.isVisible());
        ui.assertNoErrors();
    }

    /** Issue 18: the digest read "Nothing unread" while the bell showed 46; both read one count, and follow it. */
    @Test
    void theDigestShowsTheBellsCountAndFollowsIt(FxRobot robot) {
        Label count = robot.lookup("#notificationCount").queryAs(Label.class);
        UiFixture.until(() -> count.getText().equals("2"));
        robot.interact(() -> ui.shell.notices().showDigest(LocalDate.of(2026, 11, 21), 0));
        UiFixture.until(() -> robot.lookup("#digestUnread").tryQuery()
                .map(n -> ((Label) n).getText().equals("Unread notifications: 2")).orElse(false));
        // a notice raised while the digest is open (the timer's first run after sign-in) shows in both
        UUID client = ui.app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Bea")).id();
        ui.app.bookings.create(Actor.owner(), new BookingDraft("Party", client, null, null,
                TestStore.NOW.plus(Duration.ofDays(1)), TestStore.NOW.plus(Duration.ofDays(1).plusHours(3)),
                "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED, List.of());
        assertThat(ui.app.notifications.raiseDue(Actor.system(), TestStore.NOW)).isPositive();
        robot.interact(() -> ui.shell.notices().refresh());
        UiFixture.until(() -> count.getText().equals("3"));
        UiFixture.until(() -> robot.lookup("#digestUnread").tryQuery()
                .map(n -> ((Label) n).getText().equals("Unread notifications: 3")).orElse(false));
        ui.assertNoErrors();
    }

    @Test
    void aUserTurnsAKindOff(FxRobot robot) {
        robot.clickOn("#notificationBell");
        UiFixture.until(() -> robot.lookup("#noticesKinds").tryQuery().isPresent());
        robot.clickOn("#noticesKinds");
        UiFixture.until(() -> robot.lookup("#kind-PAYMENT_RECEIVED").tryQuery().isPresent());
        assertThat(robot.lookup("#kind-PAYMENT_RECEIVED").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#kind-PAYMENT_RECEIVED");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#noticesSummary").queryAs(Label.class).getText()
                .contains("you get " + (Notifications.KINDS.size() - 1) + " of"));
        assertThat(ui.app.notificationQuery.wanted(ui.app.users.signIn("cora", "cora-pass-1".toCharArray())))
                .doesNotContain(NotificationKind.PAYMENT_RECEIVED.name()).contains(NotificationKind.EVENT_UNASSIGNED.name());
        ui.assertNoErrors();
    }
}
