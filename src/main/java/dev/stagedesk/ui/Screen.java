package dev.stagedesk.ui;

import javafx.scene.Node;

/** One area of the console. Built once, then activated each time the user goes there. */
public interface Screen {
    Node node();

    /** Called when the area is shown: reload what may have changed. */
    default void activate() {
    }
}
