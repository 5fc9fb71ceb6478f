package dev.stagedesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Town names on the offline map: more and smaller towns as one zooms in, never two names on top of each other. */
class TownLabelsTest {
    static final TownLabels TOWNS = TownLabels.of(Gazetteer.shipped());

    private static List<TownLabels.Label> frame(GeoPoint centre, double zoom, double w, double h) {
        double scale = Math.pow(2, zoom);
        double left = WebMercator.x0(centre.longitude()) * scale - w / 2;
        double top = WebMercator.y0(centre.latitude()) * scale - h / 2;
        return TOWNS.place(zoom, scale, left, top, w, h, List.of());
    }

    private static List<String> names(List<TownLabels.Label> labels) {
        return labels.stream().map(TownLabels.Label::name).toList();
    }

    @Test
    void smallerTownsAsOneZoomsInAndEveryTownFromZoomNine() {
        assertThat(TownLabels.minPopulation(1)).isEqualTo(5_000_000);
        assertThat(TownLabels.minPopulation(3.5)).isEqualTo(2_000_000);
        assertThat(TownLabels.minPopulation(8.9)).isEqualTo(25_000);
        assertThat(TownLabels.minPopulation(9)).isZero();
        for (double z = 0; z < 19; z += 0.25) {
            assertThat(TownLabels.minPopulation(z + 0.25)).isLessThanOrEqualTo(TownLabels.minPopulation(z));
        }
    }

    @Test
    void europeShowsItsCapitalsAndNoSmallTowns() {
        List<TownLabels.Label> europe = frame(new GeoPoint(50, 10), 4, 1000, 700);
        assertThat(names(europe)).contains("Berlin", "Paris", "London", "Madrid", "Rome").doesNotContain("Potsdam");
        assertThat(europe).allSatisfy(l -> assertThat(l.x()).isBetween(-4.0, 1000.0));
    }

    @Test
    void zoomingInAroundHamburgAddsItsSmallerNeighbours() {
        List<TownLabels.Label> region = frame(new GeoPoint(53.55, 10.0), 7, 1000, 700);
        List<TownLabels.Label> city = frame(new GeoPoint(53.55, 10.0), 10, 1000, 700);
        assertThat(names(region)).contains("Hamburg", "Lübeck").doesNotContain("Pinneberg");
        assertThat(names(city)).contains("Hamburg", "Pinneberg", "Norderstedt");
        TownLabels.Label hamburg = city.stream().filter(l -> l.name().equals("Hamburg")).findFirst().orElseThrow();
        assertThat(hamburg.major()).isTrue();
        assertThat(hamburg.x()).isCloseTo(500, Offset.offset(10.0));
    }

    @Test
    void aNameMovesAsideForAMarkerAndIsLeftOutWhenThereIsNoRoom() {
        double zoom = 10;
        double scale = Math.pow(2, zoom);
        double left = WebMercator.x0(10.0) * scale - 500;
        double top = WebMercator.y0(53.55) * scale - 350;
        TownLabels.Label hamburg = TOWNS.place(zoom, scale, left, top, 1000, 700, List.of()).stream()
                .filter(l -> l.name().equals("Hamburg")).findFirst().orElseThrow();
        assertThat(hamburg.textX()).isEqualTo(hamburg.x() + 5);
        // a venue on the dot: the name starts past it
        List<double[]> onTheDot = List.<double[]>of(new double[] {hamburg.x() - 6, hamburg.y() - 6, hamburg.x() + 6,
            hamburg.y() + 6});
        TownLabels.Label moved = TOWNS.place(zoom, scale, left, top, 1000, 700, onTheDot).stream()
                .filter(l -> l.name().equals("Hamburg")).findFirst().orElseThrow();
        assertThat(moved.textX()).isGreaterThan(hamburg.x() + 6);
        // markers on both sides: left out, the neighbours still named
        List<double[]> bothSides = List.of(new double[] {hamburg.x() - 80, hamburg.y() - 7, hamburg.x() - 8,
            hamburg.y() + 7}, new double[] {hamburg.x() + 8, hamburg.y() - 7, hamburg.x() + 80, hamburg.y() + 7});
        assertThat(names(TOWNS.place(zoom, scale, left, top, 1000, 700, bothSides))).doesNotContain("Hamburg")
                .contains("Pinneberg");
    }

    @Test
    void noTwoLabelsOverlapAndAFrameHasABoundedNumber() {
        for (double zoom : new double[] {2, 5, 8, 11}) {
            List<TownLabels.Label> labels = frame(new GeoPoint(51, 7), zoom, 1400, 900);
            assertThat(labels).hasSizeLessThanOrEqualTo(TownLabels.MAX_LABELS);
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    TownLabels.Label a = labels.get(i);
                    TownLabels.Label b = labels.get(j);
                    boolean apart = Math.abs(a.y() - b.y()) >= TownLabels.LINE_HEIGHT
                            || a.textX() + a.width() <= b.textX() || b.textX() + b.width() <= a.textX();
                    assertThat(apart).as("%s and %s at zoom %s", a, b, zoom).isTrue();
                }
            }
        }
    }
}
