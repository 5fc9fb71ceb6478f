package dev.stagedesk.booking;

import java.time.Instant;
import java.util.UUID;

public record BookingRow(UUID id, String number, String status, String title, String clientName, String venueName,
                         String city, Instant startsAt, Instant endsAt, String timeZone, long feeMinor,
                         String currency, int slotsNeeded) {
}
