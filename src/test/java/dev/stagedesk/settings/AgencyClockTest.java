package dev.stagedesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Today" is the agency's date: one source for screens, the command line and the rules. */
class AgencyClockTest {
    static void zone(AppContext app, String zone) {
        var agency = app.settings.requireAgency();
        var d = agency.toDraft();
        app.settings.update(Actor.owner(), agency.version(), new AgencyDraft(d.name(), d.baseCurrency(), zone,
                null, null, null, null, null, null, null, null, null, d.defaultTaxRateBp(), d.holdExpiryDays(),
                d.challengeHours(), d.idleLockMinutes(), d.backupKeepDays()));
    }

    @Test
    void todayIsTheAgencysDateAndFollowsAChangedZoneAtOnce(@TempDir Path dir) {
        // 03:00 UTC on 1 January 2027: still New Year's Eve in Los Angeles, mid-afternoon of the 1st in Auckland
        MovableClock clock = new MovableClock(Instant.parse("2027-01-01T03:00:00Z"));
        try (AppContext app = TestStore.open(dir, clock)) {
            zone(app, "America/Los_Angeles");
            assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2027, 1, 1)); // UTC's
            assertThat(app.agencyToday()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(LocalDate.now(app.agencyClock)).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(app.agencyClock.get()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(app.agencyZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
            assertThat(app.agencyClock.instant()).isEqualTo(clock.instant());
            zone(app, "Pacific/Auckland");
            assertThat(app.agencyToday()).isEqualTo(LocalDate.of(2027, 1, 1));
            clock.set(Instant.parse("2027-01-01T11:30:00Z")); // 00:30 on the 2nd in Auckland
            assertThat(LocalDate.now(app.agencyClock)).isEqualTo(LocalDate.of(2027, 1, 2));
        }
    }

    @Test
    void beforeTheAgencyIsSetUpItIsUtc(@TempDir Path dir) {
        try (AppContext app = TestStore.openEmpty(dir)) {
            assertThat(app.agencyClock.getZone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(app.agencyToday()).isEqualTo(LocalDate.ofInstant(TestStore.NOW, ZoneOffset.UTC));
        }
    }

    @Test
    void theTestClockKeepsTheZoneItIsGiven() {
        MovableClock clock = new MovableClock(Instant.parse("2027-01-01T03:00:00Z"));
        var la = clock.withZone(ZoneId.of("America/Los_Angeles"));
        assertThat(la.getZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(LocalDate.now(la)).isEqualTo(LocalDate.of(2026, 12, 31));
        clock.advance(Duration.ofHours(9));
        assertThat(la.instant()).as("a zoned view moves with the clock").isEqualTo(clock.instant());
        assertThat(LocalDate.now(la)).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
