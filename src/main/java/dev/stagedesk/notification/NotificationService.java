package dev.stagedesk.notification;

import static dev.stagedesk.command.CommandContext.fields;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PREFERENCE;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.HoldStatus;
import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record7;
import org.jooq.impl.DSL;

/**
 * A user's own notifications (mark read, mark all read, delete, which kinds to receive) and the rules that run
 * on the console's timer: events in the next 7 days with unassigned slots, and holds expiring within a day.
 * The other rules raise their notices in the command that causes them (hold promoted or challenged, a conflict
 * found when a performer blocks time, a payment received) or on the same timer (follow-ups, overdue
 * payments, expired holds). Every notice carries a key naming its event, so no rule fires twice for one.
 */
public final class NotificationService {
    /** How far ahead an event with unassigned slots is announced. */
    public static final Duration EVENT_AHEAD = Duration.ofDays(7);
    /** How long before a hold expires its owner is reminded. */
    public static final Duration HOLD_AHEAD = Duration.ofHours(24);

    public record MarkRead(Collection<UUID> ids, boolean read) implements Command<Integer> {
    }

    /** Every unread notification of the user (of {@code kind} only, unless null). */
    public record MarkAllRead(String kind) implements Command<Integer> {
    }

    public record DeleteNotifications(Collection<UUID> ids) implements Command<Integer> {
    }

    /** The kinds the user wants; the others are not raised for them any more. */
    public record ChooseKinds(Set<String> wanted) implements Command<Set<String>>, LocalCommand {
    }

    /** The timer's rules at {@code now}: events soon with unassigned slots, holds expiring soon. */
    public record RaiseDueNotices(Instant now) implements Command<Integer>, LocalCommand {
    }

    private final CommandBus bus;
    private final DSLContext dsl;
    public NotificationService(CommandBus bus, DSLContext dsl) {
        this.bus = bus;
        this.dsl = dsl;
        bus.register(MarkRead.class, CommandHandler.of(Permission.NOTIFICATIONS_OWN, this::markRead));
        bus.register(MarkAllRead.class, CommandHandler.of(Permission.NOTIFICATIONS_OWN, this::markAllRead));
        bus.register(DeleteNotifications.class, CommandHandler.of(Permission.NOTIFICATIONS_OWN, this::delete));
        bus.register(ChooseKinds.class, CommandHandler.of(Permission.NOTIFICATIONS_OWN, this::choose));
        bus.register(RaiseDueNotices.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::raiseDue));
    }

    public int markRead(Actor actor, Collection<UUID> ids, boolean read) {
        return bus.execute(actor, new MarkRead(ids, read));
    }

    public int markAllRead(Actor actor, String kind) {
        return bus.execute(actor, new MarkAllRead(kind));
    }

    public int delete(Actor actor, Collection<UUID> ids) {
        return bus.execute(actor, new DeleteNotifications(ids));
    }

    public Set<String> choose(Actor actor, Set<String> wanted) {
        return bus.execute(actor, new ChooseKinds(wanted));
    }

    /** Runs {@link RaiseDueNotices} when a rule has something new to say (start-up and the timer); 0 otherwise. */
    public int raiseDue(Actor actor, Instant now) {
        return due(dsl, now).isEmpty() ? 0 : bus.execute(actor, new RaiseDueNotices(now));
    }

    private static UUID self(CommandContext ctx) {
        UUID user = ctx.actor().userId();
        if (user == null) {
            throw ValidationException.of("user", I18n.tr("notice.noUser"));
        }
        return user;
    }

    private static Condition mine(CommandContext ctx) {
        return NOTIFICATION.USER_ID.eq(self(ctx)).and(NOTIFICATION.DELETED_AT.isNull());
    }

    private Integer markRead(MarkRead c, CommandContext ctx) {
        List<UUID> ids = c.ids() == null ? List.of() : List.copyOf(c.ids());
        int n = ids.isEmpty() ? 0 : ctx.dsl().update(NOTIFICATION)
                .set(NOTIFICATION.READ_AT, c.read() ? ctx.now() : null).set(NOTIFICATION.UPDATED_AT, ctx.now())
                .set(NOTIFICATION.VERSION, NOTIFICATION.VERSION.plus(1))
                .where(mine(ctx), NOTIFICATION.ID.in(ids),
                        c.read() ? NOTIFICATION.READ_AT.isNull() : NOTIFICATION.READ_AT.isNotNull()).execute();
        ctx.audit(c.read() ? "mark-read" : "mark-unread", "notification", null, null, fields("count", n));
        return n;
    }

    private Integer markAllRead(MarkAllRead c, CommandContext ctx) {
        if (c.kind() != null && !Notifications.KINDS.contains(c.kind())) {
            throw ValidationException.of("kind", I18n.tr("notice.unknownKind", c.kind(),
                    String.join(", ", Notifications.KINDS)));
        }
        int n = ctx.dsl().update(NOTIFICATION).set(NOTIFICATION.READ_AT, ctx.now())
                .set(NOTIFICATION.UPDATED_AT, ctx.now()).set(NOTIFICATION.VERSION, NOTIFICATION.VERSION.plus(1))
                .where(mine(ctx), NOTIFICATION.READ_AT.isNull(),
                        c.kind() == null ? DSL.noCondition() : NOTIFICATION.KIND.eq(c.kind())).execute();
        ctx.audit("mark-all-read", "notification", null, null, fields("kind", c.kind(), "count", n));
        return n;
    }

    private Integer delete(DeleteNotifications c, CommandContext ctx) {
        List<UUID> ids = c.ids() == null ? List.of() : List.copyOf(c.ids());
        // soft: the row keeps its key, so the event is not announced again
        int n = ids.isEmpty() ? 0 : ctx.dsl().update(NOTIFICATION).set(NOTIFICATION.DELETED_AT, ctx.now())
                .set(NOTIFICATION.READ_AT, DSL.coalesce(NOTIFICATION.READ_AT, DSL.val(ctx.now())))
                .set(NOTIFICATION.UPDATED_AT, ctx.now()).set(NOTIFICATION.VERSION, NOTIFICATION.VERSION.plus(1))
                .where(mine(ctx), NOTIFICATION.ID.in(ids)).execute();
        ctx.audit("delete", "notification", null, null, fields("count", n));
        return n;
    }

    private Set<String> choose(ChooseKinds c, CommandContext ctx) {
        UUID user = self(ctx);
        Set<String> wanted = c.wanted() == null ? Set.of() : c.wanted();
        for (String k : wanted) {
            if (!Notifications.KINDS.contains(k)) {
                throw ValidationException.of("kind", I18n.tr("notice.unknownKind", k,
                        String.join(", ", Notifications.KINDS)));
            }
        }
        Set<String> before = Notifications.muted(ctx.dsl(), user);
        String muted = String.join(",", Notifications.KINDS.stream().filter(k -> !wanted.contains(k)).toList());
        int updated = ctx.dsl().update(PREFERENCE).set(PREFERENCE.PREF_VALUE, muted)
                .set(PREFERENCE.UPDATED_AT, ctx.now()).set(PREFERENCE.VERSION, PREFERENCE.VERSION.plus(1))
                .set(PREFERENCE.DELETED_AT, (Instant) null)
                .where(PREFERENCE.USER_ID.eq(user), PREFERENCE.PREF_KEY.eq(Notifications.MUTED_KEY)).execute();
        if (updated == 0) {
            ctx.dsl().insertInto(PREFERENCE).set(PREFERENCE.ID, ctx.newId()).set(PREFERENCE.USER_ID, user)
                    .set(PREFERENCE.PREF_KEY, Notifications.MUTED_KEY).set(PREFERENCE.PREF_VALUE, muted)
                    .set(PREFERENCE.CREATED_AT, ctx.now()).set(PREFERENCE.UPDATED_AT, ctx.now())
                    .set(PREFERENCE.VERSION, 0).execute();
        }
        ctx.audit("choose-kinds", "notification", user, fields("muted", String.join(",", new TreeSet<>(before))),
                fields("muted", muted));
        return Set.copyOf(wanted);
    }

    // ------------------------------------------------------------------------------------------ timer rules

    /** One notice a rule would raise now, unless its key is already there. */
    record Due(NotificationKind kind, String key, List<UUID> to, String title, String body, String entity, UUID entityId) {
    }

    /** How many notices the timer rules would raise at {@code now} (for the bench). */
    public static int dueCount(DSLContext dsl, Instant now) {
        return due(dsl, now).size();
    }

    /** What the timer rules would announce at {@code now} that nobody has been told yet. */
    static List<Due> due(DSLContext dsl, Instant now) {
        List<Due> out = new ArrayList<>();
        // events in the next 7 days (not yet started) with fewer performers assigned than slots: coordinators
        var assigned = DSL.selectCount().from(ASSIGNMENT)
                .where(ASSIGNMENT.BOOKING_ID.eq(BOOKING.ID), ASSIGNMENT.DELETED_AT.isNull()).<Integer>asField();
        List<Record7<UUID, String, String, Instant, String, Integer, Integer>> events = new ArrayList<>();
        for (BookingStatus status : List.of(BookingStatus.HOLD, BookingStatus.CONFIRMED)) {
            // one status at a time: "status IN (...)" made H2 read every confirmed booking ever (4 s at 1M)
            events.addAll(dsl.select(BOOKING.ID, BOOKING.NUMBER, BOOKING.TITLE, BOOKING.STARTS_AT, BOOKING.TIME_ZONE,
                            BOOKING.SLOTS_NEEDED, assigned).from(BOOKING)
                    .where(BOOKING.STATUS.eq(status.name()), BOOKING.STARTS_AT.ge(now)
, BOOKING.STARTS_AT.lt(now.plus(EVENT_AHEAD)),
                            BOOKING.DELETED_AT.isNull(), assigned.lt(BOOKING.SLOTS_NEEDED)).fetch());
        }
        events.sort(Comparator.comparing(r -> r.value4()));
        List<UUID> team = null;
        for (var r : events) {
            if (team == null) {
                team = Notifications.team(dsl, "ADMIN", "COORDINATOR");
            }
            String when = Notifications.when(r.value4(), r.value5());
            out.add(new Due(NotificationKind.EVENT_UNASSIGNED, "unassigned:" + r.value1() + ":" + r.value4(), team,
                    I18n.tr("notice.unassigned.title", r.value2(), r.value6() - r.value7()),
                    I18n.tr("notice.unassigned.body", r.value3(), when, r.value7(), r.value6()),
                    "booking", r.value1()));
        }
        // holds that expire within a day: their owner
        var holds = dsl.select(HOLD.ID, HOLD.OWNER_USER_ID, HOLD.EXPIRES_AT, BOOKING.ID, BOOKING.NUMBER,
                        PERFORMER.STAGE_NAME, BOOKING.TIME_ZONE).from(HOLD)
                .join(BOOKING).on(BOOKING.ID.eq(HOLD.BOOKING_ID)).leftJoin(PERFORMER).on(PERFORMER.ID.eq(HOLD.PERFORMER_ID))
                .where(HOLD.STATUS.eq(HoldStatus.ACTIVE.name()), HOLD.EXPIRES_AT.gt(now), HOLD.EXPIRES_AT.le(now.plus(HOLD_AHEAD)),
                        HOLD.DELETED_AT.isNull(), HOLD.OWNER_USER_ID.isNotNull()).fetch();
        for (var r : holds) {
            String when = Notifications.when(r.value3(), r.value7());
            out.add(new Due(NotificationKind.HOLD_EXPIRING, "hold-expiring:" + r.value1() + ":" + r.value3(),
                    List.of(r.value2()), I18n.tr("notice.holdExpiring.title", r.value5()),
                    I18n.tr("notice.holdExpiring.body", r.value5(), r.value6() == null ? "—" : r.value6(), when),
                    "booking", r.value4()));
        }
        if (out.isEmpty()) {
            return out;
        }
        // keys already announced (to anyone): read in one go off the key index
        Set<String> told = new HashSet<>(dsl.select(NOTIFICATION.DEDUPE_KEY).from(NOTIFICATION)
                .where(NOTIFICATION.DEDUPE_KEY.in(out.stream().map(Due::key).toList())).fetch(NOTIFICATION.DEDUPE_KEY));
        Map<UUID, Set<String>> muted = new HashMap<>();
        List<Due> fresh = new ArrayList<>();
        for (Due d : out) {
            if (told.contains(d.key())) {
                continue;
            }
            // only those who want the kind: a notice nobody wants is no reason to run the rule each minute
            List<UUID> to = d.to().stream().filter(u -> !muted.computeIfAbsent(u, k -> Notifications.muted(dsl, k))
                    .contains(d.kind().name())).toList();

            if (!to.isEmpty()) {
                fresh.add(new Due(d.kind(), d.key(), to, d.title(), d.body(), d.entity(), d.entityId()));
            }
        }
        return fresh;
    }

    private Integer raiseDue(RaiseDueNotices c, CommandContext ctx) {
        int raised = 0;
        for (Due d : due(ctx.dsl(), c.now())) {
            for (UUID u : d.to()) {
                if (Notifications.raise(ctx, u, d.kind(), d.title(), d.body(), d.entity(), d.entityId(), d.key())) {
                    raised++;
                }
            }
        }
        if (raised == 0) {
            ctx.nothingChanged(); // the run each minute that finds nothing leaves no line in the audit log
        } else {
            ctx.audit("due-notices", "notification", null, null, fields("at", c.now(), "raised", raised));
        }
        return raised;
    }
}
