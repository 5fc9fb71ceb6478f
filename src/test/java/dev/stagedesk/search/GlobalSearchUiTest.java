package dev.stagedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Ctrl+K from anywhere, part of a client's name typed without its accents, Enter: the client's form. */
@ExtendWith(ApplicationExtension.class)
class GlobalSearchUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Zoë Müller-Lüdenscheidt"));
        app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Mulberry Events"));
        app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace"));
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.DASHBOARD);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ctrlKFindsAClientByPartOfItsNameAndEnterOpensIt(FxRobot robot) {
        UiFixture.until(() -> robot.lookup("#tileNewInquiries").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        UiFixture.until(() -> robot.lookup("#globalSearchField").tryQuery().map(n -> n.isFocused()).orElse(false));
        robot.write("ZOE mul");
        ListView<GlobalSearchView.Row> results = robot.lookup("#globalSearchResults").queryAs(ListView.class);
        UiFixture.until(() -> results.getItems().stream().anyMatch(r -> r.hit() != null
                && r.hit().title().equals("Zoë Müller-Lüdenscheidt")));
        // grouped: a heading, then the one client whose words start with both typed words
        assertThat(results.getItems().get(0).heading()).isEqualTo(GlobalSearchQuery.Kind.CLIENT);
        assertThat(results.getItems().stream().filter(r -> r.hit() != null).map(r -> r.hit().title()))
                .containsExactly("Zoë Müller-Lüdenscheidt");
        robot.type(KeyCode.ENTER);
        UiFixture.until(() -> ui.shell.current() == Area.CLIENTS_VENUES);
        UiFixture.until(() -> robot.lookup("#formSheet #name").tryQuery()
                .map(n -> ((TextField) n).getText().equals("Zoë Müller-Lüdenscheidt")).orElse(false));
        ui.assertNoErrors();
    }

    @Test
    @SuppressWarnings("unchecked")
    void typingNothingThatMatchesSaysSoAndEscapeCloses(FxRobot robot) {
        robot.clickOn("#globalSearchButton");
        UiFixture.until(() -> robot.lookup("#globalSearchField").tryQuery().isPresent());
        robot.write("qqqzz");
        UiFixture.until(() -> robot.lookup("#globalSearchStatus").queryLabeled().getText().contains("Nothing found"));
        assertThat(robot.lookup("#globalSearchResults").queryAs(ListView.class).getItems()).isEmpty();
        robot.type(KeyCode.ESCAPE);
        UiFixture.until(() -> robot.lookup("#globalSearch").tryQuery().isEmpty());
        ui.assertNoErrors();
    }
}
