package dev.stagedesk.dashboard;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.HoldStatus;
import dev.stagedesk.common.Codes;
import dev.stagedesk.inquiry.InquiryStatus;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.INQUIRY;

import dev.stagedesk.payment.ReceivablesQuery;
import dev.stagedesk.report.MonthlyCash;
import dev.stagedesk.report.ReportQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads for the dashboard tiles. */
public final class DashboardQuery {
    private final DSLContext dsl;
    private final ReportQuery reports;
    private final ReceivablesQuery receivables;

    public DashboardQuery(DSLContext dsl, ReportQuery reports) {
        this.dsl = dsl;
        this.reports = reports;
        this.receivables = new ReceivablesQuery(dsl);
    }

    /** The money figures (this and last month, 12 months) only with {@link Permission#REPORTS_VIEW}; else null and empty. */
    public DashboardSummary summary(Actor actor, Instant now, ZoneId zone) {
        actor.require(Permission.DASHBOARD_VIEW);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant in30 = now.plus(30, ChronoUnit.DAYS);
        int newInquiries = dsl.fetchCount(INQUIRY, INQUIRY.STATUS.eq(InquiryStatus.NEW.name()).and(INQUIRY.DELETED_AT.isNull()));
        int followUps = dsl.fetchCount(INQUIRY, INQUIRY.STATUS.in(Codes.of(InquiryStatus.NEW, InquiryStatus.CONTACTED, InquiryStatus.QUOTED))

                .and(INQUIRY.FOLLOW_UP_ON.le(today)).and(INQUIRY.DELETED_AT.isNull()));
        var upcoming = BOOKING.STATUS.in(Codes.of(BookingStatus.HOLD, BookingStatus.CONFIRMED)).and(BOOKING.STARTS_AT.between(now, in30))
                .and(BOOKING.DELETED_AT.isNull());
        int upcomingCount = dsl.fetchCount(BOOKING, upcoming);
        var assigned = DSL.selectCount().from(ASSIGNMENT)
                .where(ASSIGNMENT.BOOKING_ID.eq(BOOKING.ID), ASSIGNMENT.DELETED_AT.isNull()).<Integer>asField();
        int unassigned = dsl.fetchCount(BOOKING, upcoming.and(assigned.lt(BOOKING.SLOTS_NEEDED)));
        int holds = dsl.fetchCount(HOLD, HOLD.STATUS.eq(HoldStatus.ACTIVE.name()).and(HOLD.DELETED_AT.isNull()));
        YearMonth month = YearMonth.from(today);
        if (!actor.can(Permission.REPORTS_VIEW)) {
            return new DashboardSummary(newInquiries, followUps, upcomingCount, unassigned, holds, null, null, List.of(),
                    actor.can(Permission.PAYMENTS_VIEW) ? receivables.overdue(actor, today)
                            : null);
        }
        List<MonthlyCash> year = reports.monthly(actor, month.minusMonths(11), month);
        return new DashboardSummary(newInquiries, followUps, upcomingCount, unassigned, holds, year.get(11),
                year.get(10), year, receivables.overdue(actor, today));
    }
}
