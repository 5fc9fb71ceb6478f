package dev.stagedesk.app;

import static dev.stagedesk.common.I18n.tr;

import javafx.scene.input.KeyCode;

/** The areas of the sidebar, in order. Ctrl+1 ... Ctrl+0, Ctrl+- and Ctrl+= jump to them. */
public enum Area {
    DASHBOARD("dashboard", KeyCode.DIGIT1),
    INQUIRIES("inquiries", KeyCode.DIGIT2),
    BOOKINGS("bookings", KeyCode.DIGIT3),
    CALENDAR("calendar", KeyCode.DIGIT4),
    PERFORMERS("performers", KeyCode.DIGIT5),
    CLIENTS_VENUES("clientsVenues", KeyCode.DIGIT6),
    PAYOUTS("payouts", KeyCode.DIGIT7),
    EXPENSES("expenses", KeyCode.DIGIT8),
    INVOICES_PAYMENTS("invoicesPayments", KeyCode.DIGIT9),
    MAP("map", KeyCode.DIGIT0),
    REPORTS("reports", KeyCode.MINUS),
    SETTINGS("settings", KeyCode.EQUALS);

    private final String key;
    private final KeyCode shortcut;

    Area(String key, KeyCode shortcut) {
        this.key = key;
        this.shortcut = shortcut;
    }

    public String title() {
        return tr("area." + key);
    }

    /** The fx:id of the area's content node ("area-clientsVenues"). */
    public String nodeId() {
        return "area-" + key;
    }

    public KeyCode shortcut() {
        return shortcut;
    }
}
