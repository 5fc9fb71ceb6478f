package dev.stagedesk.app;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import javafx.scene.input.KeyCode;

/** The areas of the sidebar, in order. Ctrl+1 ... Ctrl+0, Ctrl+- and Ctrl+= jump to them. */
public enum Area {
    DASHBOARD("dashboard", KeyCode.DIGIT1, Permission.DASHBOARD_VIEW),
    INQUIRIES("inquiries", KeyCode.DIGIT2, Permission.INQUIRIES_VIEW),
    BOOKINGS("bookings", KeyCode.DIGIT3, Permission.BOOKINGS_VIEW_ALL),
    CALENDAR("calendar", KeyCode.DIGIT4, Permission.BOOKINGS_VIEW_ALL),
    PERFORMERS("performers", KeyCode.DIGIT5, Permission.PERFORMERS_VIEW),
    CLIENTS_VENUES("clientsVenues", KeyCode.DIGIT6, Permission.CLIENTS_VIEW),
    PAYOUTS("payouts", KeyCode.DIGIT7, Permission.PAYOUTS_VIEW_ALL),
    EXPENSES("expenses", KeyCode.DIGIT8, Permission.EXPENSES_VIEW_ALL),
    INVOICES_PAYMENTS("invoicesPayments", KeyCode.DIGIT9, Permission.PAYMENTS_VIEW),
    MAP("map", KeyCode.DIGIT0, null),
    REPORTS("reports", KeyCode.MINUS, Permission.REPORTS_VIEW),
    SETTINGS("settings", KeyCode.EQUALS, null);

    private final String key;
    private final KeyCode shortcut;
    private final Permission needed;

    Area(String key, KeyCode shortcut, Permission needed) {
        this.key = key;
        this.shortcut = shortcut;
        this.needed = needed;
    }

    /**
     * Whether the sidebar offers this area to the actor: with its permission, or — for the areas whose lists
     * are narrowed to one performer (bookings, calendar, payouts, expenses) — to a user linked to a performer.
     */
    public boolean openTo(Actor actor) {
        if (needed == null || actor.can(needed)) {
            return true;
        }
        boolean ownRows = this == BOOKINGS || this == CALENDAR || this == PAYOUTS || this == EXPENSES;
        return ownRows && actor.performerId() != null || this == EXPENSES && actor.can(Permission.OVERHEAD_VIEW);
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
