package dev.stagedesk.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An inquiry as typed: the event's window may be "to be agreed" ({@code datesTbd}, no start and end). */
public record InquiryDraft(UUID clientId, String eventType, Instant startsAt, Instant endsAt, String timeZone,
                           boolean datesTbd, UUID venueId, String freeAddress, Integer guestCount, Long budgetMinor,
                           String currency, String source, String notes, LocalDate followUpOn) {
}
