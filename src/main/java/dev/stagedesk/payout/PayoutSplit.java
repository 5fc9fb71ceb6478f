package dev.stagedesk.payout;

import dev.stagedesk.money.Rounding;

/**
 * What one gig's payout comes to, in the one place the statement, the payouts export and the reports take it
 * from. The agency's commission and the withholding tax are both a share of the gross payout, each rounded
 * half-even to a whole minor unit; the performer receives the rest.
 */
public record PayoutSplit(long grossMinor, long commissionMinor, long withholdingMinor) {
    public static PayoutSplit of(long grossMinor, int commissionBp, int withholdingBp) {
        return new PayoutSplit(grossMinor, Rounding.applyBasisPoints(grossMinor, commissionBp),
                Rounding.applyBasisPoints(grossMinor, withholdingBp));
    }

    /** Gross less commission and withholding: what is paid out for the gig. */
    public long netMinor() {
        return grossMinor - commissionMinor - withholdingMinor;
    }
}
