package dev.stagedesk.booking;

import dev.stagedesk.security.Actor;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The quotes a booking was won with, as its Documents tab lists and saves them. The inquiry feature (above
 * bookings) implements it ({@code inquiry.QuotesForBookings}); the composition root hands it to the screen.
 */
public interface BookingQuotes {
    /** One version of the quote as the list shows it ({@code reference} "Q-2026-0001 v2"; its state as people read it; the PDF's file name). */
    record Version(UUID id, String reference, String statusLabel, long totalMinor, String currency, String fileName) {
    }

    /** The versions of the inquiry's quote the actor may see. */
    List<Version> versions(Actor actor, UUID inquiryId);

    /** Writes one version's PDF to {@code file} (whole or not at all), without marking it sent. */
    void savePdf(Actor actor, UUID quoteId, Path file);
}
