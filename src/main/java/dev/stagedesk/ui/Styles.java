package dev.stagedesk.ui;

import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Region;

/** CSS class names used from code (the rules are in stagedesk.css). */
public final class Styles {
    public static final String FIELD_ERROR = "field-error";
    public static final String INVALID = "invalid";
    public static final String SIDEBAR = "sidebar";
    public static final String STATUS_BAR = "status-bar";
    public static final String SCREEN = "screen";
    public static final String SCREEN_TITLE = "screen-title";
    public static final String TILE = "tile";
    public static final String TILE_VALUE = "tile-value";
    public static final String TILE_LABEL = "tile-label";
    public static final String UNDO_BAR = "undo-bar";
    public static final String MUTED = "muted";
    public static final String SECTION = "section-title";
    public static final String ALERT = "alert-text";

    /**
     * Makes a status label ("Booking BK-2026-000972 created") wrap within the width its parent gives it and
     * never ask for more: it can neither widen the window nor run past its edge.
     */
    public static Label fitMessage(Label label) {
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        return label;
    }

    private Styles() {
    }
}
