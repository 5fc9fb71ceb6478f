package dev.stagedesk.report;

import java.time.YearMonth;

/** One month on a cash basis, in the agency's base currency (minor units). */
public record MonthlyCash(YearMonth month, long receivedMinor, long payoutsPaidMinor, long overheadMinor) {
    public long netMinor() {
        return receivedMinor - payoutsPaidMinor - overheadMinor;
    }
}
