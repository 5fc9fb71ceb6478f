package dev.stagedesk.map;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.booking.ConflictCheck.Travel;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The map's benchmarks for the `bench --map` command: frames of the offline map with many markers (draw calls plus
 * rendering the canvas to an image, on the FX thread) at world, country and city zoom and while panning, and
 * planning a day route. Needs a display for the frames (Xvfb will do).
 */
public final class MapBench {
    private MapBench() {
    }

    /** One measured thing: what, on which data, the samples in ms. */
    public record Result(String what, String data, double[] samples) {
    }

    /** {@code count} stops around Berlin with windows a given order keeps, from {@code seed}. */
    public static List<Route.Stop> stops(int count, long seed) {
        Random r = new Random(seed);
        Travel travel = new Travel(130, 50, 15);
        Instant free = Instant.parse("2027-06-05T06:00:00Z");
        GeoPoint at = null;
        List<Route.Stop> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GeoPoint p = new GeoPoint(52.35 + r.nextDouble() * 0.35, 13.1 + r.nextDouble() * 0.6);
            long move = at == null ? 0 : travel.minutes(at.km(p)) + travel.setupBufferMinutes();
            Instant start = free.plus(Duration.ofMinutes(move + r.nextInt(20)));
            out.add(new Route.Stop("stop:" + i, "Place " + i, p, start.minus(Duration.ofMinutes(r.nextInt(90))),
                    start.plus(Duration.ofMinutes(60 + r.nextInt(120))), 10 + r.nextInt(30)));
            free = start.plus(Duration.ofMinutes(out.get(i).stayMinutes()));
            at = p;
        }
        // the planner is handed them shuffled
        Collections.shuffle(out, r);
        return out;
    }

    public static List<Result> planning(int rounds) {
        Travel travel = new Travel(130, 50, 15);
        List<Result> out = new ArrayList<>();
        for (int n : new int[] {10, 25}) {
            List<List<Route.Stop>> days = new ArrayList<>();
            for (int i = 0; i < rounds + 3; i++) {
                days.add(stops(n, 1000 + i));
            }
            double[] samples = new double[rounds];
            int feasible = 0;
            for (int i = 0; i < rounds + 3; i++) {
                long t = System.nanoTime();
                Route.Schedule s = RoutePlanner.plan(new GeoPoint(52.52, 13.405), days.get(i), travel);
                if (i >= 3) {
                    samples[i - 3] = (System.nanoTime() - t) / 1e6;
                    feasible += s.feasible() ? 1 : 0;
                }
            }
            out.add(new Result("route planner: " + n + " stops with time windows (shuffled)",
                    n + " stops, " + feasible + "/" + rounds + " plans keep every window", samples));
        }
        return out;
    }

    /**
     * The offline address fallback: reading the shipped towns and building their name index (the first look-up
     * pays it, once per run of the console), then finding the town in typical addresses.
     */
    public static List<Result> offlineLookUps(int rounds) throws IOException {
        double[] first = new double[Math.max(1, Math.min(rounds, 5))];
        for (int i = 0; i < first.length; i++) {
            long t = System.nanoTime();
            Gazetteer g;
            try (var in = Gazetteer.class.getResourceAsStream("basemap/cities.tsv.gz")) {
                g = Gazetteer.read(new GZIPInputStream(in));
            }
            g.inAddress("Alexanderplatz 1, 10178 Berlin");
            first[i] = (System.nanoTime() - t) / 1e6;
        }
        Gazetteer towns = Gazetteer.shipped();
        String[] addresses = {"Alexanderplatz 1, 10178 Berlin", "Barnerstraße 36, 22765 Hamburg, DE",
            "Marienplatz 8, 80331 München", "Karl-Marx-Straße 1, 15230 Frankfurt (Oder)", "1 Main St, Paris, US",
            "Domkloster 4, 50667 Köln", "Hauptstraße 7, 99999 Nirgendwo", "Stephansplatz 1, 1010 Wien, Österreich"};
        double[] each = new double[rounds];
        int found = 0;
        for (int i = -3; i < rounds; i++) {
            long t = System.nanoTime();
            int hits = 0;
            for (String a : addresses) {
                hits += towns.inAddress(a).isPresent() ? 1 : 0;
            }
            if (i >= 0) {
                each[i] = (System.nanoTime() - t) / 1e6;
                found = hits;
            }
        }
        return List.of(new Result("offline look-up, first of a run (reads the towns, builds the name index)",
                towns.byPopulation().size() + " towns", first),
                new Result("offline look-up of " + addresses.length + " addresses", found + "/" + addresses.length
                        + " name a known town", each));
    }

    /** Frames of the offline map with {@code markers} bookings over Europe. */
    public static List<Result> frames(int markers, int rounds) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        Basemap basemap = Basemap.shipped();
        Random r = new Random(42);
        BookingStatus[] statuses = BookingStatus.values();

        List<MapScene.Marker> ms = new ArrayList<>(markers);
        for (int i = 0; i < markers; i++) {
            // a third in and around Berlin, the rest anywhere in Europe: like an agency's venues
            boolean berlin = i % 3 == 0;
            double lat = berlin ? 52.52 + r.nextGaussian() * 0.08 : 40 + r.nextDouble() * 18;
            double lon = berlin ? 13.40 + r.nextGaussian() * 0.12 : -5 + r.nextDouble() * 30;
            ms.add(new MapScene.Marker("booking:" + i, MapScene.Layer.BOOKINGS, new GeoPoint(lat, lon), "BK-" + i,
                    "BK-" + i, statuses[r.nextInt(4)], UUID.randomUUID(), null));
        }
        MapScene scene = new MapScene(ms, List.of(), List.of());
        List<Result> out = new ArrayList<>();
        OfflineMapView[] view = new OfflineMapView[1];
        onFx(() -> {
            view[0] = new OfflineMapView(basemap);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(view[0]), 1280, 800));
            stage.show();
            view[0].show(scene);
            return null;
        });
        record Case(String what, double zoom, double panX) {
        }
        GeoPoint berlin = new GeoPoint(52.52, 13.40);
        for (Case c : List.of(new Case("offline map frame, Europe (zoom 4, clustered)", 4, 0),
                new Case("offline map frame, one country (zoom 7, clustered)", 7, 0),
                new Case("offline map frame, one city (zoom 14, single markers)", 14, 0),
                new Case("offline map pan step of 40 px (zoom 6)", 6, 40))) {
            onFx(() -> {
                view[0].centerOn(c.zoom() >= 10 ? berlin : new GeoPoint(50.5, 9.0), c.zoom());
                return null;
            });
            double[] samples = new double[rounds];
            for (int i = -3; i < rounds; i++) {
                double ms0 = onFx(() -> {
                    long t = System.nanoTime();
                    if (c.panX() != 0) {
                        view[0].panBy(c.panX(), 0); // panning repaints
                    } else {
                        view[0].paint();
                    }
                    view[0].snapshot(null, null); // render what was drawn
                    return (System.nanoTime() - t) / 1e6;
                });
                if (i >= 0) {
                    samples[i] = ms0;
                }
            }
            int drawn = onFx(() -> view[0].drawnMarkers());
            int towns = onFx(() -> view[0].drawnTowns());
            out.add(new Result(c.what(), markers + " markers, " + drawn + " drawn, " + towns + " town names, 1280×800",
                    samples));
        }
        return out;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
