package dev.stagedesk.demo;

/** How big a demo store is: bookings, and clients, venues and performers in proportion. */
public enum DemoSize {
    SMALL(50), MEDIUM(2_000), LARGE(50_000), XL(1_000_000);

    private final int bookings;

    DemoSize(int bookings) {
        this.bookings = bookings;
    }

    public int bookings() {
        return bookings;
    }

    public int clients() {
        return Math.max(25, bookings / 2);
    }

    public int venues() {
        return Math.max(20, Math.min(20_000, bookings / 20));
    }

    public int performers() {
        return Math.max(12, Math.min(2_000, bookings / 200));
    }

    public DemoPlan plan() {
        return new DemoPlan(bookings(), clients(), venues(), performers(), extraInquiries());
    }

    /** Open or lost inquiries, on top of the won one behind every booking. */
    public int extraInquiries() {
        return Math.max(15, bookings / 4);
    }
}
