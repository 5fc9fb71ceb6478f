package dev.stagedesk.map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Address to coordinates through Google's geocoder (a local WireMock fake of it), cached in the store. */
class PlacesTest {
    static final String KEY = "AIzaTestKey_0123456789abcdef";

    @TempDir
    Path dir;
    AppContext app;
    WireMockServer google;
    Places places;

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir);
        google = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        google.start();
        String url = google.baseUrl();
        places = new Places(app.mapSettings, key -> new GoogleGeocoder(url, key), Gazetteer::shipped);
    }

    @AfterEach
    void close() {
        google.stop();
        app.close();
    }

    private void keyed() {
        var v = app.mapSettings.values();
        app.mapSettings.update(Actor.owner(), new MapSettings.Values(v.roadFactorPct(), v.averageSpeedKmh(),
                v.setupBufferMinutes(), KEY));
    }

    @Test
    void withoutAKeyTheTownsCentreIsOfferedAsApproximateOrItSaysToPickOnTheMap() {
        Geocoder.Place p = places.locate(Actor.owner(), "Alexanderplatz 1, 10178 Berlin");
        assertThat(p.approximate()).isTrue();
        assertThat(p.point().km(new GeoPoint(52.52, 13.405))).isLessThan(5);
        assertThat(p.formatted()).startsWith("Centre of Berlin (DE), approximate.").contains("No Google Maps key");
        assertThat(app.mapSettings.cached("Alexanderplatz 1, 10178 Berlin")).isEmpty(); // Google answers later
        assertThatThrownBy(() -> places.locate(Actor.owner(), "Hauptstraße 7, Nirgendwo"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("pick the point on the map")
                .hasMessageContaining("no town known offline");
        assertThatThrownBy(() -> places.locate(Actor.owner(), "  ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aFoundAddressIsCachedSoTheSecondLookUpNeedsNoNetwork() {
        keyed();
        google.stubFor(get(urlPathEqualTo("/maps/api/geocode/json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status": "OK", "results": [{"formatted_address": "Alexanderplatz 1, 10178 Berlin, Germany",
                          "geometry": {"location": {"lat": 52.5219184, "lng": 13.4132147}}}]}""")));
        Geocoder.Place p = places.locate(Actor.owner(), "Alexanderplatz 1, Berlin");
        assertThat(p.point()).isEqualTo(new GeoPoint(52.5219184, 13.4132147));
        assertThat(p.formatted()).startsWith("Alexanderplatz 1");
        google.verify(1, getRequestedFor(urlPathEqualTo("/maps/api/geocode/json"))
                .withQueryParam("address", equalTo("Alexanderplatz 1, Berlin")).withQueryParam("key", equalTo(KEY)));
        google.stop(); // offline now
        assertThat(places.locate(Actor.owner(), "  alexanderplatz 1,   BERLIN ").point()).isEqualTo(p.point());
    }

    @Test
    void googleRefusalsAndUnknownAddressesBecomeMessages() {
        keyed();
        google.stubFor(get(urlPathEqualTo("/maps/api/geocode/json")).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\": \"ZERO_RESULTS\", \"results\": []}")));
        assertThatThrownBy(() -> places.locate(Actor.owner(), "Nowhere 99")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("No place found for \"Nowhere 99\"");
        google.stubFor(get(urlPathEqualTo("/maps/api/geocode/json")).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\": \"REQUEST_DENIED\", \"error_message\": \"The provided API key is invalid.\"}")));
        assertThatThrownBy(() -> places.locate(Actor.owner(), "Somewhere 1"))
                .hasMessageContaining("REQUEST_DENIED: The provided API key is invalid.");
        google.stop();
        assertThatThrownBy(() -> places.locate(Actor.owner(), "Elsewhere 2")).hasMessageContaining("cannot be reached");
        Geocoder.Place offline = places.locate(Actor.owner(), "Barnerstraße 36, 22765 Hamburg");
        assertThat(offline.approximate()).isTrue();
        assertThat(offline.formatted()).startsWith("Centre of Hamburg (DE)").contains("cannot be reached");
    }

    @Test
    void mapSettingsAreCheckedAndTheKeyIsNotWrittenToTheAuditLog() {
        assertThatThrownBy(() -> app.mapSettings.update(Actor.owner(), new MapSettings.Values(90, 0, -1, "short")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field())
                        .containsExactly("roadFactorPct", "averageSpeedKmh", "setupBufferMinutes", "googleMapsKey"));
        keyed();
        assertThat(app.mapSettings.values().keyed()).isTrue();
        assertThat(app.database.dsl().fetch("select changes from audit_log where action = 'update-map-settings'")
                .get(0).get(0, String.class)).contains("googleMapsKeySet").doesNotContain(KEY);
    }
}
