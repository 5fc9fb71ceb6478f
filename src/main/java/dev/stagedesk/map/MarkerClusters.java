package dev.stagedesk.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid clustering on the screen: markers whose screen positions fall in the same cell of {@code cell} pixels become
 * one cluster, drawn at their mean position with their count. Linear in the markers, so it runs every frame. Markers
 * exactly at one place always share a cluster (several bookings at one venue), even when zoomed in past
 * {@code clusterUntilZoom}.
 */
public final class MarkerClusters {
    private MarkerClusters() {
    }

    /** A drawn group: screen centre, the indexes of its markers, whether they all share one point. */
    public record Cluster(double x, double y, int[] members, boolean samePlace) {
        public int size() {
            return members.length;
        }
    }

    /**
     * {@code x0}/{@code y0}: the markers at zoom 0; the view shows world pixels from ({@code left}, {@code top}) at
     * {@code scale} (2^zoom), {@code width} × {@code height}. Markers off screen (with a margin) are left out.
     */
    public static List<Cluster> of(double[] x0, double[] y0, int count, double scale, double left, double top,
                                   double width, double height, double cell, boolean cluster) {
        // per cell: [count, member, member, ...], grown by doubling
        Map<Long, int[]> cells = new HashMap<>();
        double margin = cell;
        for (int i = 0; i < count; i++) {
            double sx = x0[i] * scale - left;
            double sy = y0[i] * scale - top;
            if (sx < -margin || sy < -margin || sx > width + margin || sy > height + margin) {
                continue;
            }
            long key = cluster ? (((long) Math.floor(sx / cell)) << 32) | (((long) Math.floor(sy / cell)) & 0xffffffffL)
                    : (Double.doubleToLongBits(x0[i]) * 31) ^ Double.doubleToLongBits(y0[i]);
            int[] c = cells.get(key);
            if (c == null) {
                c = new int[4];
            } else if (c[0] + 1 == c.length) {
                c = Arrays.copyOf(c, c.length * 2);
            }
            c[++c[0]] = i;
            cells.put(key, c);
        }
        List<Cluster> out = new ArrayList<>(cells.size());
        for (int[] c : cells.values()) {
            int[] m = Arrays.copyOfRange(c, 1, c[0] + 1);
            double sx = 0;
            double sy = 0;
            boolean same = true;
            for (int i : m) {
                sx += x0[i];
                sy += y0[i];
                same &= x0[i] == x0[m[0]] && y0[i] == y0[m[0]];
            }
            out.add(new Cluster(sx / m.length * scale - left, sy / m.length * scale - top, m, same));
        }
        return out;
    }
}
