package dev.stagedesk.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VenueServiceTest {
    @TempDir
    Path dir;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static VenueDraft at(Double lat, Double lon, Integer capacity) {
        return new VenueDraft("Tempodrom", "Möckernstraße 10", null, "10963", "Berlin", null, "DE", lat, lon,
                capacity, null, null, null);
    }

    @Test
    void storesCoordinatesAndCapacity() {
        Venue v = app.venues.create(Actor.owner(), at(52.5003, 13.3811, 3700));
        assertThat(v.latitude()).isEqualTo(52.5003);
        assertThat(v.longitude()).isEqualTo(13.3811);
        assertThat(v.capacity()).isEqualTo(3700);
    }

    @Test
    void coordinatesOutOfRangeAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> app.venues.create(Actor.owner(), at(91.0, 13.4, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("latitude", "91 is out of range: it must be between -90 and 90.")));
        assertThatThrownBy(() -> app.venues.create(Actor.owner(), at(52.5, -180.5, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("longitude"));
    }

    @Test
    void boundaryCoordinatesAreAccepted() {
        assertThat(app.venues.create(Actor.owner(), at(-90.0, 180.0, 0)).latitude()).isEqualTo(-90.0);
    }

    @Test
    void halfACoordinatePairOrNegativeCapacityIsRefused() {
        assertThatThrownBy(() -> app.venues.create(Actor.owner(), at(52.5, null, -1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("capacity", "longitude"));
    }

    @Test
    void cityIsRequired() {
        assertThatThrownBy(() -> app.venues.create(Actor.owner(), VenueDraft.of("Somewhere", " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("city"));
    }
}
