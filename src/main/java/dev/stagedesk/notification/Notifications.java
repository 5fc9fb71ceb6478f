package dev.stagedesk.notification;

import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;

import dev.stagedesk.command.CommandContext;
import java.util.UUID;

/**
 * Raises notifications inside a command's transaction. Each carries a dedupe key naming the event (for
 * example "hold-promoted:HOLD-ID:2026-11-21T10:00Z"), so a rule that runs twice for one event raises one
 * notification. The bell, the list and the toasts are issue 7; the rows are written from the start.
 */
public final class Notifications {
    private Notifications() {
    }

    /** Kinds a user can choose to receive. */
    public static final String HOLD_PROMOTED = "HOLD_PROMOTED";
    public static final String HOLD_CHALLENGED = "HOLD_CHALLENGED";
    public static final String HOLD_EXPIRED = "HOLD_EXPIRED";
    public static final String HOLD_RELEASED = "HOLD_RELEASED";
    public static final String FOLLOW_UP_DUE = "FOLLOW_UP_DUE";
    public static final String DEPOSIT_OVERDUE = "DEPOSIT_OVERDUE";
    public static final String BALANCE_OVERDUE = "BALANCE_OVERDUE";

    /** Returns whether a new notification was written (false: none for that user, or this event's already there). */
    public static boolean raise(CommandContext ctx, UUID userId, String kind, String title, String body,
                                String entityType, UUID entityId, String dedupeKey) {
        if (userId == null) {
            return false;
        }
        var tx = ctx.dsl();
        if (tx.fetchExists(NOTIFICATION, NOTIFICATION.USER_ID.eq(userId), NOTIFICATION.DEDUPE_KEY.eq(dedupeKey))) {
            return false;
        }
        tx.insertInto(NOTIFICATION).set(NOTIFICATION.ID, ctx.newId()).set(NOTIFICATION.USER_ID, userId)
                .set(NOTIFICATION.KIND, kind).set(NOTIFICATION.TITLE, title).set(NOTIFICATION.BODY, body)
                .set(NOTIFICATION.ENTITY_TYPE, entityType).set(NOTIFICATION.ENTITY_ID, entityId)
                .set(NOTIFICATION.DEDUPE_KEY, dedupeKey).set(NOTIFICATION.CREATED_AT, ctx.now())
                .set(NOTIFICATION.UPDATED_AT, ctx.now()).set(NOTIFICATION.VERSION, 0).execute();
        return true;
    }
}
