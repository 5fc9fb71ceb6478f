package dev.stagedesk.booking;

import dev.stagedesk.payment.PaymentState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything the booking detail screen shows, read in one go. Money is null where the reader may not see it. */
public record BookingDetail(Booking booking, String clientName, String clientEmail, String clientPhone,
                            String venueName, String venueAddress, String packageName, UUID seriesId, String seriesDescription,
                            Long totalMinor, Long paidMinor, PaymentState paymentState,
                            List<AssignmentView> assignments, List<BookingService.HoldView> holds,
                            List<ScheduleChange> scheduleChanges) {

    /** Payout, status and percentages null for a reader who may not see this performer's money. */
    public record AssignmentView(UUID id, UUID performerId, String performer, String role, Instant callTime,
                                 Long payoutMinor, String currency, PayoutStatus payoutStatus,
 Integer commissionBp,
                                 Integer withholdingBp, int version) {
    }

    public record ScheduleChange(Instant oldStartsAt, Instant oldEndsAt, Instant newStartsAt, Instant newEndsAt,
                                 String reason, Instant changedAt) {
    }
}
