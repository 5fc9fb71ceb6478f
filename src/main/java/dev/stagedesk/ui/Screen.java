package dev.stagedesk.ui;

import java.util.UUID;
import javafx.scene.Node;

/** One area of the console. Built once, then activated each time the user goes there. */
public interface Screen {
    Node node();

    /** Called when the area is shown: reload what may have changed. */
    default void activate() {
    }

    /**
     * Shows one record of this area (a search result, a notification): {@code entity} as the services name it
     * ("booking", "client"...). Returns false when this area does not show that kind.
     */
    default boolean open(String entity, UUID id) {
        return false;
    }
}
