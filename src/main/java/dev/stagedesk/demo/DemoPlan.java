package dev.stagedesk.demo;

/** Exactly how many of each the generator writes. {@link DemoSize} gives the standard plans. */
public record DemoPlan(int bookings, int clients, int venues, int performers, int extraInquiries) {
    public DemoPlan {
        if (bookings < 1 || clients < 1 || venues < 1 || performers < 1 || extraInquiries < 0) {
            throw new IllegalArgumentException("every count must be positive");
        }
    }
}
