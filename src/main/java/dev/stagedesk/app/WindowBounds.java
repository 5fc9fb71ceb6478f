package dev.stagedesk.app;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: the saved position and size, clamped to the visual bounds (the screen less the
 * task bar) of the screen it was on, or of the primary screen when that one is gone. A window saved on a
 * larger screen therefore never opens larger than the screen, nor partly off it.
 */
public record WindowBounds(double x, double y, double width, double height) {
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 560;
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    /**
     * @param x       saved left edge, or null (centred)
     * @param y       saved top edge, or null (centred)
     * @param screens the visual bounds of the screens; the first is the primary
     */
    public static WindowBounds clamp(Double x, Double y, double width, double height, List<Rectangle2D> screens) {
        Rectangle2D screen = screens.get(0);
        if (x != null && y != null) {
            for (Rectangle2D s : screens) {
                if (s.contains(x + Math.min(width, 200) / 2, y + 10)) { // where its title bar was
                    screen = s;
                    break;
                }
            }
        }
        double w = Math.min(Math.max(valid(width, DEFAULT_WIDTH), MIN_WIDTH), screen.getWidth());
        double h = Math.min(Math.max(valid(height, DEFAULT_HEIGHT), MIN_HEIGHT), screen.getHeight());
        double left = x == null || !Double.isFinite(x) ? screen.getMinX() + (screen.getWidth() - w) / 2 : x;
        double top = y == null || !Double.isFinite(y) ? screen.getMinY() + (screen.getHeight() - h) / 2 : y;
        left = Math.max(screen.getMinX(), Math.min(left, screen.getMaxX() - w));
        top = Math.max(screen.getMinY(), Math.min(top, screen.getMaxY() - h));
        return new WindowBounds(left, top, w, h);
    }

    /** The smallest the window may be made on a screen of these visual bounds. */
    public static double minWidth(Rectangle2D screen) {
        return Math.min(MIN_WIDTH, screen.getWidth());
    }

    public static double minHeight(Rectangle2D screen) {
        return Math.min(MIN_HEIGHT, screen.getHeight());
    }

    private static double valid(double v, double fallback) {
        return Double.isFinite(v) && v > 0 ? v : fallback;
    }
}
