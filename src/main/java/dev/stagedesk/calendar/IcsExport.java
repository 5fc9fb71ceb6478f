package dev.stagedesk.calendar;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.booking.BookingQuery;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.map.RouteQuery;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.ReadScope;
import dev.stagedesk.settings.AgencyFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A schedule as an iCalendar file (RFC 5545, written by ical4j) that performers import or subscribe to in their
 * own calendar: one event per booking in the range, the agency's or one performer's (assigned or held).
 * Lines are folded at 75 octets of UTF-8 and never inside a character ({@link IcsFoldingWriter}), so emoji and
 * CJK titles arrive whole. Times are UTC instants, so every calendar shows them in its own zone. A booking's id is the event's UID and
 * its version the SEQUENCE, so a rescheduled or cancelled gig updates the event instead of adding one.
 * Events are written one by one as they are read: a year of a large agency does not sit in memory. A performer's
 * places of their own (street performances on their day route) are events too, from the planned start when the
 * day was saved (else the window's start) for the stay; a place taken off the route is written as cancelled.
 */
public final class IcsExport {
    static final String PRODUCT = "-//Stagedesk//Schedule 1.0//EN";

    private final DSLContext dsl;
    private final Clock clock;
    private final RouteQuery routes;

    public IcsExport(DSLContext dsl, Clock clock, RouteQuery routes) {
        this.dsl = dsl;
        this.clock = clock;
        this.routes = routes;
    }

    /**
     * Writes the bookings overlapping [from, to) of {@code performerId} (null: every booking the actor may see)
     * and returns how many. A performer exports their own schedule only.
     */
    public int write(Actor actor, UUID performerId, Instant from, Instant to, Writer out) {
        if (from == null || to == null || !to.isAfter(from)) {
            throw ValidationException.of("to", I18n.tr("ics.range"));
        }
        if (!actor.can(Permission.BOOKINGS_VIEW_ALL)) {
            if (actor.performerId() == null || performerId != null && !performerId.equals(actor.performerId())) {
                actor.require(Permission.BOOKINGS_VIEW_ALL);
            }
            performerId = actor.performerId();
        }
        // the lower bound on the start lets the start index narrow the range (no booking runs longer)
        Condition which = BOOKING.DELETED_AT.isNull().and(BOOKING.STARTS_AT.lt(to)).and(BOOKING.ENDS_AT.gt(from))
                .and(BOOKING.STARTS_AT.gt(from.minus(BookingQuery.MAX_LENGTH)));
        if (performerId != null) {
            Set<UUID> ids = BookingQuery.performerBookings(dsl, performerId, from, to);
            which = which.and(ids.isEmpty() ? DSL.falseCondition()
                    : SearchIndex.idIn(BOOKING.ID, ids));
        } else {
            which = which.and(ReadScope.bookings(actor));
        }
        Instant now = clock.instant();
        int n = 0;
        try {
            IcsFoldingWriter f = new IcsFoldingWriter(out);
            f.write("BEGIN:VCALENDAR\r\n");
            f.write(new ProdId(PRODUCT).toString());
            f.write(new Version(new ParameterList(), "2.0").toString());
            f.write("CALSCALE:GREGORIAN\r\n");
            try (var cursor = dsl.select(BOOKING.ID, BOOKING.NUMBER, BOOKING.TITLE, BOOKING.STATUS, BOOKING.STARTS_AT,
                            BOOKING.ENDS_AT, BOOKING.VERSION, BOOKING.CONTACT_ON_DAY, CLIENT.NAME, VENUE.NAME,
                            VENUE.ADDRESS_LINE1, VENUE.POSTAL_CODE, VENUE.CITY)
                    .from(BOOKING).join(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID))
                    .leftJoin(VENUE).on(VENUE.ID.eq(BOOKING.VENUE_ID))
                    .where(which).orderBy(BOOKING.STARTS_AT, BOOKING.ID).fetchSize(1000).fetchLazy()) {
                for (var r : cursor) {
                    VEvent e = new VEvent(r.value5(), r.value6(), r.value3() + " (" + r.value2() + ")");
                    e.replace(new DtStamp(now));
                    e.add(new Uid(r.value1() + "@stagedesk"));
                    e.add(new Sequence(r.value7()));
                    e.add(new Status(switch (BookingStatus.valueOf(r.value4())) {
                        case HOLD -> Status.VALUE_TENTATIVE;
                        case CANCELLED -> Status.VALUE_CANCELLED;
                        case CONFIRMED, COMPLETED -> Status.VALUE_CONFIRMED;
                    }));

                    String place = join(", ", r.value10(), r.value11(), join(" ", r.value12(), r.value13()));
                    if (!place.isEmpty()) {
                        e.add(new Location(place));
                    }
                    e.add(new Description(join("\n", r.value2() + " · " + r.value4().toLowerCase(Locale.ROOT),
                            I18n.tr("ics.client", r.value9()),
                            r.value8() == null ? null : I18n.tr("ics.contact", r.value8()))));
                    f.write(e.toString());
                    n++;
                }
            }
            var hhmm = DateTimeFormatter.ofPattern("HH:mm")
                    .withZone(AgencyFacts.zone(dsl));
            for (var v : routes.places(actor, performerId, from, to, true)) {
                VEvent e = new VEvent(v.start(), v.end(), v.label() + " (" + I18n.tr("ics.place") + ")");
                e.replace(new DtStamp(now));
                e.add(new Uid(v.id() + "@stagedesk"));
                e.add(new Sequence(v.version()));
                e.add(new Status(v.removed() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
                if (v.point() != null) {
                    e.add(new Location(v.point().text()));
                    e.add(new Geo(BigDecimal.valueOf(v.point().latitude()),
                            BigDecimal.valueOf(v.point().longitude())));
                }
                e.add(new Description(join("\n", I18n.tr("ics.placeOf", v.performer()),
                        I18n.tr(v.planned() ? "ics.placePlanned" : "ics.placeWindow",
                                hhmm.format(v.windowStart()), hhmm.format(v.windowEnd())))));
                f.write(e.toString());
                n++;
            }
            f.write("END:VCALENDAR\r\n");
            f.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static String join(String sep, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.length() == 0 ? "" : sep).append(p.strip());
            }
        }
        return b.toString();
    }
}
