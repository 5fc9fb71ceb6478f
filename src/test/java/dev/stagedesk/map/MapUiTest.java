package dev.stagedesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
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
 * The offline map in the real shell: venue markers are drawn, clicking a booking's marker selects it and its popover
 * opens the booking, and a performer's day shows its route with each leg's distance and time (a late leg explained).
 */
@ExtendWith(ApplicationExtension.class)
class MapUiTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The store's today (TestStore.NOW). */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path dir;
    UiFixture ui;
    Booking gala;
    Booking late;
    UUID nova;
    GeoPoint hall = new GeoPoint(52.5200, 13.4050);
    GeoPoint leipzig = new GeoPoint(51.3397, 12.3731);

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID hallId = app.venues.create(Actor.owner(), new VenueDraft("Hall", null, null, null, "Berlin", null, "DE",
                hall.latitude(), hall.longitude(), null, null, null, null)).id();
        UUID leipzigId = app.venues.create(Actor.owner(), new VenueDraft("Moritzbastei", null, null, null, "Leipzig",
                null, "DE", leipzig.latitude(), leipzig.longitude(), null, null, null, null)).id();
        app.venues.create(Actor.owner(), new VenueDraft("Elbe", null, null, null, "Hamburg", null, "DE", 53.5511,
                9.9937, null, null, null, null));
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.40, true, null)).id();
        Instant two = TODAY.atTime(14, 0).atZone(BERLIN).toInstant();
        gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, hallId, null, two,
                two.plus(Duration.ofHours(2)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of(nova));
        // Leipzig late the same evening (the conflict check's travel rule is kept: a 7 h gap)
        Instant nine = TODAY.atTime(23, 0).atZone(BERLIN).toInstant();
        late = app.bookings.create(Actor.owner(), new BookingDraft("Club night", client, leipzigId, null, nine,
                nine.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of(nova));
        // a street show in between whose window closes before she can get there from Berlin
        app.routes.add(Actor.owner(), new RouteService.AddRouteStop(nova, TODAY, "Markt Leipzig", 51.3406, 12.3747,
                LocalTime.of(16, 30), LocalTime.of(17, 0), 30));
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.MAP);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private OfflineMapView map(FxRobot robot) {
        return robot.lookup("#offlineMap").queryAs(OfflineMapView.class);
    }

    private void clickAt(FxRobot robot, GeoPoint p) {
        OfflineMapView map = map(robot);
        Point2D[] screen = new Point2D[1];
        robot.interact(() -> screen[0] = map.localToScreen(map.toView(p)));
        robot.clickOn(screen[0]);
    }

    @Test
    void venueMarkersAreDrawnAndClickingABookingSelectsItAndOpensIt(FxRobot robot) {
        UiFixture.until(() -> map(robot).scene().markers().size() == 5);
        OfflineMapView map = map(robot);
        assertThat(map.scene().markers(MapScene.Layer.VENUES)).extracting(MapScene.Marker::label)
                .containsExactlyInAnyOrder("Hall", "Moritzbastei", "Elbe");
        assertThat(map.scene().markers(MapScene.Layer.BOOKINGS)).extracting(MapScene.Marker::status)
                .containsOnly(BookingStatus.CONFIRMED);

        assertThat(map.drawnMarkers()).isGreaterThan(0);
        assertThat(robot.lookup("#mapStatusLine").queryAs(Label.class).getText())
                .startsWith("2 bookings · 3 venues");

        robot.interact(() -> map.centerOn(hall, 12));
        clickAt(robot, hall);
        UiFixture.until(() -> robot.lookup("#markerPopover").tryQuery().isPresent());
        assertThat(robot.lookup("#mapSelection").queryAs(Label.class).getText()).contains(gala.number());
        assertThat(robot.lookup("#markerPopover .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains(gala.number() + " · Gala").contains("DJ Nova"));
        Button open = robot.lookup("#popoverOpen").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Open booking")).findFirst().orElseThrow();
        robot.clickOn(open);
        UiFixture.until(() -> robot.lookup("#bookingDetailTitle").tryQuery().isPresent()
                && robot.lookup("#bookingDetailTitle").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#bookingDetailTitle").queryAs(Label.class).getText()).startsWith(gala.number());
        ui.assertNoErrors();
    }

    @Test
    void aPerformersDayShowsItsRouteWithLegsAndALateLegIsExplained(FxRobot robot) {
        @SuppressWarnings("unchecked")
        SearchableComboBox<PerformerChoice> who = robot.lookup("#mapPerformer").queryAs(SearchableComboBox.class);
        UiFixture.until(() -> who.getItems().size() > 1);
        robot.interact(() -> who.setValue(who.getItems().stream().filter(p -> p != null && p.id().equals(nova))
                .findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        ListView<Route.Stop> stops = robot.lookup("#routeStops").queryAs(ListView.class);
        UiFixture.until(() -> stops.getItems().size() == 3);
        assertThat(stops.getItems()).extracting(Route.Stop::label).containsExactly(gala.number() + " Gala @ Hall",
                "Markt Leipzig", late.number() + " Club night @ Moritzbastei");
        OfflineMapView map = map(robot);
        List<MapScene.Line> legs = map.scene().lines();
        assertThat(legs).hasSize(2);
        // Berlin to Leipzig: about 150 km, late (the gala ends 16:00, the market must start by 17:00)
        assertThat(legs.get(0).feasible()).isFalse();
        assertThat(legs.get(0).label()).matches("1[45]\\d km · \\d h \\d\\d min");
        assertThat(legs.get(1).feasible()).isTrue();
        assertThat(map.scene().markers(MapScene.Layer.ROUTE)).extracting(MapScene.Marker::label)
                .containsExactly("1", "2", "3");
        assertThat(robot.lookup("#legProblem").queryAs(Label.class).getText()).contains("Cannot be made in time")
                .contains("must start by 17:00");
        assertThat(robot.lookup("#routeSummary").queryAs(Label.class).getText()).contains("1 late");

        // drag-to-adjust's model: move the market last, then save the order as her schedule
        MapScreen screen = (MapScreen) ui.shell.screen(Area.MAP);
        robot.interact(() -> screen.move(1, 2));
        assertThat(stops.getItems().get(2).label()).isEqualTo("Markt Leipzig");
        robot.clickOn("#routeSave");
        UiFixture.until(() -> !ui.errors.isEmpty()
                || robot.lookup("#mapMessage").queryAs(Label.class).getText().startsWith("Saved as"));
        assertThat(ui.errors).isEmpty();
        RouteQuery.Day saved = ui.app.routeQuery.day(Actor.owner(), nova, TODAY);
        assertThat(saved.saved()).isTrue();
        assertThat(saved.stops()).extracting(Route.Stop::label).last().isEqualTo("Markt Leipzig");
        ui.assertNoErrors();
    }

    @Test
    void goToTownMovesTheMapThereOfflineAndSaysWhenNoTownHasTheName(FxRobot robot) {
        UiFixture.until(() -> map(robot).scene().markers().size() == 5);
        OfflineMapView map = map(robot);
        robot.clickOn("#mapGoTo").write("luebeck").type(KeyCode.ENTER);
        Label message = robot.lookup("#mapMessage").queryAs(Label.class);
        UiFixture.until(() -> message.getText().equals("Showing Lübeck (DE)."));
        GeoPoint[] centre = new GeoPoint[1];
        robot.interact(() -> centre[0] = map.toGeo(map.getWidth() / 2, map.getHeight() / 2));
        assertThat(centre[0].km(new GeoPoint(53.8689, 10.6873))).isLessThan(3);
        assertThat(map.zoom()).isGreaterThan(9);
        assertThat(map.drawnTowns()).isGreaterThan(0); // the town names are written
        robot.interact(() -> robot.lookup("#mapGoTo").queryTextInputControl().setText("Xanadu Beach"));
        robot.clickOn("#mapGoTo").type(KeyCode.ENTER);
        UiFixture.until(() -> message.getText().startsWith("No town named \"Xanadu Beach\""));
        ui.assertNoErrors();
    }

    @Test
    void addPlaceShowsEveryBadFieldAtOnceThenAddsTheStop(FxRobot robot) {
        @SuppressWarnings("unchecked")
        SearchableComboBox<PerformerChoice> who = robot.lookup("#mapPerformer").queryAs(SearchableComboBox.class);
        UiFixture.until(() -> who.getItems().size() > 1);
        robot.interact(() -> who.setValue(who.getItems().stream().filter(p -> p != null && p.id().equals(nova))
                .findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        ListView<Route.Stop> stops = robot.lookup("#routeStops").queryAs(ListView.class);
        UiFixture.until(() -> stops.getItems().size() == 3);
        robot.clickOn("#routeAddStop");
        UiFixture.until(() -> robot.lookup("#saveButton").tryQuery().isPresent());
        robot.clickOn("#label").write("Mauerpark");
        robot.clickOn("#latitude").write("95, 13.4");
        robot.interact(() -> robot.lookup("#windowStart").queryTextInputControl().setText("25:00"));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#latitudeError").queryAs(Label.class).isVisible()
                && robot.lookup("#windowStartError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#latitudeError").queryAs(Label.class).getText()).contains("between -90 and 90");
        robot.interact(() -> {
            robot.lookup("#latitude").queryTextInputControl().setText("52.543, 13.402");
            robot.lookup("#windowStart").queryTextInputControl().setText("12:00");
        });
        robot.clickOn("#saveButton");
        UiFixture.until(() -> stops.getItems().size() == 4);
        assertThat(stops.getItems()).extracting(Route.Stop::label).contains("Mauerpark");
        ui.assertNoErrors();
    }
}
