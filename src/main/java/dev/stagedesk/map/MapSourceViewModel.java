package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Which map the screen draws on: Google Maps when a key is set and Google answers ({@link GoogleProbe}), the
 * offline map otherwise and to switch back to. {@link #available} enables the switch, {@link #google} is its state;
 * {@link #message} says why the map stays offline.
 */
public final class MapSourceViewModel {
    /** Whether Google Maps can be chosen at all (a key is set). */
    public final BooleanProperty available = new SimpleBooleanProperty();
    /** Whether Google Maps is chosen. */
    public final BooleanProperty google = new SimpleBooleanProperty();
    /** Why the map is offline when a key is set ("no network", "did not load"), else empty. */
    public final StringProperty message = new SimpleStringProperty("");

    private final MapSettings settings;
    private final GoogleProbe probe;
    private final TaskRunner tasks;
    private final Consumer<Throwable> errors;

    public MapSourceViewModel(MapSettings settings, GoogleProbe probe, TaskRunner tasks, Consumer<Throwable> errors) {
        this.settings = settings;
        this.probe = probe;
        this.tasks = tasks;
        this.errors = errors;
    }

    /** Reads the key and asks Google: chooses Google Maps when both hold, says so when only the key does. */
    public void check() {
        tasks.run(() -> {
            MapSettings.Values v = settings.values();
            return !v.keyed() ? null : probe.reachable() ? Boolean.TRUE : Boolean.FALSE;
        }, online -> {
            available.set(online != null);
            if (Boolean.TRUE.equals(online)) {
                google.set(true);
            } else if (Boolean.FALSE.equals(online)) {
                message.set(tr("map.offlineNoNetwork"));
            }
        }, errors);
    }

    /** The key to draw Google Maps with; when it was removed meanwhile, the switch goes back to offline. */
    public void key(Consumer<String> then) {
        tasks.run(() -> settings.values().googleMapsKey(), key -> {
            if (key == null) {
                google.set(false);
            } else {
                then.accept(key);
            }
        }, errors);
    }

    /** Google's script did not load in time (a proxy, a bad key): back to the offline map, and why. */
    public void didNotLoad() {
        google.set(false);
        message.set(tr("map.googleDidNotLoad"));
    }
}
