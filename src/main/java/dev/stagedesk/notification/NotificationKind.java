package dev.stagedesk.notification;

/**
 * The kinds of notification, in the order the preferences list them. The store, the {@code notify.muted}
 * preference and the CLI keep their names as codes; people read {@code Display.label(kind)}.
 */
public enum NotificationKind {
    FOLLOW_UP_DUE, HOLD_PROMOTED, HOLD_CHALLENGED, HOLD_EXPIRING, HOLD_EXPIRED, HOLD_RELEASED, EVENT_UNASSIGNED,
    CONFLICT_FOUND, DEPOSIT_OVERDUE, BALANCE_OVERDUE, PAYMENT_RECEIVED
}
