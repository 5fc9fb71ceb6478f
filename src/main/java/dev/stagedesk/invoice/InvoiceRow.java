package dev.stagedesk.invoice;

import dev.stagedesk.payment.InvoiceStatus;
import dev.stagedesk.payment.InvoiceKind;
import java.time.LocalDate;
import java.util.UUID;

public record InvoiceRow(UUID id, String number, InvoiceKind kind, InvoiceStatus status,
 String billTo, LocalDate issueDate,
                         LocalDate dueDate, long totalMinor, String currency) {
}
