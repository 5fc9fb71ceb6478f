package dev.stagedesk.map;

import java.util.ArrayList;
import java.util.List;

/**
 * Which town names the offline map writes: the larger the zoom, the smaller the towns (from 5 million people at
 * world scale to every shipped town of 15,000 at city scale), largest first; a name goes right of its dot, past a
 * marker on the dot, or left of it, and is skipped when it would overlap a name or marker already there; at most
 * {@link #MAX_LABELS} a frame. Zoom-0 coordinates are computed once, so a frame is one pass
 * over the towns large enough for its zoom.
 */
public final class TownLabels {
    public static final int MAX_LABELS = 160;
    /** Width of a character of the label font, in pixels (an estimate: the labels only need not to collide). */
    static final double CHAR_WIDTH = 6.4;
    static final double LINE_HEIGHT = 14;

    /**
     * A town's dot at ({@code x}, {@code y}) and its name written from {@code textX} (right of the dot, further right
     * when a marker sits on the dot, or left of it); {@code major} for towns of a million and more.
     */
    public record Label(String name, double x, double y, double textX, boolean major) {
        double width() {
            return TownLabels.width(name, major);
        }
    }

    /** The estimated width of a town's name on the screen (major towns are written in bold). */
    static double width(String name, boolean major) {
        return name.length() * (major ? CHAR_WIDTH + 0.6 : CHAR_WIDTH);
    }

    private final String[] names;
    private final double[] x0;
    private final double[] y0;
    private final int[] population;

    private TownLabels(String[] names, double[] x0, double[] y0, int[] population) {
        this.names = names;
        this.x0 = x0;
        this.y0 = y0;
        this.population = population;
    }

    public static TownLabels of(Gazetteer towns) {
        List<Gazetteer.City> all = towns.byPopulation();
        int n = all.size();
        String[] names = new String[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] pop = new int[n];
        for (int i = 0; i < n; i++) {
            Gazetteer.City c = all.get(i);
            names[i] = c.name();
            x[i] = WebMercator.x0(c.point().longitude());
            y[i] = WebMercator.y0(c.point().latitude());
            pop[i] = c.population();
        }
        return new TownLabels(names, x, y, pop);
    }

    /** The smallest town labelled below zoom 3, 4, … 9; from zoom 9 on, every town. */
    private static final int[] SMALLEST_BELOW_ZOOM = {5_000_000, 2_000_000, 700_000, 300_000, 120_000, 50_000, 25_000};

    /** The smallest town labelled at a zoom. */
    static int minPopulation(double zoom) {
        int i = (int) Math.floor(zoom) - 2;
        return i >= SMALLEST_BELOW_ZOOM.length ? 0 : SMALLEST_BELOW_ZOOM[Math.max(0, i)];
    }

    /**
     * The labels of a frame: {@code scale} is 2^zoom, ({@code left}, {@code top}) the frame's corner in world pixels,
     * {@code w} × {@code h} its size. A label's box is the dot plus the name to its right; {@code taken} are boxes
     * (x0, y0, x1, y1) already used on the screen (markers), which no label overlaps.
     */
    public List<Label> place(double zoom, double scale, double left, double top, double w, double h,
                             List<double[]> taken) {
        int min = minPopulation(zoom);
        List<Label> out = new ArrayList<>();
        List<double[]> written = new ArrayList<>();
        for (int i = 0; i < names.length && population[i] >= min && out.size() < MAX_LABELS; i++) {
            double sx = x0[i] * scale - left;
            double sy = y0[i] * scale - top;
            if (sx < -4 || sy < -4 || sx > w || sy > h) {
                continue;
            }
            boolean major = population[i] >= 1_000_000;
            double tw = width(names[i], major);
            double[] dot = {sx - 3, sy - 3, sx + 3, sy + 3};
            if (overlaps(dot, written)) {
                continue;
            }
            for (double tx : new double[] {sx + 5, sx + 12, sx - 5 - tw}) {
                double[] text = {tx - 1, sy - LINE_HEIGHT / 2, tx + tw + 1, sy + LINE_HEIGHT / 2};
                if (!overlaps(text, written) && !overlaps(text, taken)) {
                    written.add(text);
                    written.add(dot);
                    out.add(new Label(names[i], sx, sy, tx, major));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean overlaps(double[] b, List<double[]> placed) {
        for (double[] p : placed) {
            if (b[0] < p[2] && p[0] < b[2] && b[1] < p[3] && p[1] < b[3]) {
                return true;
            }
        }
        return false;
    }
}
