package dev.stagedesk.dashboard;

import dev.stagedesk.payment.ReceivablesQuery;
import dev.stagedesk.report.MonthlyCash;
import java.util.List;

/** The figures the dashboard shows. Money in minor units of the base currency. */
public record DashboardSummary(int newInquiries, int followUpsDue, int upcomingBookings, int upcomingUnassigned,
                               int activeHolds, MonthlyCash thisMonth, MonthlyCash lastMonth,
                               List<MonthlyCash> last12Months,
                               ReceivablesQuery.Overdue overdue) {
}
