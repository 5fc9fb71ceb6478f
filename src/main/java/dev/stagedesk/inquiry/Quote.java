package dev.stagedesk.inquiry;

import dev.stagedesk.money.Rounding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of an inquiry's quote. Saving a change makes a new version; the one before becomes SUPERSEDED,
 * so what a client was sent is never rewritten. Totals: subtotal = sum of lines; tax on (subtotal - discount);
 * total = subtotal - discount + tax.
 */
public record Quote(UUID id, UUID inquiryId, int versionNo, UUID packageId, String currency, List<QuoteLine> lines,
                    long subtotalMinor, long discountMinor, int taxRateBp, long taxMinor, long totalMinor,
                    LocalDate validUntil, QuoteStatus status, Instant sentAt, String notes, Instant createdAt,
                    int version, String number) {

    /** What the client pays before tax: the booking's fee when the inquiry is won. */
    public long netMinor() {
        return subtotalMinor - discountMinor;
    }

    public static long subtotal(List<QuoteLine> lines) {
        long sum = 0;
        for (QuoteLine l : lines) {
            sum = Math.addExact(sum, l.amountMinor());
        }
        return sum;
    }

    public static long tax(long netMinor, int taxRateBp) {
        return Rounding.applyBasisPoints(netMinor, taxRateBp);
    }

    Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("inquiryId", inquiryId);
        m.put("versionNo", versionNo);
        m.put("packageId", packageId);
        m.put("currency", currency);
        m.put("lines", lines.stream().map(l -> l.quantity() + " x " + l.description() + " @ " + l.unitPriceMinor())
                .toList());
        m.put("subtotalMinor", subtotalMinor);
        m.put("discountMinor", discountMinor);
        m.put("taxRateBp", taxRateBp);
        m.put("taxMinor", taxMinor);
        m.put("totalMinor", totalMinor);
        m.put("validUntil", validUntil);
        m.put("status", status);
        m.put("sentAt", sentAt);
        m.put("notes", notes);
        return m;
    }
}
