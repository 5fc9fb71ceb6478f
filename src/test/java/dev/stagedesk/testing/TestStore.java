package dev.stagedesk.testing;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;

/** A real store on an H2 file in a temporary folder, migrated by Flyway, with a fixed clock. */
public final class TestStore {
    public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private TestStore() {
    }

    /** A store whose agency is set up (EUR, Europe/Berlin). */
    public static AppContext open(Path dir) {
        AppContext app = openEmpty(dir);
        app.settings.setUp(Actor.owner(), AgencyDraft.initial("Test Agency", "EUR", "Europe/Berlin"));
        return app;
    }

    /** A store exactly as a first run finds it: migrated, no agency. */
    public static AppContext openEmpty(Path dir) {
        return openEmpty(dir, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A set-up store on a clock the test moves (see {@link MovableClock}). */
    public static AppContext open(Path dir, Clock clock) {
        AppContext app = openEmpty(dir, clock);
        app.settings.setUp(Actor.owner(), AgencyDraft.initial("Test Agency", "EUR", "Europe/Berlin"));
        return app;
    }

    /** Moves the agency to {@code zone} (Settings), keeping everything else. */
    public static void zone(AppContext app, String zone) {
        var agency = app.settings.requireAgency();
        var d = agency.toDraft();
        app.settings.update(Actor.owner(), agency.version(), new AgencyDraft(d.name(), d.baseCurrency(), zone,
                null, null, null, null, null, null, null, null, null, d.defaultTaxRateBp(), d.holdExpiryDays(),
                d.challengeHours(), d.idleLockMinutes(), d.backupKeepDays()));
    }

    /**
     * Runs {@code body} with the JVM's default zone set to UTC (and puts the old one back), so a test of a time
     * shown in the agency's zone fails if the machine's zone is used instead.
     */
    public static void onAUtcMachine(Runnable body) {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            body.run();
        } finally {
            TimeZone.setDefault(before);
        }
    }

    public static AppContext openEmpty(Path dir, Clock clock) {
        DataFolder folder = new DataFolder(dir);
        return new AppContext(folder, Database.open(folder), clock, Ids.timeOrdered(), d -> { });
    }
}
