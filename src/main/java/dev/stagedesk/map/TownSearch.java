package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.UiContext;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.TextField;

/**
 * "Go to town…": a field that moves a map to the town typed (the shipped {@link Gazetteer}, so it works offline;
 * "Lübeck", "luebeck", "Paris, US" all find their town). Enter looks it up; {@code say} gets what was found or that
 * nothing was.
 */
public final class TownSearch {
    private TownSearch() {
    }

    public static TextField field(String id, UiContext ui, Consumer<Gazetteer.City> go, Consumer<String> say) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(tr("map.goTo"));
        f.setPrefColumnCount(12);
        f.setOnAction(e -> {
            String text = f.getText();
            if (text == null || text.isBlank()) {
                return;
            }
            ui.tasks().run(() -> Gazetteer.shipped().inAddress(text), found -> {
                if (found.isPresent()) {
                    go.accept(found.get());
                    say.accept(tr("map.wentTo", found.get().text()));
                } else {
                    say.accept(tr("map.noTown", text.strip()));
                }
            }, ui.errors());
        });
        return f;
    }

    /** A town's surroundings, about 20 km across: what a map fits to show the town. */
    public static List<GeoPoint> around(GeoPoint p) {
        return List.of(new GeoPoint(Math.max(-85, p.latitude() - 0.09), Math.max(-180, p.longitude() - 0.14)),
                new GeoPoint(Math.min(85, p.latitude() + 0.09), Math.min(180, p.longitude() + 0.14)));
    }
}
