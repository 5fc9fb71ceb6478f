package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.map.GeoPoint;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.venue.VenueDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routes, radius clauses and geocoding from the command line (the same services as the map screen). */
class MapCliTest {
    static final LocalDate DAY = LocalDate.of(2027, 3, 6);

    @TempDir
    Path tmp;
    Path store;
    String gala;
    String garden;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        CliTest.initStore(store);
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada")).id();
            UUID hall = app.venues.create(Actor.owner(), new VenueDraft("Hall", null, null, null, "Berlin", null, "DE",
                    52.52, 13.405, null, null, null, null)).id();
            UUID potsdam = app.venues.create(Actor.owner(), new VenueDraft("Schloss", null, null, null, "Potsdam", null,
                    "DE", 52.3906, 13.0645, null, null, null, null)).id();
            UUID nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null,
                    List.of("DJ"), List.of(), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.40, true, null)).id();
            Instant eight = DAY.atTime(20, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
            gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, hall, null, eight,
                    eight.plus(Duration.ofHours(2)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null),
                    BookingStatus.CONFIRMED, List.of(nova)).number();
            garden = app.bookings.create(Actor.owner(), new BookingDraft("Garden", client, potsdam, null,
                    eight.plus(Duration.ofDays(2)), eight.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)),
                    "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED, List.of(nova)).number();
        }
    }

    @Test
    void aPlaceIsAddedTheDayShownPlannedAndSaved() {
        String s = store.toString();
        CliTest.Run add = run("--data", s, "route", "add-stop", "--performer", "DJ Nova", "--date", DAY.toString(),
                "--label", "Alexanderplatz", "--at", "52.5219,13.4132", "--from", "13:00", "--to", "15:00", "--stay", "90");
        assertThat(add.code()).as(add.err()).isZero();
        CliTest.Run bad = run("--data", s, "route", "add-stop", "--performer", "DJ Nova", "--date", DAY.toString(),
                "--label", "Sea", "--at", "152.1,13", "--from", "13:00", "--to", "15:00");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("between -90 and 90");
        CliTest.Run show = run("--data", s, "route", "show", "--performer", "DJ Nova", "--date", DAY.toString());
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out().lines().toList()).hasSize(2);
        assertThat(show.out().lines().toList().get(0)).contains("Alexanderplatz").contains("13:00-15:00");
        // durations as people say them (docs/CLI.md: route), not bare minutes
        assertThat(show.out().lines().toList().get(0).split("\t")[5]).isEqualTo("1 h 30 min");
        assertThat(show.out().lines().toList().get(1)).contains(gala).contains(" km, ");
        CliTest.Run plan = run("--data", s, "route", "plan", "--performer", "DJ Nova", "--date", DAY.toString(),
                "--save");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.err()).contains("Saved as DJ Nova's schedule");
        CliTest.Run nobody = run("--data", s, "route", "show", "--performer", "Nobody", "--date", DAY.toString());
        assertThat(nobody.code()).isEqualTo(2);
    }

    @Test
    void aRadiusClauseIsSetAndABreakingOneRefusedAndGeocodingNeedsAKey() {
        String s = store.toString();
        CliTest.Run refused = run("--data", s, "radius", gala, "--km", "50", "--days", "7");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("already breaks the clause").contains(garden);
        CliTest.Run ok = run("--data", s, "radius", gala, "--km", "10", "--days", "7");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("no other show within 10 km within 7 days");
        assertThat(run("--data", s, "radius", gala, "--clear").out()).contains("no radius clause");
        CliTest.Run geo = run("--data", s, "geocode", "Alexanderplatz", "1,", "Berlin");
        assertThat(geo.code()).as(geo.err()).isZero();
        String[] cols = geo.out().strip().split("\t");
        assertThat(new GeoPoint(Double.parseDouble(cols[0]), Double.parseDouble(cols[1]))
                .km(new GeoPoint(52.52, 13.405))).isLessThan(5);
        assertThat(cols[2]).startsWith("Centre of Berlin (DE), approximate.").contains("No Google Maps key");
        CliTest.Run nowhere = run("--data", s, "geocode", "Hauptstraße", "7,", "Nirgendwo");
        assertThat(nowhere.code()).isEqualTo(2);
        assertThat(nowhere.err()).contains("No Google Maps key").contains("no town known offline");
    }
}
