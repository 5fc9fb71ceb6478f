package dev.stagedesk.ui;

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

    private Styles() {
    }
}
