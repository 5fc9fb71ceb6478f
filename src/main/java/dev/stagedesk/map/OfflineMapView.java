package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.map.MapScene.Layer;
import dev.stagedesk.map.MapScene.Marker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The built-in map: Web Mercator on a canvas over the shipped basemap, with pan (drag, arrow keys), zoom (wheel at
 * the pointer, +/−, buttons), grid clustering of markers below street level, radius circles, route legs labelled
 * with distance and time (late legs red and dashed). Works with no network. Everything is redrawn in one pass
 * ({@link #paint}) from zoom-0 coordinates computed once per scene, so a frame costs the visible basemap plus a
 * linear pass over the markers.
 */
public final class OfflineMapView extends StackPane implements MapSurface {
    static final double CELL = 44;
    /** From this zoom on, markers are drawn one by one (those at one place still share a marker). */
    static final double CLUSTER_UNTIL = 14;

    private final Canvas canvas = new Canvas(800, 600);
    private final Region canvasHolder = new Region();
    private Basemap basemap;
    private double zoom = 4;
    private double centerX0 = WebMercator.x0(10);
    private double centerY0 = WebMercator.y0(50);
    private MapScene scene = MapScene.EMPTY;
    private List<Marker> clustered = List.of();
    private List<Marker> stops = List.of();
    private double[] x0 = new double[0];
    private double[] y0 = new double[0];
    private String selected;
    private final List<Hit> hits = new ArrayList<>();
    private int townsDrawn;
    private BiConsumer<List<Marker>, Point2D> onMarkers = (m, p) -> { };
    private Consumer<GeoPoint> onPick;
    private double pressX;
    private double pressY;
    private double dragX;
    private double dragY;
    private boolean dragged;

    /** Something drawn that a click can hit: a cluster of markers (indexes into {@link #clustered}) or a route stop. */
    private record Hit(double x, double y, double r, List<Marker> markers, boolean samePlace) {
    }

    public OfflineMapView(Basemap basemap) {
        this.basemap = basemap;
        setId("offlineMap");
        setMinSize(200, 150);
        getStyleClass().add("offline-map");
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> paint());
        canvas.heightProperty().addListener((o, a, b) -> paint());
        canvas.setManaged(false);
        Button in = zoomButton("mapZoomIn", "+", 1);
        Button out = zoomButton("mapZoomOut", "−", -1);
        VBox buttons = new VBox(4, in, out);
        buttons.setPickOnBounds(false);
        buttons.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(buttons, Pos.TOP_RIGHT);
        buttons.setTranslateX(-8);
        buttons.setTranslateY(8);
        getChildren().addAll(canvas, buttons);
        setFocusTraversable(true);
        canvas.setOnMousePressed(e -> {
            requestFocus();
            pressX = dragX = e.getX();
            pressY = dragY = e.getY();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            double dx = e.getX() - dragX;
            double dy = e.getY() - dragY;
            dragX = e.getX();
            dragY = e.getY();
            if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) {
                dragged = true;
            }
            panBy(-dx, -dy);
        });
        canvas.setOnMouseClicked(e -> {
            if (dragged || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2 && hitAt(e.getX(), e.getY()) == null) {
                zoomAt(zoom + 1, e.getX(), e.getY());
                return;
            }
            click(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
        });
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(zoom + Math.signum(e.getDeltaY()) * 0.5, e.getX(), e.getY());
            }
        });
        setOnKeyPressed(e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.PLUS || k == KeyCode.ADD || k == KeyCode.EQUALS) {
                zoomTo(zoom + 1);
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                zoomTo(zoom - 1);
            } else if (k == KeyCode.LEFT) {
                panBy(-80, 0);
            } else if (k == KeyCode.RIGHT) {
                panBy(80, 0);
            } else if (k == KeyCode.UP) {
                panBy(0, -80);
            } else if (k == KeyCode.DOWN) {
                panBy(0, 80);
            } else {
                return;
            }
            e.consume();
        });
    }

    private Button zoomButton(String id, String text, int step) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setMinWidth(32);
        b.setOnAction(e -> zoomTo(zoom + step));
        return b;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public String kind() {
        return "offline";
    }

    /** The basemap arrives after the view (it is decoded in the background). */
    public void setBasemap(Basemap basemap) {
        this.basemap = basemap;
        paint();
    }

    @Override
    public void show(MapScene scene) {
        this.scene = scene;
        List<Marker> c = new ArrayList<>();
        List<Marker> s = new ArrayList<>();
        for (Marker m : scene.markers()) {
            (m.layer() == Layer.ROUTE ? s : c).add(m);
        }
        // venues under bookings under homes: later ones are drawn on top
        c.sort(Comparator.comparingInt(m -> m.layer().ordinal() == 0 ? 0 : m.layer() == Layer.BOOKINGS ? 1 : 2));
        clustered = c;
        stops = s;
        x0 = new double[c.size()];
        y0 = new double[c.size()];
        for (int i = 0; i < c.size(); i++) {
            x0[i] = WebMercator.x0(c.get(i).point().longitude());
            y0[i] = WebMercator.y0(c.get(i).point().latitude());
        }
        paint();
    }

    @Override
    public void select(String key) {
        selected = key;
        paint();
    }

    @Override
    public void fit(List<GeoPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (GeoPoint p : points) {
            double x = WebMercator.x0(p.longitude());
            double y = WebMercator.y0(p.latitude());
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        centerX0 = (minX + maxX) / 2;
        centerY0 = (minY + maxY) / 2;
        double w = Math.max(200, width()) - 80;
        double h = Math.max(150, height()) - 80;
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double z = Math.log(Math.min(w / spanX, h / spanY)) / Math.log(2);
        zoom = clampZoom(Math.min(z, 13));
        paint();
    }

    @Override
    public void setOnMarkersClicked(BiConsumer<List<Marker>, Point2D> handler) {
        this.onMarkers = handler == null ? (m, p) -> { } : handler;
    }

    @Override
    public void setOnPointPicked(Consumer<GeoPoint> handler) {
        this.onPick = handler;
        canvas.setCursor(handler == null ? Cursor.DEFAULT : Cursor.CROSSHAIR);
    }

    public double zoom() {
        return zoom;
    }

    public void zoomTo(double z) {
        zoomAt(z, width() / 2, height() / 2);
    }

    /** Zooms keeping the world point under ({@code sx}, {@code sy}) where it is. */
    public void zoomAt(double z, double sx, double sy) {
        double nz = clampZoom(z);
        double scale = Math.pow(2, zoom);
        double wx = (left(scale) + sx) / scale;
        double wy = (top(scale) + sy) / scale;
        double ns = Math.pow(2, nz);
        centerX0 = wx - (sx - width() / 2) / ns;
        centerY0 = wy - (sy - height() / 2) / ns;
        zoom = nz;
        paint();
    }

    public void panBy(double dx, double dy) {
        double scale = Math.pow(2, zoom);
        centerX0 = Math.max(0, Math.min(WebMercator.TILE, centerX0 + dx / scale));
        centerY0 = Math.max(0, Math.min(WebMercator.TILE, centerY0 + dy / scale));
        paint();
    }

    public void centerOn(GeoPoint p, double z) {
        centerX0 = WebMercator.x0(p.longitude());
        centerY0 = WebMercator.y0(p.latitude());
        zoom = clampZoom(z);
        paint();
    }

    /** Where a point is drawn, in this view's coordinates (tests click there). */
    public Point2D toView(GeoPoint p) {
        double scale = Math.pow(2, zoom);
        return new Point2D(WebMercator.x0(p.longitude()) * scale - left(scale),
                WebMercator.y0(p.latitude()) * scale - top(scale));
    }

    /** The point under a place in this view. */
    public GeoPoint toGeo(double sx, double sy) {
        double scale = Math.pow(2, zoom);
        double lon = WebMercator.lon((left(scale) + sx) / scale, 0);
        double lat = WebMercator.lat((top(scale) + sy) / scale, 0);
        return new GeoPoint(Math.max(-90, Math.min(90, lat)), Math.max(-180, Math.min(180, lon)));
    }

    /** The scene shown. */
    public MapScene scene() {
        return scene;
    }

    /** How many clusters and single markers the last frame drew (for the status line and tests). */
    public int drawnMarkers() {
        return hits.size();
    }

    /** How many town names the last frame wrote. */
    public int drawnTowns() {
        return townsDrawn;
    }

    private static double clampZoom(double z) {
        return Math.max(WebMercator.MIN_ZOOM, Math.min(WebMercator.MAX_ZOOM, z));
    }

    private double width() {
        return canvas.getWidth();
    }

    private double height() {
        return canvas.getHeight();
    }

    private double left(double scale) {
        return centerX0 * scale - width() / 2;
    }

    private double top(double scale) {
        return centerY0 * scale - height() / 2;
    }

    private Hit hitAt(double x, double y) {
        Hit best = null;
        double bestD = Double.MAX_VALUE;
        for (Hit h : hits) {
            double d = Math.hypot(h.x() - x, h.y() - y);
            if (d <= h.r() + 4 && d < bestD) {
                best = h;
                bestD = d;
            }
        }
        return best;
    }

    private void click(double x, double y, double screenX, double screenY) {
        Hit h = hitAt(x, y);
        if (h == null) {
            if (onPick != null) {
                onPick.accept(toGeo(x, y));
            }
            return;
        }
        if (h.markers().size() > 1 && !h.samePlace() && zoom < WebMercator.MAX_ZOOM - 1) {
            zoomAt(Math.min(WebMercator.MAX_ZOOM, zoom + 2), x, y); // open the cluster
            return;
        }
        onMarkers.accept(h.markers(), new Point2D(screenX, screenY));
    }

    // ------------------------------------------------------------------------------------------ drawing

    /** Draws one frame. */
    public void paint() {
        double w = width();
        double h = height();
        if (w <= 0 || h <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double scale = Math.pow(2, zoom);
        double left = left(scale);
        double top = top(scale);
        g.setFill(SEA);
        g.fillRect(0, 0, w, h);
        var clusters = MarkerClusters.of(x0, y0, clustered.size(), scale, left, top, w, h, CELL, zoom < CLUSTER_UNTIL);
        if (basemap != null) {
            drawBasemap(g, basemap.at(zoom), scale, left, top, w, h);
            // names go where no marker is: a marker hides the name it would be drawn over
            List<double[]> taken = new ArrayList<>(clusters.size() + stops.size() + 2);
            taken.add(new double[] {w - 56, 0, w, 96}); // the zoom buttons
            taken.add(new double[] {w - 8 - ATTRIBUTION.length() * 5.6, h - 18, w, h});
            for (var cl : clusters) {
                double r = cl.size() == 1 ? 7 : 24;
                taken.add(new double[] {cl.x() - r, cl.y() - r, cl.x() + r, cl.y() + r});
            }
            for (Marker m : stops) {
                double x = WebMercator.x0(m.point().longitude()) * scale - left;
                double y = WebMercator.y0(m.point().latitude()) * scale - top;
                taken.add(new double[] {x - 10, y - 10, x + 10, y + 10});
            }
            List<TownLabels.Label> towns = basemap.towns().place(zoom, scale, left, top, w, h, taken);
            drawTowns(g, towns);
            townsDrawn = towns.size();
        }
        for (MapScene.Circle c : scene.circles()) {
            double cx = WebMercator.x0(c.centre().longitude()) * scale - left;
            double cy = WebMercator.y0(c.centre().latitude()) * scale - top;
            double r = c.km() * 1000 / metresPerPixel(c.centre().latitude(), zoom);
            if (cx + r < 0 || cy + r < 0 || cx - r > w || cy - r > h) {
                continue;
            }
            g.setFill(RADIUS_FILL);
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            g.setStroke(RADIUS_LINE);
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
            g.setLineDashes();
        }
        hits.clear();
        for (var cl : clusters) {
            List<Marker> members = new ArrayList<>(cl.size());
            for (int i : cl.members()) {
                members.add(clustered.get(i));
            }
            double r = drawMarker(g, cl.x(), cl.y(), members);
            hits.add(new Hit(cl.x(), cl.y(), r, members, cl.samePlace()));
        }
        drawRoute(g, scale, left, top);
        g.setFill(Color.gray(0.35));
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(ATTRIBUTION, w - 6, h - 4);
    }

    private static double metresPerPixel(double lat, double zoom) {
        return Math.cos(Math.toRadians(lat)) * 2 * Math.PI * 6_371_000 / WebMercator.size(zoom);
    }

    private final double[] xs = new double[70_000];
    private final double[] ys = new double[70_000];

    private void drawBasemap(GraphicsContext g, Basemap.Layer layer, double scale, double left, double top, double w,
                             double h) {
        double x0v = left / scale;
        double y0v = top / scale;
        double x1v = (left + w) / scale;
        double y1v = (top + h) / scale;
        g.setFill(LAND);
        for (Basemap.Shape s : layer.land()) {
            if (s.maxX() < x0v || s.minX() > x1v || s.maxY() < y0v || s.minY() > y1v) {
                continue;
            }
            int n = project(s, scale, left, top);
            if (n > 2 && s.maxY() > WebMercator.TILE - 1) {
                g.fillPolygon(xs, ys, n); // Antarctica: closed along the bottom edge, drawn as it is
            } else if (n > 2) {
                // a ring that crosses the antimeridian jumps across the world: unwrap it, then fill it where it shows
                double world = WebMercator.size(zoom);
                double shift = 0;
                double minX = xs[0];
                double maxX = xs[0];
                for (int i = 1; i < n; i++) {
                    double jump = xs[i] + shift - xs[i - 1];
                    if (jump > world / 2) {
                        shift -= world;
                    } else if (jump < -world / 2) {
                        shift += world;
                    }
                    xs[i] += shift;
                    minX = Math.min(minX, xs[i]);
                    maxX = Math.max(maxX, xs[i]);
                }
                g.fillPolygon(xs, ys, n);
                if (shift != 0 || minX < -left || maxX > world - left) {
                    for (double k : new double[] {-world, world}) {
                        if (maxX + k >= 0 && minX + k <= w) {
                            for (int i = 0; i < n; i++) {
                                xs[i] += k;
                            }
                            g.fillPolygon(xs, ys, n);
                            for (int i = 0; i < n; i++) {
                                xs[i] -= k;
                            }
                        }
                    }
                }
            }
        }
        g.setStroke(BORDER);
        g.setLineWidth(zoom < Basemap.DETAIL_ZOOM ? 0.6 : 0.9);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (Basemap.Shape s : layer.lines()) {
            if (s.maxX() < x0v || s.minX() > x1v || s.maxY() < y0v || s.minY() > y1v) {
                continue;
            }
            int n = project(s, scale, left, top);
            // an arc that crosses the antimeridian jumps across the world: draw it in pieces
            int from = 0;
            double half = WebMercator.size(zoom) / 2;
            for (int i = 1; i <= n; i++) {
                if (i == n || Math.abs(xs[i] - xs[i - 1]) > half) {
                    if (from == 0 && i == n) {
                        g.strokePolyline(xs, ys, n);
                    } else if (i - from > 1) {
                        g.strokePolyline(Arrays.copyOfRange(xs, from, i),
                                Arrays.copyOfRange(ys, from, i), i - from);
                    }
                    from = i;
                }
            }
        }
    }

    /** Town names with a dot, dark on a white halo so they read over land, sea and borders. */
    private static void drawTowns(GraphicsContext g, List<TownLabels.Label> labels) {
        Font regular = Font.font(11);
        Font major = Font.font(null, FontWeight.BOLD, 11);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (TownLabels.Label l : labels) {
            g.setFill(TOWN);
            g.fillOval(l.x() - 2, l.y() - 2, 4, 4);
            g.setFont(l.major() ? major : regular);
            g.setStroke(HALO);
            g.setLineWidth(3);
            g.strokeText(l.name(), l.textX(), l.y());
            g.setFill(TOWN);
            g.fillText(l.name(), l.textX(), l.y());
        }
    }

    /** Screen points of a shape, dropping those less than a pixel from the last kept one. */
    private int project(Basemap.Shape s, double scale, double left, double top) {
        double[] xy = s.xy();
        int n = 0;
        double lx = Double.NaN;
        double ly = Double.NaN;
        int last = xy.length - 2;
        for (int i = 0; i < xy.length && n < xs.length; i += 2) {
            double x = xy[i] * scale - left;
            double y = xy[i + 1] * scale - top;
            if (i != 0 && i != last && Math.abs(x - lx) < 0.8 && Math.abs(y - ly) < 0.8) {
                continue;
            }
            xs[n] = x;
            ys[n] = y;
            n++;
            lx = x;
            ly = y;
        }
        return n;
    }

    /** Draws a single marker or a cluster; returns its radius for hit testing. */
    private double drawMarker(GraphicsContext g, double x, double y, List<Marker> members) {
        Marker first = members.get(0);
        boolean isSelected = selected != null && members.stream().anyMatch(m -> m.key().equals(selected));
        Color fill = colour(members);
        if (members.size() == 1) {
            double r = first.layer() == Layer.VENUES ? 5 : 7;
            if (isSelected) {
                g.setFill(SELECTED);
                g.fillOval(x - r - 5, y - r - 5, 2 * r + 10, 2 * r + 10);
            }
            g.setFill(fill);
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            if (first.layer() == Layer.HOMES) {
                double[] hx = {x - r, x, x + r};
                double[] hy = {y + r * 0.8, y - r, y + r * 0.8};
                g.fillPolygon(hx, hy, 3);
                g.strokePolygon(hx, hy, 3);
            } else if (first.layer() == Layer.VENUES) {
                g.fillRect(x - r, y - r, 2 * r, 2 * r);
                g.strokeRect(x - r, y - r, 2 * r, 2 * r);
            } else {
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            return r;
        }
        int n = members.size();
        double r = Math.min(24, 10 + 3 * Math.log10(n) * 2.2);
        disc(g, x, y, r, fill.deriveColor(0, 1, 1, 0.88), n >= 10_000 ? (n / 1000) + "k" : Integer.toString(n),
                isSelected);
        return r;
    }

    /** A filled circle with a white rim and a white text (a cluster's count, a route stop's number). */
    private static void disc(GraphicsContext g, double x, double y, double r, Color fill, String text,
                             boolean selected) {
        if (selected) {
            g.setFill(SELECTED);
            g.fillOval(x - r - 5, y - r - 5, 2 * r + 10, 2 * r + 10);
        }
        g.setFill(fill);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setFill(Color.WHITE);
        g.setFont(Font.font(null, FontWeight.BOLD, 11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }

    private void drawRoute(GraphicsContext g, double scale, double left, double top) {
        g.setLineCap(StrokeLineCap.ROUND);
        g.setFont(Font.font(11));
        for (MapScene.Line l : scene.lines()) {
            double ax = WebMercator.x0(l.from().longitude()) * scale - left;
            double ay = WebMercator.y0(l.from().latitude()) * scale - top;
            double bx = WebMercator.x0(l.to().longitude()) * scale - left;
            double by = WebMercator.y0(l.to().latitude()) * scale - top;
            g.setStroke(l.feasible() ? ROUTE : LATE);
            g.setLineWidth(3.5);
            if (!l.feasible()) {
                g.setLineDashes(9, 6);
            }
            g.strokeLine(ax, ay, bx, by);
            g.setLineDashes();
            if (l.label() != null && !l.label().isEmpty()) {
                double mx = (ax + bx) / 2;
                double my = (ay + by) / 2;
                double tw = l.label().length() * 6.2 + 8;
                g.setFill(Color.color(1, 1, 1, 0.9));
                g.fillRoundRect(mx - tw / 2, my - 9, tw, 18, 6, 6);
                g.setFill(l.feasible() ? Color.gray(0.15) : LATE);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(l.label(), mx, my);
            }
        }
        for (Marker m : stops) {
            double x = WebMercator.x0(m.point().longitude()) * scale - left;
            double y = WebMercator.y0(m.point().latitude()) * scale - top;
            double r = 10;
            disc(g, x, y, r, ROUTE, m.label(), m.key().equals(selected));
            hits.add(new Hit(x, y, r, List.of(m), true));
        }
    }

    static final Color SEA = Color.web("#dde9f2");
    static final Color LAND = Color.web("#f6f3ec");
    static final Color BORDER = Color.web("#b9b2a3");
    private static final String ATTRIBUTION = tr("map.attribution");
    static final Color TOWN = Color.web("#3f3a33");
    static final Color HALO = Color.color(1, 1, 1, 0.85);
    static final Color ROUTE = Color.web("#2563eb");
    static final Color LATE = Color.web("#dc2626");
    static final Color SELECTED = Color.web("#f59e0b", 0.55);
    static final Color RADIUS_FILL = Color.web("#dc2626", 0.10);
    static final Color RADIUS_LINE = Color.web("#dc2626", 0.8);

    /** Booking colours by status (the calendar's); venues grey, home bases violet; a mixed cluster the majority's. */
    static Color colour(List<Marker> members) {
        // bookings speak louder than the venues they are at
        if (members.size() > 1 && members.stream().anyMatch(m -> m.layer() == Layer.BOOKINGS)
                && members.stream().anyMatch(m -> m.layer() != Layer.BOOKINGS)) {
            members = members.stream().filter(m -> m.layer() == Layer.BOOKINGS).toList();
        }
        Map<Color, Integer> count = new HashMap<>();
        Color best = null;
        int bestN = 0;
        for (Marker m : members) {
            Color c = colour(m);
            int n = count.merge(c, 1, Integer::sum);
            if (n > bestN) {
                best = c;
                bestN = n;
            }
        }
        return best;
    }

    public static Color colour(Marker m) {
        return switch (m.layer()) {
            case VENUES -> Color.web("#64748b");
            case HOMES -> Color.web("#7c3aed");
            case ROUTE -> ROUTE;
            case BOOKINGS -> statusColour(m.status());
        };
    }

    public static Color statusColour(BookingStatus status) {
        if (status == null) {
            return Color.GRAY;
        }
        return switch (status) {
            case HOLD -> Color.web("#d97706");
            case CONFIRMED -> Color.web("#16a34a");
            case COMPLETED -> Color.web("#2563eb");
            case CANCELLED -> Color.web("#b91c1c");
        };
    }

}
