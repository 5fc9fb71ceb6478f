package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.inquiry.InquiryDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The screens' "today" is the agency's date: at 03:00 UTC on 1 January 2027 an agency in Los Angeles is still on
 * New Year's Eve, so its reports default to 2026 and its follow-ups of the 1st are not due yet.
 */
@ExtendWith(ApplicationExtension.class)
class AgencyTodayUiTest {
    @TempDir
    Path dir;
    UiFixture ui;
    final MovableClock clock = new MovableClock(Instant.parse("2027-01-01T03:00:00Z"));

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir, clock);
        var agency = app.settings.requireAgency();
        var d = agency.toDraft();
        app.settings.update(Actor.owner(), agency.version(), new AgencyDraft(d.name(), d.baseCurrency(),
                "America/Los_Angeles", null, null, null, null, null, null, null, null, null, d.defaultTaxRateBp(),
                d.holdExpiryDays(), d.challengeHours(), d.idleLockMinutes(), d.backupKeepDays()));
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Northwind Events")).id();
        Instant event = Instant.parse("2027-03-01T18:00:00Z");
        app.inquiries.create(Actor.owner(), new InquiryDraft(client, "Summer party", event,
                event.plus(Duration.ofHours(5)), "Europe/Berlin", false, null, null, 120, 800_000L, "EUR", "PHONE",
                null, LocalDate.of(2027, 1, 1)));
        ui = new UiFixture(app, stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    private String followUpsTile(FxRobot robot) {
        return robot.lookup("#tileFollowUps .tile-value").queryAs(Label.class).getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsAndTheDashboardUseTheAgencysDateWhenUtcIsAlreadyTomorrow(FxRobot robot) {
        UiFixture.until(() -> robot.lookup("#tileFollowUps").tryQuery().isPresent());
        assertThat(followUpsTile(robot)).as("the follow-up of the 1st is not due on the 31st").isEqualTo("0");

        robot.interact(() -> ui.shell.show(Area.REPORTS));
        UiFixture.until(() -> robot.lookup("#reportYear").tryQuery().isPresent());
        assertThat(robot.lookup("#reportYear").queryAs(ComboBox.class).getValue()).isEqualTo(2026);
        assertThat(robot.lookup("#finFrom").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(robot.lookup("#finTo").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2026, 12, 31));

        clock.set(Instant.parse("2027-01-01T09:00:00Z")); // 01:00 on the 1st in Los Angeles
        robot.interact(() -> ui.shell.show(Area.DASHBOARD));
        UiFixture.until(() -> robot.lookup("#tileFollowUps").tryQuery().isPresent() && "1".equals(followUpsTile(robot)));
        ui.assertNoErrors();
    }
}
