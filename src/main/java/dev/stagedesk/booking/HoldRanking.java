package dev.stagedesk.booking;

import dev.stagedesk.common.HoldStatus;
import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.HOLD;

import dev.stagedesk.command.CommandContext;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.db.jooq.tables.records.BookingRecord;
import dev.stagedesk.db.jooq.tables.records.HoldRecord;
import dev.stagedesk.notification.NotificationKind;
import dev.stagedesk.notification.Notifications;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Ranked holds. Among the active holds on one performer, a hold's rank is one more than the number of
 * earlier-placed active holds whose bookings overlap it: the first placed is the 1st hold, and when a hold
 * ahead ends (released, expired, lapsed, cancelled, or its booking confirmed elsewhere) the ones behind move
 * up on their own. A hold that reaches 1st place notifies its owner. Ranks are always recomputed from the
 * placement order, never patched, so they cannot drift.
 */
final class HoldRanking {
    private HoldRanking() {
    }

    /** An active hold with its booking's window, in placement order. */
    private record Placed(HoldRecord hold, Instant start, Instant end, String number) {
        boolean overlaps(Placed o) {
            return start.isBefore(o.end) && o.start.isBefore(end);
        }
    }

    private static List<Placed> active(DSLContext tx, UUID performerId) {
        return tx.select(HOLD.fields()).select(BOOKING.STARTS_AT, BOOKING.ENDS_AT, BOOKING.NUMBER).from(HOLD)
                .join(BOOKING).on(BOOKING.ID.eq(HOLD.BOOKING_ID))
                .where(HOLD.PERFORMER_ID.eq(performerId), HOLD.STATUS.eq(HoldStatus.ACTIVE.name()), HOLD.DELETED_AT.isNull(),
                        BOOKING.DELETED_AT.isNull())
                .orderBy(HOLD.CREATED_AT, HOLD.ID)
                .fetch(r -> new Placed(r.into(HOLD), r.get(BOOKING.STARTS_AT), r.get(BOOKING.ENDS_AT),
                        r.get(BOOKING.NUMBER)));
    }

    /** Recomputes the ranks of one performer's active holds; notifies the owners of holds that became 1st. */
    static void rerank(CommandContext ctx, UUID performerId) {
        rerank(ctx, performerId, null);
    }

    /** As {@link #rerank(CommandContext, UUID)}; {@code justPlaced} is a new hold, ranked without news. */
    static void rerank(CommandContext ctx, UUID performerId, UUID justPlaced) {
        List<Placed> holds = active(ctx.dsl(), performerId);
        for (int i = 0; i < holds.size(); i++) {
            Placed h = holds.get(i);
            int rank = 1;
            for (int j = 0; j < i; j++) {
                if (holds.get(j).overlaps(h)) {
                    rank++;
                }
            }
            int old = h.hold().getHoldRank();
            if (rank == old) {
                continue;
            }
            HoldRecord r = h.hold();
            r.setHoldRank(rank);
            r.setUpdatedAt(ctx.now());
            r.setVersion(r.getVersion() + 1);
            r.update();
            boolean placedJustNow = r.getId().equals(justPlaced);
            if (!placedJustNow) {
                ctx.audit(rank < old ? "promote-hold" : "demote-hold", BookingService.ENTITY, r.getBookingId(),
                        BookingService.map("holdId", r.getId(), "rank", old), BookingService.map("holdId", r.getId(), "rank", rank));
            }
            if (rank == 1 && !placedJustNow) {
                String performer = BookingService.performerName(ctx.dsl(), performerId);
                Notifications.raise(ctx, r.getOwnerUserId(), NotificationKind.HOLD_PROMOTED,
                        I18n.tr("hold.promoted.title", h.number()), I18n.tr("hold.promoted.body", h.number(), performer),
                        BookingService.ENTITY, r.getBookingId(), "hold-promoted:" + r.getId() + ":" + ctx.now());
            }
        }
    }

    /** The bookings of the active holds ahead of {@code hold} (same performer, overlapping, placed earlier). */
    static String aheadOf(DSLContext tx, HoldRecord hold) {
        List<Placed> holds = active(tx, hold.getPerformerId());
        Placed me = holds.stream().filter(p -> p.hold().getId().equals(hold.getId())).findFirst().orElse(null);
        if (me == null) {
            return "";
        }
        List<String> ahead = new ArrayList<>();
        for (Placed p : holds) {
            if (p == me) {
                break;
            }
            if (p.overlaps(me)) {
                ahead.add(p.number());
            }
        }
        return String.join(", ", ahead);
    }

    static HoldRecord activeHold(DSLContext tx, UUID holdId) {
        HoldRecord h = tx.selectFrom(HOLD).where(HOLD.ID.eq(holdId), HOLD.DELETED_AT.isNull()).forUpdate().fetchOne();
        if (h == null || !HoldStatus.ACTIVE.name().equals(h.getStatus())) {
            throw new UserFacingException(I18n.tr("hold.notActive"));
        }
        return h;
    }

    /**
     * Ends a hold (RELEASED, EXPIRED, LAPSED): the holds behind move up, its owner hears of it unless they did
     * it themselves, and a booking left without an active hold is cancelled.
     */
    static void end(CommandContext ctx, HoldRecord h, HoldStatus status, String action) {
        DSLContext tx = ctx.dsl();
        setStatus(ctx, h, status);
        BookingRecord booking = tx.selectFrom(BOOKING).where(BOOKING.ID.eq(h.getBookingId())).fetchOne();
        String performer = h.getPerformerId() == null ? I18n.tr("hold.noPerformer")
                : BookingService.performerName(tx, h.getPerformerId());
        ctx.audit(action, BookingService.ENTITY, h.getBookingId(), BookingService.map("holdId", h.getId(), "status", HoldStatus.ACTIVE),
                BookingService.map("holdId", h.getId(), "status", status, "performer", performer));
        boolean byOwner = h.getOwnerUserId() != null && h.getOwnerUserId().equals(ctx.actor().userId());
        if (!byOwner) {
            NotificationKind kind = status == HoldStatus.RELEASED ? NotificationKind.HOLD_RELEASED : NotificationKind.HOLD_EXPIRED;
            Notifications.raise(ctx, h.getOwnerUserId(), kind,
                    I18n.tr("hold.ended.title", booking.getNumber(), Display.inSentence(status)),
                    I18n.tr("hold.ended.body", booking.getNumber(), performer, Display.inSentence(status)),
                    BookingService.ENTITY, booking.getId(), "hold-" + status.name().toLowerCase(Locale.ROOT) + ":" + h.getId());
        }
        if (h.getPerformerId() != null) {
            rerank(ctx, h.getPerformerId());
        }
        if (BookingStatus.HOLD.name().equals(booking.getStatus()) && !tx.fetchExists(HOLD, HOLD.BOOKING_ID.eq(booking.getId()),
                HOLD.STATUS.eq(HoldStatus.ACTIVE.name()), HOLD.DELETED_AT.isNull())) {
            var before = Booking.of(booking);
            booking.setStatus(BookingStatus.CANCELLED.name());
            booking.setCancellationReason(I18n.tr("hold.bookingLapsed", Display.inSentence(status)));
            booking.setUpdatedAt(ctx.now());
            booking.setVersion(booking.getVersion() + 1);
            booking.update();
            ctx.audit("cancel", BookingService.ENTITY, booking.getId(), before.auditFields(), Booking.of(booking).auditFields());
        }
    }

    static void setStatus(CommandContext ctx, HoldRecord h, HoldStatus status) {
        h.setStatus(status.name());
        h.setUpdatedAt(ctx.now());
        h.setVersion(h.getVersion() + 1);
        h.update();
    }

    /** The performer is now confirmed for {@code confirmed}: the other holds on them at that time are released. */
    static void releaseBehind(CommandContext ctx, UUID performerId, BookingRecord confirmed) {
        for (Placed p : active(ctx.dsl(), performerId)) {
            boolean overlaps = p.start().isBefore(confirmed.getEndsAt()) && confirmed.getStartsAt().isBefore(p.end());
            if (overlaps && !p.hold().getBookingId().equals(confirmed.getId())) {
                end(ctx, ctx.dsl().selectFrom(HOLD).where(HOLD.ID.eq(p.hold().getId())).fetchOne(), HoldStatus.RELEASED,
                        "release-hold");
            }
        }
    }

    /**
     * The owner of {@code challenger} (a 2nd or lower hold) is ready to confirm: each 1st hold ahead of it gets a
     * decision deadline (Settings: challenge hours). At the deadline it lapses unless its booking is confirmed.
     */
    static void challenge(CommandContext ctx, HoldRecord challenger) {
        DSLContext tx = ctx.dsl();
        if (challenger.getPerformerId() == null || challenger.getHoldRank() == 1) {
            throw new UserFacingException(I18n.tr("hold.alreadyFirst"));
        }
        List<Placed> holds = active(tx, challenger.getPerformerId());
        Placed me = holds.stream().filter(p -> p.hold().getId().equals(challenger.getId())).findFirst().orElseThrow();
        Integer hours = tx.select(AGENCY.CHALLENGE_HOURS).from(AGENCY).limit(1).fetchOne(AGENCY.CHALLENGE_HOURS);
        Instant deadline = ctx.now().plus(hours == null ? 48 : hours, ChronoUnit.HOURS);
        Set<Placed> firsts = new LinkedHashSet<>();
        for (Placed p : holds) {
            if (p != me && p.overlaps(me) && p.hold().getHoldRank() == 1) {
                firsts.add(p);
            }
        }
        Set<Placed> open = firsts.stream().filter(p -> p.hold().getDecisionDeadline() == null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (open.isEmpty()) {
            Placed first = firsts.iterator().next();
            throw new UserFacingException(I18n.tr("hold.alreadyChallenged", first.number(),
                    first.hold().getDecisionDeadline()));
        }
        String number = tx.select(BOOKING.NUMBER).from(BOOKING).where(BOOKING.ID.eq(challenger.getBookingId()))
                .fetchOne(BOOKING.NUMBER);
        for (Placed p : open) {
            HoldRecord r = p.hold();
            r.setChallengedAt(ctx.now());
            r.setDecisionDeadline(deadline);
            r.setUpdatedAt(ctx.now());
            r.setVersion(r.getVersion() + 1);
            r.update();
            ctx.audit("challenge-hold", BookingService.ENTITY, r.getBookingId(), null,
                    BookingService.map("holdId", r.getId(), "challengedBy", number, "decisionDeadline", deadline));
            Notifications.raise(ctx, r.getOwnerUserId(), NotificationKind.HOLD_CHALLENGED,
                    I18n.tr("hold.challenged.title", p.number()),
                    I18n.tr("hold.challenged.body", p.number(), number, deadline), BookingService.ENTITY,
                    r.getBookingId(), "hold-challenged:" + r.getId() + ":" + ctx.now());
        }
    }

    /** Expires holds past their expiry and lapses 1st holds past their decision deadline. */
    static int processDue(CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        int n = 0;
        for (HoldRecord h : tx.selectFrom(HOLD).where(HOLD.STATUS.eq(HoldStatus.ACTIVE.name()), HOLD.DELETED_AT.isNull(),
                HOLD.EXPIRES_AT.le(ctx.now()).or(HOLD.DECISION_DEADLINE.le(ctx.now())))
                .orderBy(HOLD.CREATED_AT, HOLD.ID).forUpdate().fetch()) {
            HoldRecord fresh = tx.selectFrom(HOLD).where(HOLD.ID.eq(h.getId())).fetchOne();
            if (!HoldStatus.ACTIVE.name().equals(fresh.getStatus())) {
                continue; // ended by an earlier one in this run (its booking was cancelled)
            }
            boolean lapsed = fresh.getDecisionDeadline() != null && !fresh.getDecisionDeadline().isAfter(ctx.now());
            end(ctx, fresh, lapsed ? HoldStatus.LAPSED : HoldStatus.EXPIRED, lapsed ? "lapse-hold" : "expire-hold");

            n++;
        }
        return n;
    }

    /** Whether {@link #processDue} has anything to do at {@code now} (a read, so the timer writes nothing idle). */
    static boolean anyDue(DSLContext dsl, Instant now) {
        return dsl.fetchExists(HOLD, HOLD.STATUS.eq(HoldStatus.ACTIVE.name()), HOLD.DELETED_AT.isNull(),
                HOLD.EXPIRES_AT.le(now).or(HOLD.DECISION_DEADLINE.le(now)));
    }
}
