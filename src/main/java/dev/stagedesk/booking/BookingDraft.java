package dev.stagedesk.booking;

import java.time.Instant;
import java.util.UUID;

/** What a person types for a booking (create, or the fields a conversion fills in). Money in minor units. */
public record BookingDraft(String title, UUID clientId, UUID venueId, UUID packageId, Instant startsAt, Instant endsAt,
                           String timeZone, String currency, long feeMinor, int taxRateBp, int slotsNeeded,
                           String contactOnDay, String notes) {
}
