package dev.stagedesk.map;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.booking.ConflictCheck.RadiusClause;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.I18n;
import dev.stagedesk.map.MapScene.Circle;
import dev.stagedesk.map.MapScene.Layer;
import dev.stagedesk.map.MapScene.Marker;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.ReadScope;
import dev.stagedesk.settings.AgencyFacts;
import dev.stagedesk.ui.Format;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The map's layers, read flat: venues with coordinates, the bookings of a few days at their venues (with their
 * radius clauses as circles), performers' home bases. Reads are scoped like the lists: a performer sees their
 * own gigs and home.
 */
public final class MapQuery {
    /** More bookings than this in the filter are cut off, with a message asking for a narrower one. */
    public static final int MAX_BOOKINGS = 20_000;
    public static final int MAX_VENUES = 50_000;

    private final DSLContext dsl;

    public MapQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The bookings layer: markers, circles, how many bookings matched without coordinates, and whether it was cut. */
    public record Bookings(List<Marker> markers, List<Circle> circles, int withoutPlace, boolean capped) {
    }

    public List<Marker> venues(Actor actor) {
        return dsl.select(VENUE.ID, VENUE.NAME, VENUE.CITY, VENUE.ADDRESS_LINE1, VENUE.LATITUDE, VENUE.LONGITUDE,
                        VENUE.CAPACITY)
                .from(VENUE).where(VENUE.DELETED_AT.isNull(), VENUE.LATITUDE.isNotNull(), VENUE.LONGITUDE.isNotNull())
                .orderBy(VENUE.NAME, VENUE.ID).limit(MAX_VENUES)
                .fetch(r -> new Marker("venue:" + r.value1(), Layer.VENUES, new GeoPoint(r.value5(), r.value6()),
                        r.value2(), String.join("\n", nonBlank(r.value2(),
                                r.value4() == null ? r.value3() : r.value4() + ", " + r.value3(),
                                r.value7() == null ? null : I18n.tr("map.capacity", r.value7()))),
                        null, r.value1(), null));
    }

    public Bookings bookings(Actor actor, MapFilter f) {
        ZoneId zone = AgencyFacts.zone(dsl);
        Instant start = f.from().atStartOfDay(zone).toInstant();
        Instant end = f.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<Condition> where = new ArrayList<>(List.of(BOOKING.STARTS_AT.ge(start), BOOKING.STARTS_AT.lt(end),
                BOOKING.DELETED_AT.isNull(), ReadScope.bookings(actor)));
        if (!f.statuses().isEmpty()) {
            where.add(BOOKING.STATUS.in(f.statuses().stream().map(Enum::name).toList()));
        }
        if (f.performerId() != null || f.actOrGenre() != null) {
            Condition who = ASSIGNMENT.BOOKING_ID.eq(BOOKING.ID).and(ASSIGNMENT.DELETED_AT.isNull());
            if (f.performerId() != null) {
                who = who.and(ASSIGNMENT.PERFORMER_ID.eq(f.performerId()));
            }
            if (f.actOrGenre() != null) {
                String like = "%" + f.actOrGenre().toLowerCase(Locale.ROOT) + "%";
                who = who.and(DSL.lower(PERFORMER.ACTS).like(like).or(DSL.lower(PERFORMER.GENRES).like(like)));
            }
            where.add(DSL.exists(DSL.selectOne().from(ASSIGNMENT).join(PERFORMER)
                    .on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID)).where(who)));
        }
        var rows = dsl.select(BOOKING.ID, BOOKING.NUMBER, BOOKING.TITLE, BOOKING.STATUS, BOOKING.STARTS_AT,
                        BOOKING.ENDS_AT, BOOKING.RADIUS_KM, BOOKING.RADIUS_DAYS, CLIENT.NAME, VENUE.NAME, VENUE.CITY,
                        VENUE.LATITUDE, VENUE.LONGITUDE)
                .from(BOOKING).join(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID))
                .leftJoin(VENUE).on(VENUE.ID.eq(BOOKING.VENUE_ID))
                .where(where).orderBy(BOOKING.STARTS_AT, BOOKING.ID).limit(MAX_BOOKINGS + 1).fetch();
        boolean capped = rows.size() > MAX_BOOKINGS;
        var shown = capped ? rows.subList(0, MAX_BOOKINGS) : rows;
        // who plays: one read of the window's assignments, not one per booking
        Map<UUID, List<String>> playing = new HashMap<>();
        dsl.select(ASSIGNMENT.BOOKING_ID, PERFORMER.STAGE_NAME).from(ASSIGNMENT).join(PERFORMER)
                .on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .where(ASSIGNMENT.STARTS_AT.ge(start), ASSIGNMENT.STARTS_AT.lt(end), ASSIGNMENT.DELETED_AT.isNull())
                .orderBy(PERFORMER.STAGE_NAME)
                .forEach(r -> playing.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        DateTimeFormatter day = Format.dateStyle(Format.locale());
        DateTimeFormatter hm = Format.timeStyle(Format.locale());
        List<Marker> markers = new ArrayList<>(shown.size());
        List<Circle> circles = new ArrayList<>();
        int withoutPlace = 0;
        for (var r : shown) {
            GeoPoint p = GeoPoint.orNull(r.value12(), r.value13());
            if (p == null) {
                withoutPlace++;
                continue;
            }
            var s = r.value5().atZone(zone);
            var e = r.value6().atZone(zone);
            RadiusClause clause = RadiusClause.of(r.value7(), r.value8());
            List<String> who = playing.getOrDefault(r.value1(), List.of());
            String detail = String.join("\n", nonBlank(r.value2() + " · " + r.value3(),
                    s.format(day) + " " + s.format(hm) + "–" + e.format(hm),
                    r.value10() + (r.value11() == null ? "" : ", " + r.value11()),
                    who.isEmpty() ? I18n.tr("map.nobodyAssigned") : String.join(", ", who),
                    Display.label(BookingStatus.valueOf(r.value4())) + " · " + r.value9(),
                    clause == null ? null : I18n.tr("map.radiusLine", clause.text())));
            markers.add(new Marker("booking:" + r.value1(), Layer.BOOKINGS, p, r.value2(), detail,
                    BookingStatus.valueOf(r.value4()),

                    r.value1(), r.value5()));
            if (clause != null) {
                circles.add(new Circle("radius:" + r.value1(), p, clause.km(),
                        r.value2() + ": " + clause.text()));
            }
        }
        return new Bookings(markers, circles, withoutPlace, capped);
    }

    /** Performers' home bases (active, with coordinates); a performer without the right to see others: their own. */
    public List<Marker> homes(Actor actor, String actOrGenre) {
        List<Condition> where = new ArrayList<>(List.of(PERFORMER.DELETED_AT.isNull(), PERFORMER.ACTIVE.isTrue(),
                PERFORMER.HOME_LATITUDE.isNotNull(), PERFORMER.HOME_LONGITUDE.isNotNull()));
        if (!actor.can(Permission.PERFORMERS_VIEW)) {
            where.add(actor.performerId() == null ? DSL.falseCondition() : PERFORMER.ID.eq(actor.performerId()));
        }
        if (actOrGenre != null && !actOrGenre.isBlank()) {
            String like = "%" + actOrGenre.trim().toLowerCase(Locale.ROOT) + "%";
            where.add(DSL.lower(PERFORMER.ACTS).like(like).or(DSL.lower(PERFORMER.GENRES).like(like)));
        }
        return dsl.select(PERFORMER.ID, PERFORMER.STAGE_NAME, PERFORMER.HOME_CITY, PERFORMER.ACTS, PERFORMER.GENRES,
                        PERFORMER.HOME_LATITUDE, PERFORMER.HOME_LONGITUDE)
                .from(PERFORMER).where(where).orderBy(PERFORMER.STAGE_NAME).limit(MAX_VENUES)
                .fetch(r -> new Marker("home:" + r.value1(), Layer.HOMES, new GeoPoint(r.value6(), r.value7()),
                        r.value2(), String.join("\n", nonBlank(r.value2(), I18n.tr("map.homeBase", r.value3() == null
                                ? new GeoPoint(r.value6(), r.value7()).text() : r.value3()), r.value4(), r.value5())),
                        null, r.value1(), null));
    }

    static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }
}
