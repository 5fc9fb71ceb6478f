package dev.stagedesk.app;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A performer signs in: their areas only, their own gigs only, no fees, no clients. */
@ExtendWith(ApplicationExtension.class)
class PerformerShellUiTest {
    @TempDir
    Path dir;
    UiFixture ui;
    UUID performerId;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.demo.generate(Actor.owner(), DemoSize.MEDIUM.plan(), 3, false, null);
        performerId = app.database.dsl().select(ASSIGNMENT.PERFORMER_ID).from(ASSIGNMENT).limit(1).fetchOne().value1();
        app.users.create(Actor.owner(), "pat", "Pat", null, EnumSet.of(Role.PERFORMER), performerId,
                "stage fright 1".toCharArray());
        ui = new UiFixture(app, stage, app.users.signIn("pat", "stage fright 1".toCharArray()));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void aPerformerSeesTheirGigsAndNothingOfClientsOrMoneyOfOthers(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<Area> sidebar = robot.lookup("#sidebar").queryAs(ListView.class);
        assertThat(sidebar.getItems()).containsExactly(Area.BOOKINGS, Area.CALENDAR, Area.PAYOUTS, Area.EXPENSES,
                Area.MAP, Area.SETTINGS);
        assertThat(ui.shell.current()).isEqualTo(Area.BOOKINGS);
        robot.interact(() -> ui.shell.show(Area.CLIENTS_VENUES)); // e.g. Ctrl+6: not theirs, nothing happens
        assertThat(ui.shell.current()).isEqualTo(Area.BOOKINGS);

        var dsl = ui.app.database.dsl();
        Set<UUID> own = new HashSet<>(dsl.select(ASSIGNMENT.BOOKING_ID).from(ASSIGNMENT)
                .where(ASSIGNMENT.PERFORMER_ID.eq(performerId)).fetch(r -> r.value1()));
        own.addAll(dsl.select(HOLD.BOOKING_ID).from(HOLD).where(HOLD.PERFORMER_ID.eq(performerId)).fetch(r -> r.value1()));
        @SuppressWarnings("unchecked")
        TableView<BookingRow> table = robot.lookup("#bookingsTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() == Math.min(own.size(), 100));
        assertThat(table.getItems()).allSatisfy(r -> assertThat(own).contains(r.id()));
        assertThat(table.getColumns()).extracting(TableColumn::getText).doesNotContain("Fee");
        ui.assertNoErrors();
    }
}
