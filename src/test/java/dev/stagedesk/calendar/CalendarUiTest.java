package dev.stagedesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.calendarfx.view.CalendarView;
import com.calendarfx.view.DayEntryView;
import com.calendarfx.view.DayView;
import dev.stagedesk.app.Area;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.map.RouteService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.SecondContext;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.venue.VenueDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The calendar's week: drag a gig onto a day where its performer already plays and see it refused and put
 * back with the reason; drag it onto a free day and see it moved in the store.
 */
@ExtendWith(ApplicationExtension.class)
class CalendarUiTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TUE = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;
    UiFixture ui;
    Booking gala;
    Booking party;
    UUID place;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID hall = app.venues.create(Actor.owner(), new VenueDraft("Hall", null, null, null, "Berlin", null, "DE",
                52.52, 13.405, null, null, null, null)).id();
        UUID nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.40, true, null)).id();
        Instant tue20 = TUE.atTime(20, 0).atZone(BERLIN).toInstant();
        Instant wed20 = TUE.plusDays(1).atTime(20, 0).atZone(BERLIN).toInstant();
        gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, hall, null, tue20,
                tue20.plus(Duration.ofHours(2)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of(nova));
        party = app.bookings.create(Actor.owner(), new BookingDraft("Party", client, hall, null, wed20,
                wed20.plus(Duration.ofHours(2)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of(nova));
        // a street performance of her own on Thursday, 14:00–16:00, 45 minutes
        place = app.bus.execute(Actor.owner(), new RouteService.AddRouteStop(nova, TUE.plusDays(2),
                "Alexanderplatz", 52.5219, 13.4132, LocalTime.of(14, 0), LocalTime.of(16, 0), 45));
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.CALENDAR);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private DayEntryView entry(FxRobot robot, Booking b) {
        return robot.lookup(n -> n instanceof DayEntryView v && v.getEntry() != null
                && b.id().toString().equals(v.getEntry().getId()) && v.isVisible()).queryAs(DayEntryView.class);
    }

    private DayView day(FxRobot robot, LocalDate date) {
        return robot.lookup(n -> n instanceof DayView v && date.equals(v.getDate()) && v.isVisible()
                && v.getClass().getSimpleName().equals("WeekDayView")).queryAs(DayView.class);
    }

    private void showWeek(FxRobot robot) {
        CalendarView view = robot.lookup("#calendarView").queryAs(CalendarView.class);
        robot.interact(() -> {
            view.showWeekPage();
            view.setDate(TUE);
        });
        UiFixture.until(() -> robot.lookup(n -> n instanceof DayEntryView v && v.getEntry() != null
                && gala.id().toString().equals(v.getEntry().getId())).tryQuery().isPresent());
    }

    private void drag(FxRobot robot, Booking b, LocalDate to) {
        Node from = entry(robot, b);
        Bounds eb = from.localToScreen(from.getBoundsInLocal());
        Node target = day(robot, to);
        Bounds tb = target.localToScreen(target.getBoundsInLocal());
        Point2D grab = new Point2D(eb.getMinX() + eb.getWidth() / 2, eb.getMinY() + Math.min(12, eb.getHeight() / 2));
        robot.moveTo(grab).press(MouseButton.PRIMARY)
                .moveTo(new Point2D(grab.getX() + 10, grab.getY()))
                .moveTo(new Point2D(tb.getMinX() + tb.getWidth() / 2, grab.getY()))
                .release(MouseButton.PRIMARY);
    }

    @Test
    void draggingOntoADayWhereThePerformerPlaysIsRefusedAndSaysWhy(FxRobot robot) {
        showWeek(robot);
        drag(robot, gala, TUE.plusDays(1));
        Label message = robot.lookup("#calendarMessage").queryAs(Label.class);
        UiFixture.until(() -> message.getText().contains("Not moved"));
        assertThat(message.getText()).contains(gala.number()).contains("DJ Nova").contains(party.number());
        Booking stored = ui.app.bookings.find(gala.id());
        assertThat(stored.startsAt()).isEqualTo(gala.startsAt());
        // and the calendar shows it where it was
        UiFixture.until(() -> entry(robot, gala).getEntry().getStartDate().equals(TUE));
        ui.assertNoErrors();
    }

    @Test
    void draggingOntoAFreeDayReschedulesTheBooking(FxRobot robot) {
        showWeek(robot);
        drag(robot, gala, TUE.plusDays(2));
        Label message = robot.lookup("#calendarMessage").queryAs(Label.class);
        UiFixture.until(() -> message.getText().contains("moved to"));
        Booking stored = ui.app.bookings.find(gala.id());
        assertThat(LocalDate.ofInstant(stored.startsAt(), BERLIN)).isEqualTo(TUE.plusDays(2));
        assertThat(Duration.between(stored.startsAt(), stored.endsAt())).isEqualTo(Duration.ofHours(2));
        ui.assertNoErrors();
    }

    @Test
    void aDragOfABookingChangedElsewhereIsRefusedWithWhoAndWhenAndReloadLetsItMove(FxRobot robot) {
        showWeek(robot);
        // another console on the same store moves the gala an hour later meanwhile
        var other = SecondContext.on(ui.app, new MovableClock(TestStore.NOW.plus(Duration.ofMinutes(75))));
        Actor maria = SecondContext.user(ui.app, "maria", "Maria Schulz", Set.of(Role.COORDINATOR));
        Instant later = gala.startsAt().plus(Duration.ofHours(1));
        other.bus.execute(maria, new BookingService.RescheduleBooking(gala.id(), gala.version(), later,
                later.plus(Duration.ofHours(2)), "later"));
        drag(robot, gala, TUE.plusDays(2));
        Label message = robot.lookup("#calendarMessage").queryAs(Label.class);
        UiFixture.until(() -> message.getText().contains("Not moved"));
        assertThat(message.getText()).contains("changed by Maria Schulz on 21 Nov 2026 at 12:15");
        Button reload = robot.lookup("#calendarReload").queryButton();
        assertThat(reload.isVisible()).isTrue();
        assertThat(ui.app.bookings.find(gala.id()).startsAt()).isEqualTo(later);
        UiFixture.until(() -> entry(robot, gala).getEntry().getStartDate().equals(TUE));
        robot.clickOn(reload);
        UiFixture.until(() -> !reload.isVisible() && entry(robot, gala).getEntry().getStartAsZonedDateTime()
                .toInstant().equals(later));
        drag(robot, gala, TUE.plusDays(2));
        UiFixture.until(() -> message.getText().contains("moved to"));
        assertThat(LocalDate.ofInstant(ui.app.bookings.find(gala.id()).startsAt(), BERLIN)).isEqualTo(TUE.plusDays(2));
        ui.assertNoErrors();
    }

    @Test
    void aPerformersRoutePlaceIsInTheCalendarAndAStatusFilterLeavesItOut(FxRobot robot) {
        showWeek(robot);
        String id = "place:" + place;
        UiFixture.until(() -> robot.lookup(n -> n instanceof DayEntryView v && v.getEntry() != null
                && id.equals(v.getEntry().getId()) && v.isVisible()).tryQuery().isPresent());
        DayEntryView v = robot.lookup(n -> n instanceof DayEntryView e && e.getEntry() != null
                && id.equals(e.getEntry().getId()) && e.isVisible()).queryAs(DayEntryView.class);
        assertThat(v.getEntry().getTitle()).isEqualTo("Alexanderplatz · DJ Nova");
        assertThat(v.getEntry().getStartAsZonedDateTime().withZoneSameInstant(BERLIN).toLocalDateTime())
                .isEqualTo(TUE.plusDays(2).atTime(14, 0));
        assertThat(v.getEntry().getEndAsZonedDateTime().withZoneSameInstant(BERLIN).toLocalDateTime())
                .isEqualTo(TUE.plusDays(2).atTime(14, 45));
        assertThat(v.getEntry().getCalendar().isReadOnly()).isTrue();
        robot.interact(() -> robot.lookup("#calendarStatus").queryComboBox().getSelectionModel().select(BookingStatus.CONFIRMED));
        UiFixture.until(() -> robot.lookup(n -> n instanceof DayEntryView e && e.getEntry() != null
                && id.equals(e.getEntry().getId()) && e.isVisible()).tryQuery().isEmpty());
        ui.assertNoErrors();
    }
}
