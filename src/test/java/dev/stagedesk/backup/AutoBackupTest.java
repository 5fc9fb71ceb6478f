package dev.stagedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoBackupTest {
    @Test
    void oneBackupADayAndTheOldestArePruned(@TempDir Path dir) throws Exception {
        try (AppContext app = TestStore.open(dir)) {
            Path backups = Files.createDirectories(dir.resolve("backups"));
            LocalDate today = LocalDate.ofInstant(TestStore.NOW, ZoneId.of("Europe/Berlin")); // the agency's date
            Files.writeString(backups.resolve("auto-" + today.minusDays(20) + ".zip"), "old");
            Files.writeString(backups.resolve("auto-" + today.minusDays(13) + ".zip"), "recent");
            Files.writeString(backups.resolve("manual-keep.zip"), "manual");
            assertThat(app.backups.autoBackupIfDue(Actor.owner(), "Test", 14)).containsExactly(
                    backups.resolve("auto-" + today + ".zip"));
            assertThat(app.backups.autoBackupIfDue(Actor.owner(), "Test", 14)).isEmpty();
            assertThat(Files.exists(backups.resolve("auto-" + today.minusDays(20) + ".zip"))).isFalse();
            assertThat(Files.exists(backups.resolve("auto-" + today.minusDays(13) + ".zip"))).isTrue();
            assertThat(Files.exists(backups.resolve("manual-keep.zip"))).isTrue();
            assertThat(BackupService.inspect(backups.resolve("auto-" + today + ".zip")).agency()).isEqualTo("Test");
            Actor coordinator = new Actor(null, "cora", EnumSet.of(Role.COORDINATOR));
            Files.delete(backups.resolve("auto-" + today + ".zip"));
            assertThat(app.backups.autoBackupIfDue(coordinator, "Test", 14)).isEmpty();
        }
    }

    @Test
    void keepDaysComeFromTheSettingAndZeroTurnsThemOff(@TempDir Path dir) throws Exception {
        try (AppContext app = TestStore.open(dir)) {
            Path backups = Files.createDirectories(dir.resolve("backups"));
            LocalDate today = LocalDate.ofInstant(TestStore.NOW, ZoneId.of("Europe/Berlin")); // the agency's date
            Files.writeString(backups.resolve("auto-" + today.minusDays(3) + ".zip"), "older than 3 days");
            Files.writeString(backups.resolve("auto-" + today.minusDays(2) + ".zip"), "within 3 days");
            assertThat(app.backups.autoBackupIfDue(Actor.owner(), "Test", 0)).isEmpty();
            assertThat(Files.exists(backups.resolve("auto-" + today + ".zip"))).isFalse();
            assertThat(Files.exists(backups.resolve("auto-" + today.minusDays(3) + ".zip"))).isTrue();

            var agency = app.settings.requireAgency();
            var draft = agency.toDraft();
            app.settings.update(Actor.owner(), agency.version(), new AgencyDraft(draft.name(),
                    draft.baseCurrency(), draft.timeZone(), null, null, null, null, null, null, null, null, null,
                    draft.defaultTaxRateBp(), draft.holdExpiryDays(), draft.challengeHours(), draft.idleLockMinutes(), 3));
            int keep = app.settings.requireAgency().backupKeepDays();
            assertThat(keep).isEqualTo(3);
            assertThat(app.backups.autoBackupIfDue(Actor.owner(), "Test", keep)).hasSize(1);
            assertThat(Files.exists(backups.resolve("auto-" + today.minusDays(3) + ".zip"))).isFalse();
            assertThat(Files.exists(backups.resolve("auto-" + today.minusDays(2) + ".zip"))).isTrue();
        }
    }

    @Test
    void theDailyBackupIsNamedByTheAgencysDateNotTheMachinesOrUtcs(@TempDir Path dir) throws Exception {
        // 12:00 UTC on 30 November is already 1 December in Auckland (UTC+13)
        var clock = new MovableClock(Instant.parse("2026-11-30T12:00:00Z"));
        try (AppContext app = TestStore.open(dir, clock)) {
            var agency = app.settings.requireAgency();
            var d = agency.toDraft();
            app.settings.update(Actor.owner(), agency.version(), new AgencyDraft(d.name(),
                    d.baseCurrency(), "Pacific/Auckland", null, null, null, null, null, null, null, null, null,
                    d.defaultTaxRateBp(), d.holdExpiryDays(), d.challengeHours(), d.idleLockMinutes(), 14));
            assertThat(app.backups.autoBackupIfDue(Actor.owner(), "Test", 14)).containsExactly(
                    dir.resolve("backups").resolve("auto-2026-12-01.zip"));
        }
    }
}
