package dev.stagedesk.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record PayoutRow(UUID id, String performer, String bookingNumber, Instant gigStart, String role,
                        long payoutMinor, String currency, int commissionBp, String status, LocalDate paidOn) {
}
