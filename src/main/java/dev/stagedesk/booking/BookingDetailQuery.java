package dev.stagedesk.booking;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.BOOKING_SCHEDULE_CHANGE;
import static dev.stagedesk.db.jooq.Tables.BOOKING_SERIES;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.payment.PaymentState;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.ReadScope;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/**
 * The booking detail: the booking with its client, venue, package and series, its performers (assignments and
 * holds) and schedule changes; the Payments tab reads its own (payment.BookingMoney). A performer reads only
 * their own gigs, without money or client contacts.
 */
public final class BookingDetailQuery {
    private final DSLContext dsl;
    private final BookingService bookings;

    public BookingDetailQuery(DSLContext dsl, BookingService bookings) {
        this.dsl = dsl;
        this.bookings = bookings;
    }

    public BookingDetail load(Actor actor, UUID id) {
        var r = dsl.selectFrom(BOOKING).where(BOOKING.ID.eq(id), BOOKING.DELETED_AT.isNull(), ReadScope.bookings(actor))
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.booking"), id)));
        boolean all = actor.can(Permission.BOOKINGS_VIEW_ALL);
        Booking b = Booking.of(r);
        if (!all) {
            b = new Booking(b.id(), b.number(), b.status(), b.title(), b.clientId(), b.venueId(), b.packageId(),
                    b.inquiryId(), b.startsAt(), b.endsAt(), b.timeZone(), b.currency(), 0, 0, b.slotsNeeded(),
                    b.contactOnDay(), b.cancellationReason(), null, b.notes(), b.radiusKm(), b.radiusDays(), b.version());
        }
        var client = dsl.select(CLIENT.NAME, CLIENT.EMAIL, CLIENT.PHONE).from(CLIENT).where(CLIENT.ID.eq(b.clientId()))
                .fetchSingle();
        var venue = b.venueId() == null ? null : dsl.select(VENUE.NAME, VENUE.ADDRESS_LINE1, VENUE.POSTAL_CODE,
                VENUE.CITY).from(VENUE).where(VENUE.ID.eq(b.venueId())).fetchOne();
        String pkg = b.packageId() == null ? null : dsl.select(SERVICE_PACKAGE.NAME).from(SERVICE_PACKAGE)
                .where(SERVICE_PACKAGE.ID.eq(b.packageId())).fetchOne(SERVICE_PACKAGE.NAME);
        String series = r.getSeriesId() == null ? null : dsl.select(BOOKING_SERIES.DESCRIPTION).from(BOOKING_SERIES)
                .where(BOOKING_SERIES.ID.eq(r.getSeriesId())).fetchOne(BOOKING_SERIES.DESCRIPTION);
        List<BookingDetail.AssignmentView> assignments = dsl.select(ASSIGNMENT.ID, ASSIGNMENT.PERFORMER_ID,
                        PERFORMER.STAGE_NAME, ASSIGNMENT.ROLE, ASSIGNMENT.CALL_TIME, ASSIGNMENT.PAYOUT_MINOR,
                        ASSIGNMENT.CURRENCY, ASSIGNMENT.PAYOUT_STATUS, ASSIGNMENT.COMMISSION_BP,
                        ASSIGNMENT.WITHHOLDING_BP, ASSIGNMENT.VERSION)
                .from(ASSIGNMENT).join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .where(ASSIGNMENT.BOOKING_ID.eq(id), ASSIGNMENT.DELETED_AT.isNull())
                .orderBy(PERFORMER.STAGE_NAME)
                .fetch(a -> new BookingDetail.AssignmentView(a.value1(), a.value2(), a.value3(), a.value4(), a.value5(),
                        all || a.value2().equals(actor.performerId()) ? a.value6() : null, a.value7(),
                        all || a.value2().equals(actor.performerId()) ? PayoutStatus.valueOf(a.value8()) : null,
                        all || a.value2().equals(actor.performerId()) ? a.value9() : null,
                        all || a.value2().equals(actor.performerId()) ? a.value10() : null, a.value11()));
        List<BookingDetail.ScheduleChange> changes = dsl.select(BOOKING_SCHEDULE_CHANGE.OLD_STARTS_AT,
                        BOOKING_SCHEDULE_CHANGE.OLD_ENDS_AT, BOOKING_SCHEDULE_CHANGE.NEW_STARTS_AT,
                        BOOKING_SCHEDULE_CHANGE.NEW_ENDS_AT, BOOKING_SCHEDULE_CHANGE.REASON,
                        BOOKING_SCHEDULE_CHANGE.CREATED_AT)
                .from(BOOKING_SCHEDULE_CHANGE).where(BOOKING_SCHEDULE_CHANGE.BOOKING_ID.eq(id))
                .orderBy(BOOKING_SCHEDULE_CHANGE.CREATED_AT.desc())
                .fetch(c -> new BookingDetail.ScheduleChange(c.value1(), c.value2(), c.value3(), c.value4(), c.value5(),
                        c.value6()));
        String address = venue == null ? null : String.join(", ", Stream.of(venue.value2(),
                venue.value3() == null ? null : venue.value3() + " " + venue.value4(), venue.value3() == null
                        ? venue.value4() : null).filter(Objects::nonNull).toList());
        return new BookingDetail(b, client.value1(), all ? client.value2() : null, all ? client.value3() : null,
                venue == null ? null : venue.value1(), address, pkg, r.getSeriesId(), series,
                all ? r.getTotalMinor() : null, all ? r.getPaidMinor() : null, all ? PaymentState.valueOf(r.getPaymentState()) : null,

                assignments, all ? bookings.holds(id) : List.of(), changes);
    }
}
