package dev.stagedesk.inquiry;

import dev.stagedesk.db.jooq.tables.records.InquiryRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An inquiry as the services hand it out. */
public record Inquiry(UUID id, UUID clientId, String eventType, Instant startsAt, Instant endsAt, String timeZone,
                      boolean datesTbd, UUID venueId, String freeAddress, Integer guestCount, Long budgetMinor,
                      String currency, String source, InquiryStatus status, String lostReason, String notes,
                      LocalDate followUpOn, UUID ownerUserId, int version) {

    static Inquiry of(InquiryRecord r) {
        return new Inquiry(r.getId(), r.getClientId(), r.getEventType(), r.getStartsAt(), r.getEndsAt(), r.getTimeZone(),
                r.getDatesTbd(), r.getVenueId(), r.getFreeAddress(), r.getGuestCount(), r.getBudgetMinor(),
                r.getCurrency(), r.getSource(), InquiryStatus.valueOf(r.getStatus()), r.getLostReason(),
 r.getNotes(), r.getFollowUpOn(),
                r.getOwnerUserId(), r.getVersion());
    }

    Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientId", clientId);
        m.put("eventType", eventType);
        m.put("startsAt", startsAt);
        m.put("endsAt", endsAt);
        m.put("timeZone", timeZone);
        m.put("datesTbd", datesTbd);
        m.put("venueId", venueId);
        m.put("freeAddress", freeAddress);
        m.put("guestCount", guestCount);
        m.put("budgetMinor", budgetMinor);
        m.put("currency", currency);
        m.put("source", source);
        m.put("status", status);
        m.put("lostReason", lostReason);
        m.put("notes", notes);
        m.put("followUpOn", followUpOn);
        return m;
    }
}
