package dev.stagedesk.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stagedesk.booking.ConflictCheck;
import dev.stagedesk.booking.ConflictCheck.Travel;
import dev.stagedesk.common.ValidationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The projection, distances and travel estimates the map, the routes and the conflict check share. */
class GeoTest {
    @Test
    void webMercatorPutsKnownPointsWhereGoogleDoes() {
        assertThat(WebMercator.x(0, 0)).isEqualTo(128.0);
        assertThat(WebMercator.y(0, 0)).isCloseTo(128.0, within(1e-9));
        assertThat(WebMercator.x(-180, 3)).isEqualTo(0.0);
        assertThat(WebMercator.x(180, 3)).isEqualTo(2048.0);
        assertThat(WebMercator.y(WebMercator.MAX_LATITUDE, 0)).isCloseTo(0, within(1e-6));
        // beyond the square's edge, clamped rather than infinite
        assertThat(WebMercator.y(90, 0)).isCloseTo(0, within(1e-6));
        assertThat(WebMercator.y(-90, 0)).isCloseTo(256, within(1e-6));
        // Berlin at zoom 10 (Google's world pixel coordinates)
        assertThat(WebMercator.x(13.405, 10)).isCloseTo(140_833.2, within(0.1));
        assertThat(WebMercator.y(52.52, 10)).isCloseTo(85_971.5, within(0.1));
    }

    @Property
    void projectionAndItsInverseAgree(@ForAll @DoubleRange(min = -85, max = 85) double lat,
                                      @ForAll @DoubleRange(min = -180, max = 180) double lon,
                                      @ForAll @DoubleRange(min = 0, max = 18) double zoom) {
        assertThat(WebMercator.lat(WebMercator.y(lat, zoom), zoom)).isCloseTo(lat, within(1e-7));
        assertThat(WebMercator.lon(WebMercator.x(lon, zoom), zoom)).isCloseTo(lon, within(1e-7));
    }

    @Property
    void distanceIsSymmetricAndZeroOnlyAtThePoint(@ForAll @DoubleRange(min = -90, max = 90) double lat1,
                                                  @ForAll @DoubleRange(min = -180, max = 180) double lon1,
                                                  @ForAll @DoubleRange(min = -90, max = 90) double lat2,
                                                  @ForAll @DoubleRange(min = -180, max = 180) double lon2) {
        double d = ConflictCheck.km(lat1, lon1, lat2, lon2);
        assertThat(d).isCloseTo(ConflictCheck.km(lat2, lon2, lat1, lon1), within(1e-6));
        assertThat(d).isBetween(0.0, Math.PI * 6371.0 + 1e-6);
        assertThat(ConflictCheck.km(lat1, lon1, lat1, lon1)).isCloseTo(0, within(1e-9));
    }

    @Test
    void distancesBetweenCitiesMatchTheAtlas() {
        GeoPoint berlin = new GeoPoint(52.5200, 13.4050);
        GeoPoint paris = new GeoPoint(48.8566, 2.3522);
        GeoPoint potsdam = new GeoPoint(52.3906, 13.0645);
        assertThat(berlin.km(paris)).isCloseTo(878, within(3.0));
        assertThat(berlin.km(potsdam)).isCloseTo(27, within(1.0));
        // a quarter of the equator
        assertThat(new GeoPoint(0, 0).km(new GeoPoint(0, 90))).isCloseTo(10_007.5, within(1.0));
    }

    @Test
    void travelTimeIsRoadDistanceOverSpeedRoundedUp() {
        Travel t = new Travel(130, 60, 45);
        assertThat(t.minutes(100)).isEqualTo(130); // 130 road km at 60 km/h
        assertThat(t.minutes(0.1)).isEqualTo(1); // any way at all takes a minute
        assertThat(new Travel(100, 90, 0).minutes(45)).isEqualTo(30);
        assertThat(new Travel(150, 50, 0).minutes(10)).isEqualTo(18);
    }

    @Test
    void coordinatesOffTheGlobeAreRefusedNamingTheField() {
        assertThat(GeoPoint.parse("where", " 52.52 , 13.405 ")).isEqualTo(new GeoPoint(52.52, 13.405));
        assertThat(GeoPoint.parse("where", "-33.86 151.21")).isEqualTo(new GeoPoint(-33.86, 151.21));
        assertThatThrownBy(() -> GeoPoint.parse("where", "91, 10")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("between -90 and 90");
        assertThatThrownBy(() -> GeoPoint.parse("where", "Berlin")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("two numbers");
        assertThatThrownBy(() -> GeoPoint.of("latitude", 10, "longitude", 181)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("longitude"));
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedBasemapDecodesIntoLandAndBorders() {
        Basemap b = Basemap.shipped();
        assertThat(b.at(2).land()).hasSizeGreaterThan(100);
        assertThat(b.at(6).points()).isGreaterThan(b.at(2).points());
        // every point inside the zoom-0 square
        for (Basemap.Shape s : b.at(6).lines()) {
            assertThat(s.minX()).isBetween(-1e-6, 256.0 + 1e-6);
            assertThat(s.maxY()).isBetween(0.0, 256.0 + 1e-6);
        }
    }

    @Test
    void clustersGroupMarkersInOneCellAndKeepSamePlaceTogether() {
        double[] x = {10, 10.01, 10, 200};
        double[] y = {10, 10.01, 10, 200};
        var clusters = MarkerClusters.of(x, y, 4, 1, 0, 0, 256, 256, 44, true);
        assertThat(clusters).hasSize(2);
        var zoomedIn = MarkerClusters.of(x, y, 4, 1 << 16, 10 * (1 << 16) - 400, 10 * (1 << 16) - 300, 1400, 1200, 44,
                false);
        // 0 and 2 share a point; 1 is 655 px away at this zoom; 3 is off screen
        assertThat(zoomedIn).hasSize(2);
        assertThat(zoomedIn.stream().filter(c -> c.size() == 2).findFirst().orElseThrow().samePlace()).isTrue();
    }
}
