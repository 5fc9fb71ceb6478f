package dev.stagedesk.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The offline map's background: Natural Earth land (filled) and country borders with coastlines (lines), decoded
 * once from the TopoJSON shipped in assets/basemap into zoom-0 Web Mercator coordinates (x, y interleaved, each
 * shape with its bounding box so drawing skips what is off screen). Two levels of detail: 1:110m for the world,
 * 1:50m from {@link #DETAIL_ZOOM} on. Town names ({@link TownLabels}) come from the shipped {@link Gazetteer}.
 */
public final class Basemap {
    public static final double DETAIL_ZOOM = 4;

    /** A ring or a line: points at zoom 0 and its box. */
    public record Shape(double[] xy, double minX, double minY, double maxX, double maxY) {
        static Shape of(double[] xy) {
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            for (int i = 0; i < xy.length; i += 2) {
                x0 = Math.min(x0, xy[i]);
                x1 = Math.max(x1, xy[i]);
                y0 = Math.min(y0, xy[i + 1]);
                y1 = Math.max(y1, xy[i + 1]);
            }
            return new Shape(xy, x0, y0, x1, y1);
        }

        public int points() {
            return xy.length / 2;
        }
    }

    /** One level of detail. */
    public record Layer(List<Shape> land, List<Shape> lines) {
        public int points() {
            return land.stream().mapToInt(Shape::points).sum() + lines.stream().mapToInt(Shape::points).sum();
        }
    }

    private final Layer world;
    private final Layer detail;
    private final TownLabels towns;

    private Basemap(Layer world, Layer detail, TownLabels towns) {
        this.world = world;
        this.detail = detail;
        this.towns = towns;
    }

    public Layer at(double zoom) {
        return zoom < DETAIL_ZOOM ? world : detail;
    }

    /** The towns to label, largest first. */
    public TownLabels towns() {
        return towns;
    }

    /** Decoded when first asked for (the JVM runs a class's initialiser once, under its own lock). */
    private static final class Shipped {
        static final Basemap MAP = new Basemap(read("countries-110m.json"), read("countries-50m.json"),
                TownLabels.of(Gazetteer.shipped()));
    }

    /** The shipped basemap, decoded at the first call (a few tenths of a second) and kept. */
    public static Basemap shipped() {
        return Shipped.MAP;
    }

    private static Layer read(String name) {
        try (InputStream in = Basemap.class.getResourceAsStream("basemap/" + name)) {
            if (in == null) {
                throw new IllegalStateException("basemap missing from the class path: " + name);
            }
            return decode(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TopoJSON → land rings (object "land") and every arc as a line (borders and coasts, each drawn once). */
    static Layer decode(JsonNode topo) {
        JsonNode t = topo.path("transform");
        double sx = t.path("scale").path(0).asDouble(1);
        double sy = t.path("scale").path(1).asDouble(1);
        double tx = t.path("translate").path(0).asDouble(0);
        double ty = t.path("translate").path(1).asDouble(0);
        boolean quantized = !t.isMissingNode();
        JsonNode arcsNode = topo.path("arcs");
        List<double[]> arcs = new ArrayList<>(arcsNode.size());
        for (JsonNode arc : arcsNode) {
            double[] xy = new double[arc.size() * 2];
            long x = 0;
            long y = 0;
            int i = 0;
            for (JsonNode p : arc) {
                double lon;
                double lat;
                if (quantized) {
                    x += p.get(0).asLong();
                    y += p.get(1).asLong();
                    lon = x * sx + tx;
                    lat = y * sy + ty;
                } else {
                    lon = p.get(0).asDouble();
                    lat = p.get(1).asDouble();
                }
                xy[i++] = WebMercator.x0(lon);
                xy[i++] = WebMercator.y0(lat);
            }
            arcs.add(xy);
        }
        List<Shape> lines = arcs.stream().map(Shape::of).toList();
        List<Shape> land = new ArrayList<>();
        for (JsonNode g : topo.path("objects").path("land").path("geometries")) {
            addPolygons(g, arcs, land);
        }
        if (topo.path("objects").path("land").has("arcs")) {
            addPolygons(topo.path("objects").path("land"), arcs, land);
        }
        return new Layer(List.copyOf(land), lines);
    }

    private static void addPolygons(JsonNode geometry, List<double[]> arcs, List<Shape> out) {
        String type = geometry.path("type").asText();
        if ("Polygon".equals(type)) {
            for (JsonNode ring : geometry.path("arcs")) {
                out.add(Shape.of(ring(ring, arcs)));
            }
        } else if ("MultiPolygon".equals(type)) {
            for (JsonNode polygon : geometry.path("arcs")) {
                for (JsonNode ring : polygon) {
                    out.add(Shape.of(ring(ring, arcs)));
                }
            }
        }
    }

    /** Joins a ring's arcs (a negative index ~i is arc i backwards), dropping each joint's repeated point. */
    private static double[] ring(JsonNode arcIndexes, List<double[]> arcs) {
        int total = 0;
        for (JsonNode a : arcIndexes) {
            int i = a.asInt();
            total += arcs.get(i < 0 ? ~i : i).length;
        }
        double[] xy = new double[total];
        int n = 0;
        for (JsonNode a : arcIndexes) {
            int i = a.asInt();
            double[] arc = arcs.get(i < 0 ? ~i : i);
            int points = arc.length / 2;
            for (int k = n == 0 ? 0 : 1; k < points; k++) {
                int src = i < 0 ? points - 1 - k : k;
                xy[n++] = arc[src * 2];
                xy[n++] = arc[src * 2 + 1];
            }
        }
        return Arrays.copyOf(xy, n);
    }
}
