package dev.stagedesk.payment;

import java.time.LocalDate;
import java.util.UUID;

public record PaymentRow(UUID id, String bookingNumber, String kind, long amountMinor, String currency,
                         String method, LocalDate receivedOn, String reference) {
}
