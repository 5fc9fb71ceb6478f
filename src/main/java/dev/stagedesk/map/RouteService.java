package dev.stagedesk.map;

import static dev.stagedesk.db.jooq.Tables.ROUTE_STOP;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.tables.records.RouteStopRecord;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.AgencyFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;

/**
 * Writes a performer's day: places of their own (a street performance: where, the window in which to start, how
 * long they stay), removing one, and saving an order as the performer's schedule for the day (each stop's
 * position and planned start). Gigs are not moved here: their times are the booking's.
 */
public final class RouteService {
    public static final String ENTITY = "route_stop";

    public record AddRouteStop(UUID performerId, LocalDate day, String label, Double latitude, Double longitude,
                               LocalTime windowStart, LocalTime windowEnd, Integer stayMinutes) implements Command<UUID> {
    }

    public record RemoveRouteStop(UUID stopId) implements Command<Void> {
    }

    /** {@code order}: every stop key of the day ({@link Route.Stop#key}), once, in the order to keep. */
    public record SaveRoute(UUID performerId, LocalDate day, List<String> order) implements Command<Route.Schedule> {
    }

    private final CommandBus bus;

    public RouteService(CommandBus bus) {
        this.bus = bus;
        bus.register(AddRouteStop.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::add));
        bus.register(RemoveRouteStop.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::remove));
        bus.register(SaveRoute.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::save));
    }

    public UUID add(Actor actor, AddRouteStop c) {
        return bus.execute(actor, c);
    }

    public void remove(Actor actor, UUID stopId) {
        bus.execute(actor, new RemoveRouteStop(stopId));
    }

    public Route.Schedule save(Actor actor, UUID performerId, LocalDate day, List<String> order) {
        return bus.execute(actor, new SaveRoute(performerId, day, order));
    }

    private UUID add(AddRouteStop c, CommandContext ctx) {
        Validator v = new Validator();
        v.required("label", c.label(), 200);
        v.check(c.day() != null, "day", I18n.tr("validation.required"));
        v.check(c.latitude() != null, "latitude", I18n.tr("validation.required"));
        v.check(c.longitude() != null, "longitude", I18n.tr("validation.required"));
        v.range("latitude", c.latitude(), -90, 90).range("longitude", c.longitude(), -180, 180);
        v.check(c.windowStart() != null, "windowStart", I18n.tr("validation.required"));
        v.check(c.windowEnd() != null, "windowEnd", I18n.tr("validation.required"));
        v.check(c.windowStart() == null || c.windowEnd() == null || !c.windowEnd().isBefore(c.windowStart()),
                "windowEnd", I18n.tr("route.windowBackwards"));
        v.check(c.stayMinutes() != null && c.stayMinutes() >= 0 && c.stayMinutes() <= 1440, "stayMinutes",
                I18n.tr("validation.between", 0, 1440));
        v.throwIfAny();
        RouteQuery.Day day = RouteQuery.day(ctx.dsl(), ctx.actor(), c.performerId(), c.day());
        ZoneId zone = day.zone();
        RouteStopRecord r = ctx.dsl().newRecord(ROUTE_STOP);
        r.setId(ctx.newId());
        r.setPerformerId(c.performerId());
        r.setRouteDay(c.day());
        r.setPosition(nextPosition(ctx, c.performerId(), c.day()));
        r.setLabel(Validator.clean(c.label()));
        r.setLatitude(c.latitude());
        r.setLongitude(c.longitude());
        r.setWindowStart(c.day().atTime(c.windowStart()).atZone(zone).toInstant());
        r.setWindowEnd(c.day().atTime(c.windowEnd()).atZone(zone).toInstant());
        r.setStayMinutes(c.stayMinutes());
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        r.store();
        ctx.audit("add-route-stop", ENTITY, r.getId(), null, fields(r));
        return r.getId();
    }

    private Void remove(RemoveRouteStop c, CommandContext ctx) {
        RouteStopRecord r = ctx.dsl().selectFrom(ROUTE_STOP).where(ROUTE_STOP.ID.eq(c.stopId()),
                        ROUTE_STOP.BOOKING_ID.isNull(), ROUTE_STOP.DELETED_AT.isNull()).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound", I18n.tr("entity.routeStop"),
                        c.stopId())));
        Map<String, Object> before = fields(r);
        r.setDeletedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(r.getVersion() + 1);
        r.update();
        ctx.audit("remove-route-stop", ENTITY, r.getId(), before, null);
        return null;
    }

    private Route.Schedule save(SaveRoute c, CommandContext ctx) {
        RouteQuery.Day day = RouteQuery.day(ctx.dsl(), ctx.actor(), c.performerId(), c.day());
        Map<String, Route.Stop> byKey = new LinkedHashMap<>();
        day.stops().forEach(s -> byKey.put(s.key(), s));
        if (c.order() == null || c.order().size() != byKey.size() || !new HashSet<>(c.order()).equals(byKey.keySet())) {
            throw new UserFacingException(I18n.tr("route.stopsChanged", day.performer(), c.day()));
        }
        List<Route.Stop> ordered = c.order().stream().map(byKey::get).toList();
        Route.Schedule schedule = Route.schedule(day.home(), ordered, day.travel());
        // the gigs' rows keep only their position; places also their planned start
        ctx.dsl().deleteFrom(ROUTE_STOP).where(ROUTE_STOP.PERFORMER_ID.eq(c.performerId()),
                ROUTE_STOP.ROUTE_DAY.eq(c.day()), ROUTE_STOP.BOOKING_ID.isNotNull()).execute();
        for (int i = 0; i < ordered.size(); i++) {
            Route.Stop s = ordered.get(i);
            Instant planned = schedule.legs().get(i).start();
            if (s.isBooking()) {
                RouteStopRecord r = ctx.dsl().newRecord(ROUTE_STOP);
                r.setId(ctx.newId());
                r.setPerformerId(c.performerId());
                r.setRouteDay(c.day());
                r.setPosition(i + 1);
                r.setBookingId(UUID.fromString(s.key().substring("booking:".length())));
                r.setLabel(s.label().length() > 200 ? s.label().substring(0, 200) : s.label());
                r.setWindowStart(s.windowStart());
                r.setWindowEnd(s.windowEnd());
                r.setStayMinutes(s.stayMinutes());
                r.setPlannedStart(planned);
                r.setCreatedAt(ctx.now());
                r.setUpdatedAt(ctx.now());
                r.setVersion(0);
                r.store();
            } else {
                ctx.dsl().update(ROUTE_STOP).set(ROUTE_STOP.POSITION, i + 1).set(ROUTE_STOP.PLANNED_START, planned)
                        .set(ROUTE_STOP.UPDATED_AT, ctx.now()).set(ROUTE_STOP.VERSION, ROUTE_STOP.VERSION.plus(1))
                        .where(ROUTE_STOP.ID.eq(UUID.fromString(s.key().substring("stop:".length())))).execute();
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("performerId", c.performerId());
        after.put("day", c.day());
        after.put("order", ordered.stream().map(Route.Stop::label).toList());
        after.put("km", Math.round(schedule.km()));
        after.put("late", schedule.late());
        ctx.audit("save-route", ENTITY, c.performerId(), null, after);
        return schedule;
    }

    private static int nextPosition(CommandContext ctx, UUID performer, LocalDate day) {
        Integer max = ctx.dsl().select(DSL.max(ROUTE_STOP.POSITION)).from(ROUTE_STOP)
                .where(ROUTE_STOP.PERFORMER_ID.eq(performer), ROUTE_STOP.ROUTE_DAY.eq(day)).fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    private static Map<String, Object> fields(RouteStopRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("performerId", r.getPerformerId());
        m.put("day", r.getRouteDay());
        m.put("label", r.getLabel());
        m.put("latitude", r.getLatitude());
        m.put("longitude", r.getLongitude());
        m.put("windowStart", r.getWindowStart());
        m.put("windowEnd", r.getWindowEnd());
        m.put("stayMinutes", r.getStayMinutes());
        return m;
    }
}
