package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.db.jooq.tables.records.BookingRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A booking as the services hand it out. Money in minor units of {@code currency}. */
public record Booking(UUID id, String number, BookingStatus status, String title, UUID clientId, UUID venueId, UUID packageId,
                      UUID inquiryId, Instant startsAt, Instant endsAt, String timeZone, String currency, long feeMinor,
                      int taxRateBp, int slotsNeeded, String contactOnDay, String cancellationReason,
                      Long cancellationFeeMinor, String notes, Integer radiusKm, Integer radiusDays,
                      int version) {

    static Booking of(BookingRecord r) {
        return new Booking(r.getId(), r.getNumber(), BookingStatus.valueOf(r.getStatus()), r.getTitle(),
 r.getClientId(), r.getVenueId(),
                r.getPackageId(), r.getInquiryId(), r.getStartsAt(), r.getEndsAt(), r.getTimeZone(), r.getCurrency(),
                r.getFeeMinor(), r.getTaxRateBp(), r.getSlotsNeeded(), r.getContactOnDay(), r.getCancellationReason(),
                r.getCancellationFeeMinor(), r.getNotes(), r.getRadiusKm(), r.getRadiusDays(), r.getVersion());
    }

    /** The radius clause, or null. */
    public ConflictCheck.RadiusClause radiusClause() {
        return ConflictCheck.RadiusClause.of(radiusKm, radiusDays);
    }

    Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("status", status);
        m.put("title", title);
        m.put("clientId", clientId);
        m.put("venueId", venueId);
        m.put("packageId", packageId);
        m.put("inquiryId", inquiryId);
        m.put("startsAt", startsAt);
        m.put("endsAt", endsAt);
        m.put("timeZone", timeZone);
        m.put("currency", currency);
        m.put("feeMinor", feeMinor);
        m.put("taxRateBp", taxRateBp);
        m.put("slotsNeeded", slotsNeeded);
        m.put("contactOnDay", contactOnDay);
        m.put("cancellationReason", cancellationReason);
        m.put("cancellationFeeMinor", cancellationFeeMinor);
        m.put("radiusKm", radiusKm);
        m.put("radiusDays", radiusDays);
        m.put("notes", notes);
        return m;
    }
}
