package dev.stagedesk.common;

/** Where a booking stands (column {@code booking.status}); shown through {@code Display.label}. */
public enum BookingStatus {
    HOLD, CONFIRMED, COMPLETED, CANCELLED;

    /** Held or confirmed: performers may still be placed and the booking still changes. */
    public boolean isOpen() {
        return this == HOLD || this == CONFIRMED;
    }

    /** Completed or cancelled: nothing about the event changes any more. */
    public boolean isClosed() {
        return !isOpen();
    }
}
