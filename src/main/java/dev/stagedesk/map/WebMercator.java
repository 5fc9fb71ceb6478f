package dev.stagedesk.map;

/**
 * The Web Mercator projection Google, OpenStreetMap and the offline map share: the world is a square of
 * {@code 256 × 2^zoom} pixels, x growing east from 180° W, y growing south from 85.0511° N (the latitude at which
 * the square closes). Pure functions; {@link #x}/{@link #y} and {@link #lon}/{@link #lat} are inverse.
 */
public final class WebMercator {
    /** Pixels of the whole world at zoom 0. */
    public static final double TILE = 256;
    /** Beyond this latitude Mercator runs to infinity; points are clamped to it. */
    public static final double MAX_LATITUDE = 85.05112878;
    public static final double MIN_ZOOM = 1;
    public static final double MAX_ZOOM = 18;

    private WebMercator() {
    }

    public static double size(double zoom) {
        return TILE * Math.pow(2, zoom);
    }

    public static double x(double lon, double zoom) {
        return (lon + 180.0) / 360.0 * size(zoom);
    }

    public static double y(double lat, double zoom) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double s = Math.sin(Math.toRadians(clamped));
        return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size(zoom);
    }

    public static double lon(double x, double zoom) {
        return x / size(zoom) * 360.0 - 180.0;
    }

    public static double lat(double y, double zoom) {
        double n = Math.PI - 2 * Math.PI * y / size(zoom);
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** x at zoom 0, in [0, 256): what the basemap and markers are stored in, so a zoom is one multiplication. */
    public static double x0(double lon) {
        return x(lon, 0);
    }

    public static double y0(double lat) {
        return y(lat, 0);
    }
}
