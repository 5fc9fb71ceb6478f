package dev.stagedesk.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record InquiryRow(UUID id, String clientName, String eventType, Instant startsAt, String timeZone,
                         boolean datesTbd, InquiryStatus status, String source,
 Long budgetMinor, String currency,
                         LocalDate followUpOn) {
}
