package dev.stagedesk.performer;

import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_UNAVAILABILITY;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.common.Codes;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.notification.NotificationKind;
import dev.stagedesk.notification.Notifications;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When a performer cannot play: blocked periods with a reason (vacation, studio) and weekly recurring
 * unavailability (every Monday 09:00–13:00, in the booking's time zone). The conflict check reads them.
 */
public final class AvailabilityService {
    public record BlockPeriod(UUID performerId, String reason, Instant startsAt, Instant endsAt)
            implements Command<UUID> {
    }

    public record BlockWeekly(UUID performerId, String reason, DayOfWeek day, LocalTime from, LocalTime to)
            implements Command<UUID> {
    }

    public record RemoveBlock(UUID id) implements Command<Void> {
    }

    private final CommandBus bus;

    public AvailabilityService(CommandBus bus) {
        this.bus = bus;
        bus.register(BlockPeriod.class, CommandHandler.of(Permission.PERFORMERS_EDIT, this::period));
        bus.register(BlockWeekly.class, CommandHandler.of(Permission.PERFORMERS_EDIT, this::weekly));
        bus.register(RemoveBlock.class, CommandHandler.of(Permission.PERFORMERS_EDIT, this::remove));
    }

    public UUID block(Actor actor, UUID performerId, String reason, Instant startsAt, Instant endsAt) {
        return bus.execute(actor, new BlockPeriod(performerId, reason, startsAt, endsAt));
    }

    public UUID blockWeekly(Actor actor, UUID performerId, String reason, DayOfWeek day, LocalTime from, LocalTime to) {
        return bus.execute(actor, new BlockWeekly(performerId, reason, day, from, to));
    }

    private static void requirePerformer(CommandContext ctx, UUID id) {
        if (id == null || !ctx.dsl().fetchExists(PERFORMER, PERFORMER.ID.eq(id), PERFORMER.DELETED_AT.isNull())) {
            throw ValidationException.of("performer", I18n.tr("assignment.unknownPerformer"));
        }
    }

    private UUID period(BlockPeriod c, CommandContext ctx) {
        requirePerformer(ctx, c.performerId());
        Validator v = new Validator();
        v.required("reason", Validator.clean(c.reason()), 200);
        v.check(c.startsAt() != null, "startsAt", I18n.tr("validation.required"));
        v.check(c.endsAt() != null, "endsAt", I18n.tr("validation.required"));
        v.check(c.startsAt() == null || c.endsAt() == null || c.endsAt().isAfter(c.startsAt()), "endsAt",
                I18n.tr("block.endBeforeStart"));
        v.throwIfAny();
        return insert(ctx, c.performerId(), c.reason(), c.startsAt(), c.endsAt(), null, null, null);
    }

    private UUID weekly(BlockWeekly c, CommandContext ctx) {
        requirePerformer(ctx, c.performerId());
        Validator v = new Validator();
        v.required("reason", Validator.clean(c.reason()), 200);
        v.check(c.day() != null, "day", I18n.tr("validation.required"));
        v.check(c.from() != null, "from", I18n.tr("validation.required"));
        v.check(c.to() != null, "to", I18n.tr("validation.required"));
        v.check(c.from() == null || c.to() == null || c.to().isAfter(c.from()), "to", I18n.tr("block.endBeforeStart"));
        v.throwIfAny();
        return insert(ctx, c.performerId(), c.reason(), null, null, c.day().getValue(), c.from(), c.to());
    }

    private UUID insert(CommandContext ctx, UUID performerId, String reason, Instant start, Instant end, Integer day,
                        LocalTime from, LocalTime to) {
        UUID id = ctx.newId();
        var U = PERFORMER_UNAVAILABILITY;
        ctx.dsl().insertInto(U).set(U.ID, id).set(U.PERFORMER_ID, performerId).set(U.REASON, Validator.clean(reason))
                .set(U.STARTS_AT, start).set(U.ENDS_AT, end).set(U.DAY_OF_WEEK, day).set(U.LOCAL_START, from)
                .set(U.LOCAL_END, to).set(U.CREATED_AT, ctx.now()).set(U.UPDATED_AT, ctx.now()).set(U.VERSION, 0)
                .execute();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("blockId", id);
        after.put("reason", Validator.clean(reason));
        after.put(day == null ? "startsAt" : "day", day == null ? start : DayOfWeek.of(day));
        after.put(day == null ? "endsAt" : "hours", day == null ? end : from + "–" + to);
        ctx.audit("block", PerformerService.ENTITY, performerId, null, after);
        announceConflicts(ctx, id, performerId, reason, start, end, day, from, to);
        return id;
    }

    /** How far ahead a weekly block is checked against the performer's gigs. */
    static final Duration WEEKLY_AHEAD = Duration.ofDays(366);

    /**
     * A block over gigs the performer is already booked for (not yet started, hold or confirmed) is a conflict
     * found: admins and coordinators are told, once per block and booking.
     */
    private static void announceConflicts(CommandContext ctx, UUID blockId, UUID performerId, String reason,
                                          Instant start, Instant end, Integer day, LocalTime from, LocalTime to) {
        var A = Tables.ASSIGNMENT;
        var B = Tables.BOOKING;
        Instant lo = start != null ? (start.isAfter(ctx.now()) ? start : ctx.now()) : ctx.now();
        Instant hi = end != null ? end : ctx.now().plus(WEEKLY_AHEAD);
        if (!hi.isAfter(lo)) {
            return;
        }
        var gigs = ctx.dsl().select(B.ID, B.NUMBER, B.TITLE, A.STARTS_AT, A.ENDS_AT, B.TIME_ZONE).from(A)
                .join(B).on(B.ID.eq(A.BOOKING_ID))
                .where(A.PERFORMER_ID.eq(performerId), A.DELETED_AT.isNull(), A.STARTS_AT.lt(hi), A.ENDS_AT.gt(lo),
                        A.STARTS_AT.ge(ctx.now()), B.STATUS.in(Codes.of(BookingStatus.HOLD, BookingStatus.CONFIRMED)), B.DELETED_AT.isNull())
                .orderBy(A.STARTS_AT).fetch();
        List<UUID> team = null;
        String performer = null;
        for (var g : gigs) {
            ZoneId zone = ZoneId.of(g.value6());
            if (day != null && !weeklyOverlaps(g.value4(), g.value5(), zone, day, from, to)) {
                continue;
            }
            if (team == null) {
                team = Notifications.team(ctx.dsl(), "ADMIN", "COORDINATOR");
                performer = ctx.dsl().select(PERFORMER.STAGE_NAME).from(PERFORMER).where(PERFORMER.ID.eq(performerId))
                        .fetchOne(PERFORMER.STAGE_NAME);
            }
            String when = Notifications.when(g.value4(), g.value6());
            for (UUID u : team) {
                Notifications.raise(ctx, u,
                        NotificationKind.CONFLICT_FOUND,
                        I18n.tr("notice.conflict.title", g.value2(), performer),
                        I18n.tr("notice.conflictBlock.body", performer, Validator.clean(reason), g.value2(), g.value3(),
                                when),
                        "booking", g.value1(), "conflict:block:" + blockId + ":" + g.value1());
            }
        }
    }

    /** Whether a gig touches a weekly block (that weekday, those hours) on any day it spans, in its own zone. */
    static boolean weeklyOverlaps(Instant start, Instant end, ZoneId zone, int day, LocalTime from,
                                  LocalTime to) {
        LocalDate d = start.atZone(zone).toLocalDate();
        LocalDate last = end.atZone(zone).toLocalDate();
        for (; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() != day) {
                continue;
            }
            Instant bs = d.atTime(from).atZone(zone).toInstant();
            Instant be = d.atTime(to).atZone(zone).toInstant();
            if (start.isBefore(be) && end.isAfter(bs)) {
                return true;
            }
        }
        return false;
    }

    private Void remove(RemoveBlock c, CommandContext ctx) {
        var U = PERFORMER_UNAVAILABILITY;
        var r = ctx.dsl().selectFrom(U).where(U.ID.eq(c.id()), U.DELETED_AT.isNull()).fetchOptional()
                .orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound", I18n.tr("block.entity"), c.id())));
        r.setDeletedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(r.getVersion() + 1);
        r.update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("blockId", r.getId());
        before.put("reason", r.getReason());
        ctx.audit("unblock", PerformerService.ENTITY, r.getPerformerId(), before, null);
        return null;
    }
}
