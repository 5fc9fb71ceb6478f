package dev.stagedesk.ui;

import java.util.Map;
import javafx.scene.Scene;

/**
 * Where the widths a user gave a table's columns are remembered (per table id, per column title). The window
 * puts one on its scene ({@link #install}); a {@link PagedTable} finds it there once it is shown.
 */
public interface ColumnWidths {
    /** The remembered widths of a table's columns (empty when none). */
    Map<String, Double> load(String table);

    /** Remembers the widths of the columns the user resized. */
    void save(String table, Map<String, Double> widths);

    /** Remembers nothing. */
    ColumnWidths NONE = new ColumnWidths() {
        @Override
        public Map<String, Double> load(String table) {
            return Map.of();
        }

        @Override
        public void save(String table, Map<String, Double> widths) {
        }
    };

    /** Makes {@code widths} the store of every table shown in {@code scene}. */
    static void install(Scene scene, ColumnWidths widths) {
        scene.getProperties().put(ColumnWidths.class, widths);
    }

    /** The store installed on {@code scene}, or {@link #NONE}. */
    static ColumnWidths of(Scene scene) {
        Object o = scene == null ? null : scene.getProperties().get(ColumnWidths.class);
        return o instanceof ColumnWidths w ? w : NONE;
    }
}
