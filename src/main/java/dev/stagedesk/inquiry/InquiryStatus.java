package dev.stagedesk.inquiry;

/** Where an inquiry stands (column {@code inquiry.status}). */
public enum InquiryStatus {
    NEW, CONTACTED, QUOTED, WON, LOST, CANCELLED;

    /** Still open: may change status or be converted to a booking. */
    public boolean isOpen() {
        return this == NEW || this == CONTACTED || this == QUOTED;
    }
}
