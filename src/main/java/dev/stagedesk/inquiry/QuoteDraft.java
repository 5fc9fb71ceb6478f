package dev.stagedesk.inquiry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A quote as typed: the package it started from (may be null), its lines, a discount off the lines' sum, the tax
 * rate in basis points, the last day it is valid, notes. Amounts in minor units of the inquiry's currency.
 */
public record QuoteDraft(UUID packageId, List<QuoteLine> lines, long discountMinor, int taxRateBp,
                         LocalDate validUntil, String notes) {
}
