package dev.stagedesk.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An inquiry in the list, with its version when read: a status change from the row sends it. */
public record InquiryRow(UUID id, String clientName, String eventType, Instant startsAt, String timeZone,
                         boolean datesTbd, InquiryStatus status, String source, Long budgetMinor, String currency,
                         LocalDate followUpOn, int version) {
}
