package dev.stagedesk.client;
import dev.stagedesk.map.GeoPoint;
import dev.stagedesk.security.Actor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.venue.VenueRow;
import java.nio.file.Path;
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

@ExtendWith(ApplicationExtension.class)
class ClientsVenuesUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = new UiFixture(TestStore.open(dir), stage);
        ui.shell.show(Area.CLIENTS_VENUES);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<ClientRow> clients(FxRobot robot) {
        return robot.lookup("#clientsTable").queryAs(TableView.class);
    }

    private boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    @Test
    void createWithValidationErrorsThenEditThenDeleteAndUndo(FxRobot robot) {
        robot.clickOn("#newClient");
        UiFixture.until(() -> visible(robot, "#saveButton"));
        robot.clickOn("#email").write("ada-at-example");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> visible(robot, "#nameError"));
        assertThat(robot.lookup("#nameError").queryAs(Label.class).getText()).isEqualTo("Required.");
        assertThat(robot.lookup("#emailError").queryAs(Label.class).getText())
                .isEqualTo("'ada-at-example' is not an e-mail address.");
        assertThat(ui.app.clientQuery.suggest(Actor.owner(), "", 10)).isEmpty();

        robot.clickOn("#name").write("Ada Lovelace");
        robot.doubleClickOn("#email").eraseText(20).write("ada@example.com");
        robot.clickOn("#city").write("London");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> !visible(robot, "#saveButton"));
        UiFixture.until(() -> clients(robot).getItems().size() == 1);
        assertThat(clients(robot).getItems().get(0).name()).isEqualTo("Ada Lovelace");

        robot.doubleClickOn("Ada Lovelace");
        UiFixture.until(() -> visible(robot, "#saveButton"));
        robot.doubleClickOn("#city").eraseText(10).write("Cambridge");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> "Cambridge".equals(clients(robot).getItems().get(0).city()));

        robot.clickOn("Ada Lovelace");
        robot.clickOn("#deleteClient");
        UiFixture.until(() -> visible(robot, "#clientsUndoBar") && clients(robot).getItems().isEmpty());
        robot.clickOn("#clientsUndo");
        UiFixture.until(() -> clients(robot).getItems().size() == 1 && !visible(robot, "#clientsUndoBar"));
        assertThat(ui.app.clientQuery.suggest(Actor.owner(), "ada", 5)).hasSize(1);
        ui.assertNoErrors();
    }

    @Test
    void searchFiltersTheList(FxRobot robot) {
        for (String n : new String[] {"Zoë Müller", "Ben Smith", "Anna Schmidt"}) {
            ui.app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, n));
        }
        robot.interact(() -> ui.shell.show(Area.CLIENTS_VENUES));
        UiFixture.until(() -> clients(robot).getItems().size() == 3);
        robot.clickOn("#clientsSearch").write("zoe");
        UiFixture.until(() -> clients(robot).getItems().size() == 1);
        assertThat(clients(robot).getItems().get(0).name()).isEqualTo("Zoë Müller");
        ui.assertNoErrors();
    }

    @Test
    void venueWithBadCoordinatesShowsTheProblemNextToTheField(FxRobot robot) {
        robot.clickOn("#venuesTab");
        robot.clickOn("#newVenue");
        UiFixture.until(() -> visible(robot, "#saveButton"));
        robot.clickOn("#name").write("Tempodrom");
        robot.clickOn("#city").write("Berlin");
        robot.clickOn("#latitude").write("95");
        robot.clickOn("#longitude").write("east");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> visible(robot, "#longitudeError"));
        assertThat(robot.lookup("#longitudeError").queryAs(Label.class).getText()).isEqualTo("'east' is not a number.");
        robot.doubleClickOn("#longitude").eraseText(5).write("13.3811");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> visible(robot, "#latitudeError"));
        assertThat(robot.lookup("#latitudeError").queryAs(Label.class).getText())
                .isEqualTo("95 is out of range: it must be between -90 and 90.");
        robot.doubleClickOn("#latitude").eraseText(3).write("52.5003");
        robot.clickOn("#saveButton");
        @SuppressWarnings("unchecked")
        TableView<VenueRow> venues = robot.lookup("#venuesTable").queryAs(TableView.class);
        UiFixture.until(() -> venues.getItems().size() == 1);
        assertThat(venues.getItems().get(0).latitude()).isEqualTo(52.5003);
        ui.assertNoErrors();
    }

    @Test
    void lookUpWithoutAKeyFillsTheTownsCentreAndSaysItIsApproximate(FxRobot robot) {
        robot.clickOn("#venuesTab");
        robot.clickOn("#newVenue");
        UiFixture.until(() -> visible(robot, "#saveButton"));
        robot.clickOn("#name").write("Fabrik");
        robot.clickOn("#addressLine1").write("Barnerstraße 36");
        robot.clickOn("#city").write("Hamburg");
        robot.clickOn("#lookUp");
        UiFixture.until(() -> visible(robot, "#lookUpNote"));
        assertThat(robot.lookup("#lookUpNote").queryAs(Label.class).getText())
                .startsWith("Centre of Hamburg (DE), approximate.");
        double lat = Double.parseDouble(robot.lookup("#latitude").queryTextInputControl().getText());
        double lon = Double.parseDouble(robot.lookup("#longitude").queryTextInputControl().getText());
        assertThat(new GeoPoint(lat, lon).km(new GeoPoint(53.55, 10.0))).isLessThan(3);
        robot.clickOn("#saveButton");
        @SuppressWarnings("unchecked")
        TableView<VenueRow> venues = robot.lookup("#venuesTable").queryAs(TableView.class);
        UiFixture.until(() -> venues.getItems().size() == 1);
        assertThat(venues.getItems().get(0).latitude()).isEqualTo(lat);
        ui.assertNoErrors();
    }
}
