package dev.stagedesk.app;

import dev.stagedesk.ui.ColumnWidths;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-machine window state (position, size, theme) in a small file of the data folder. Not in the store: it
 * belongs to this desktop and must never sync to another.
 */
public final class UiState implements ColumnWidths {
    private static final Logger LOG = LoggerFactory.getLogger(UiState.class);

    private final Path file;
    private final Properties props = new Properties();

    public UiState(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable window state {}: {}", file, e.toString());
            }
        }
    }

    public double number(String key, double fallback) {
        try {
            return Double.parseDouble(props.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(props.getProperty(key, "false"));
    }

    public String text(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    public void put(String key, Object value) {
        props.setProperty(key, String.valueOf(value));
    }

    public boolean has(String key) {
        return props.containsKey(key);
    }

    /** Column widths are kept as {@code column.<table>.<column title>=<width>}. */
    @Override
    public Map<String, Double> load(String table) {
        String prefix = "column." + table + ".";
        Map<String, Double> widths = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                double w = number(key, -1);
                if (w > 0) {
                    widths.put(key.substring(prefix.length()), w);
                }
            }
        }
        return widths;
    }

    @Override
    public void save(String table, Map<String, Double> widths) {
        String prefix = "column." + table + ".";
        props.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(props::remove);
        widths.forEach((column, w) -> put(prefix + column, Math.round(w)));
        save();
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(w, "Stagedesk window state");
            }
        } catch (IOException e) {
            LOG.warn("Could not save window state to {}: {}", file, e.toString());
        }
    }
}
