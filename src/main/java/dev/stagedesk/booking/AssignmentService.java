package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.command.StaleEdit;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.Clash;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.tables.records.AssignmentRecord;
import dev.stagedesk.db.jooq.tables.records.BookingRecord;
import dev.stagedesk.db.jooq.tables.records.PerformerRecord;
import dev.stagedesk.notification.NotificationKind;
import dev.stagedesk.notification.Notifications;
import dev.stagedesk.performer.PerformerRepository;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.AgencyFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Performers on a booking: assign (role, payout prefilled from the default fee, call time), change, remove,
 * and pay out. Every assignment and every reschedule goes through {@link ConflictCheck}; a conflicting
 * assignment is refused with each conflict named, unless an admin overrides it with a reason (audited).
 */
public final class AssignmentService {
    public static final String PAYOUT_METHODS = "BANK_TRANSFER;CASH;CARD;PAYPAL;OTHER";

    /** {@code payoutMinor} and {@code callTime} null for the defaults; {@code overrideReason} only for admins. */
    public record AssignPerformer(UUID bookingId, UUID performerId, String role, Long payoutMinor, Instant callTime,
                                  String overrideReason) implements Command<UUID> {
    }

    public record UpdateAssignment(UUID id, int expectedVersion, String role, long payoutMinor, Instant callTime,
                                   int commissionBp, int withholdingBp) implements Command<Void> {
    }

    public record RemoveAssignment(UUID id) implements Command<Void> {
    }

    /** Marks unpaid payouts paid, all or none. */
    public record MarkPayoutsPaid(List<UUID> ids, LocalDate paidOn, String method, String reference)
            implements Command<Integer> {
    }

    /**
     * A row of an assignments CSV file: a new assignment (the same checks as {@link AssignPerformer}) or, for an
     * id that exists, new role, payout, call time and percentages; "PAID" with its date and method pays it.
     * {@code overrideReason} set when an admin imports with {@code --allow-conflicts}. The performer is found by
     * {@code performerId} when given, else by stage name. On a completed or cancelled booking the row is history
     * (moving records from another store): it is kept as it was, without the conflict check of a new assignment.
     */
    public record ImportAssignment(UUID id, String bookingNumber, UUID performerId, String performer, String role, Long payoutMinor,
                                   LocalDateTime callTime, Integer commissionBp, Integer withholdingBp,
                                   PayoutStatus payoutStatus, LocalDate paidOn, String paidMethod, String paidReference,
                                   String overrideReason) implements Command<UUID> {
    }

    private final CommandBus bus;

    public AssignmentService(CommandBus bus) {
        this.bus = bus;
        bus.register(AssignPerformer.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::assign));
        bus.register(UpdateAssignment.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::update));
        bus.register(RemoveAssignment.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::remove));
        bus.register(MarkPayoutsPaid.class, CommandHandler.of(Permission.PAYOUTS_EDIT, this::markPaid));
        bus.register(ImportAssignment.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::importAssignment));
    }

    public UUID assign(Actor actor, UUID bookingId, UUID performerId, String role, Long payoutMinor, Instant callTime,
                       String overrideReason) {
        return bus.execute(actor, new AssignPerformer(bookingId, performerId, role, payoutMinor, callTime, overrideReason));
    }

    public int markPaid(Actor actor, List<UUID> ids, LocalDate paidOn, String method, String reference) {
        return bus.execute(actor, new MarkPayoutsPaid(ids, paidOn, method, reference));
    }

    static ConflictCheck.Window window(BookingRecord b, Instant start, Instant end) {
        return new ConflictCheck.Window(b.getId(), start, end, b.getVenueId(), ZoneId.of(b.getTimeZone()));
    }

    /**
     * Refuses when {@code performerId} has a conflict in the window, naming each; an admin's reason overrides
     * (audited on the booking). Returns the reason that was used, or null.
     */
    static String requireFree(CommandContext ctx, UUID performerId, ConflictCheck.Window w, boolean holds,
                              String overrideReason) {
        List<ConflictCheck.Conflict> conflicts = ConflictCheck.find(ctx.dsl(), performerId, w, holds);
        if (conflicts.isEmpty()) {
            return null;
        }
        String reason = Validator.clean(overrideReason);
        if (reason == null && ctx.replayed()) {
            // two desktops booked the performer offline: the first in the endpoint's order stands, this one is kept
            // and marked, for a person to settle
            ConflictCheck.Conflict first = conflicts.get(0);
            ctx.clash(new Clash("DOUBLE_BOOKING", BookingService.ENTITY, w.bookingId(), first.otherBookingId(),
                    ConflictCheck.describe(conflicts)));
            return null;
        }
        if (reason == null) {
            throw new UserFacingException(I18n.tr(ctx.actor().can(Permission.CONFLICTS_OVERRIDE)
                    ? "conflict.refusedAdmin" : "conflict.refused", ConflictCheck.describe(conflicts)));
        }
        ctx.actor().require(Permission.CONFLICTS_OVERRIDE);
        if (reason.length() > 500) {
            throw ValidationException.of("overrideReason", I18n.tr("validation.tooLong", 500));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("performerId", performerId);
        after.put("conflicts", conflicts.stream().map(ConflictCheck.Conflict::message).toList());
        after.put("reason", reason);
        ctx.audit("override-conflict", BookingService.ENTITY, w.bookingId(), null, after);
        // the team hears of a conflict let through, once per booking, performer and time
        String number = ctx.dsl().select(BOOKING.NUMBER).from(BOOKING).where(BOOKING.ID.eq(w.bookingId()))
                .fetchOne(BOOKING.NUMBER);
        String performer = conflicts.get(0).performer();
        for (UUID u : Notifications.team(ctx.dsl(), "ADMIN", "COORDINATOR")) {
            Notifications.raise(ctx, u, NotificationKind.CONFLICT_FOUND,
                    I18n.tr("notice.conflict.title", number, performer),
                    I18n.tr("notice.conflictOverride.body", performer, number, ConflictCheck.describe(conflicts), reason),
                    BookingService.ENTITY, w.bookingId(),
                    "conflict:override:" + w.bookingId() + ":" + performerId + ":" + w.start() + ":" + w.end());
        }
        return reason;
    }

    private UUID assign(AssignPerformer c, CommandContext ctx) {
        return assign(null, c, ctx);
    }

    private UUID assign(UUID id, AssignPerformer c, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        BookingRecord b = tx.selectFrom(BOOKING).where(BOOKING.ID.eq(c.bookingId()), BOOKING.DELETED_AT.isNull())
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.booking"), c.bookingId())));
        BookingStatus status = BookingStatus.valueOf(b.getStatus());
        if (!status.isOpen()) {
            throw new UserFacingException(I18n.tr("assignment.closedBooking", b.getNumber(), Display.inSentence(status)));

        }
        var p = tx.selectFrom(PERFORMER).where(PERFORMER.ID.eq(c.performerId()), PERFORMER.DELETED_AT.isNull())
                .fetchOptional().orElseThrow(() -> ValidationException.of("performer",
                        I18n.tr("assignment.unknownPerformer")));
        if (tx.fetchExists(ASSIGNMENT, ASSIGNMENT.BOOKING_ID.eq(b.getId()), ASSIGNMENT.PERFORMER_ID.eq(p.getId()),
                ASSIGNMENT.DELETED_AT.isNull())) {
            throw ValidationException.of("performer", I18n.tr("assignment.already",
                    p.getStageName(), b.getNumber()));
        }
        Validator v = new Validator();
        String role = Validator.clean(c.role()) == null ? I18n.tr("assignment.defaultRole") : Validator.clean(c.role());
        v.maxLength("role", role, 120);
        v.check(c.payoutMinor() == null || c.payoutMinor() >= 0, "payout", I18n.tr("validation.notNegative"));
        v.check(c.callTime() == null || !c.callTime().isAfter(b.getEndsAt()), "callTime",
                I18n.tr("assignment.callAfterEnd"));
        v.throwIfAny();
        int clashesBefore = ctx.clashes().size();
        String override = requireFree(ctx, p.getId(), window(b, b.getStartsAt(), b.getEndsAt()), true,
                c.overrideReason());
        long fee = c.payoutMinor() != null ? c.payoutMinor() : Assignments.defaultFee(p, b.getCurrency());
        id = Assignments.insert(ctx, id, b.getId(), p, b.getStartsAt(), b.getEndsAt(), b.getCurrency(), role, fee,
                c.callTime(), override);
        if (ctx.clashes().size() > clashesBefore) {
            tx.update(ASSIGNMENT).set(ASSIGNMENT.CLASHES_WITH, ctx.clashes().get(clashesBefore).otherId())
                    .where(ASSIGNMENT.ID.eq(id)).execute();
        }
        ctx.audit("assign", BookingService.ENTITY, b.getId(), null, BookingService.map("assignmentId", id,
                "performer", p.getStageName(), "role", role, "payoutMinor", fee));
        return id;
    }

    private UUID importAssignment(ImportAssignment c, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        Validator v = new Validator();
        BookingRecord b = c.bookingNumber() == null ? null : tx.selectFrom(BOOKING)
                .where(BOOKING.NUMBER.eq(c.bookingNumber().strip()), BOOKING.DELETED_AT.isNull()).fetchOne();
        v.check(b != null, "bookingNumber", I18n.tr("assignment.csv.noBooking", c.bookingNumber()));
        UUID performerId = PerformerRepository.byIdOrStageName(tx, c.performerId(),
                c.performer(), "performer", v);
        v.throwIfAny();
        var p = tx.selectFrom(PERFORMER).where(PERFORMER.ID.eq(performerId)).fetchSingle();
        ZoneId zone = ZoneId.of(b.getTimeZone());
        Instant call = c.callTime() == null ? null : c.callTime().atZone(zone).toInstant();
        AssignmentRecord existing = tx.selectFrom(ASSIGNMENT).where(ASSIGNMENT.ID.eq(c.id()), ASSIGNMENT.DELETED_AT.isNull())
                .fetchOne();
        UUID id;
        if (existing == null && BookingStatus.valueOf(b.getStatus()).isClosed()) {
            id = history(c.id(), b, p, c.role(), c.payoutMinor(), call, ctx);
            existing = load(ctx, id);
        } else if (existing == null) {
            try {
                id = assign(c.id(), new AssignPerformer(b.getId(), p.getId(), c.role(), c.payoutMinor(), call,
                        c.overrideReason()), ctx);
            } catch (UserFacingException e) {
                if (e instanceof ValidationException) {
                    throw e;
                }
                // name this row's booking too: the message names the other one
                throw new UserFacingException(b.getNumber() + " (" + b.getTitle() + "): " + e.getMessage());
            }
            existing = load(ctx, id);
        } else {
            v.check(existing.getBookingId().equals(b.getId()) && existing.getPerformerId().equals(p.getId()), "id",
                    I18n.tr("assignment.csv.otherRow", c.id()));
            v.throwIfAny();
            id = existing.getId();
        }
        int commission = c.commissionBp() != null ? c.commissionBp() : existing.getCommissionBp();
        int withholding = c.withholdingBp() != null ? c.withholdingBp() : existing.getWithholdingBp();
        String role = Validator.clean(c.role()) != null ? c.role() : existing.getRole();
        long payout = c.payoutMinor() != null ? c.payoutMinor() : existing.getPayoutMinor();
        Instant callTime = call != null ? call : existing.getCallTime();
        if (commission != existing.getCommissionBp() || withholding != existing.getWithholdingBp()
                || !role.equals(existing.getRole()) || payout != existing.getPayoutMinor()
                || !Objects.equals(callTime, existing.getCallTime())) {
            update(new UpdateAssignment(id, existing.getVersion(), role, payout, callTime, commission, withholding), ctx);
        }
        if (c.payoutStatus() == PayoutStatus.PAID && !PayoutStatus.PAID.name().equals(existing.getPayoutStatus())) {
            ctx.actor().require(Permission.PAYOUTS_EDIT);
            markPaid(new MarkPayoutsPaid(List.of(id), c.paidOn(), c.paidMethod(), c.paidReference()), ctx);
        }
        if (ctx.auditEntries() == 0) {
            ctx.audit("import-unchanged", BookingService.ENTITY, b.getId(), null, BookingService.map("assignmentId",
                    id, "performer", p.getStageName()));
        }
        return id;
    }

    /**
     * An assignment of a booking that is over (completed or cancelled), imported as the record it was: no hold, no
     * conflict check (its gig is past or off, it books no one), the same validation and audit as a new one.
     */
    private UUID history(UUID id, BookingRecord b, PerformerRecord p,
                         String roleText, Long payoutMinor, Instant call, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        if (tx.fetchExists(ASSIGNMENT, ASSIGNMENT.BOOKING_ID.eq(b.getId()), ASSIGNMENT.PERFORMER_ID.eq(p.getId()),
                ASSIGNMENT.DELETED_AT.isNull())) {
            throw ValidationException.of("performer", I18n.tr("assignment.already",
                    p.getStageName(), b.getNumber()));
        }
        Validator v = new Validator();
        String role = Validator.clean(roleText) == null ? I18n.tr("assignment.defaultRole") : Validator.clean(roleText);
        v.maxLength("role", role, 120);
        v.check(payoutMinor == null || payoutMinor >= 0, "payout", I18n.tr("validation.notNegative"));
        v.check(call == null || !call.isAfter(b.getEndsAt()), "callTime", I18n.tr("assignment.callAfterEnd"));
        v.throwIfAny();
        long fee = payoutMinor != null ? payoutMinor : Assignments.defaultFee(p, b.getCurrency());
        id = Assignments.insert(ctx, id, b.getId(), p, b.getStartsAt(), b.getEndsAt(), b.getCurrency(), role, fee,
                call, null);
        ctx.audit("import-history", BookingService.ENTITY, b.getId(), null, BookingService.map("assignmentId", id,
                "performer", p.getStageName(), "role", role, "payoutMinor", fee, "bookingStatus", b.getStatus()));
        return id;
    }

    private AssignmentRecord load(CommandContext ctx, UUID id) {
        return ctx.dsl().selectFrom(ASSIGNMENT).where(ASSIGNMENT.ID.eq(id), ASSIGNMENT.DELETED_AT.isNull())
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.assignment"), id)));
    }

    private Void update(UpdateAssignment c, CommandContext ctx) {
        AssignmentRecord a = load(ctx, c.id());
        StaleEdit.check(ctx.dsl(), a.getVersion(), c.expectedVersion(), BookingService.ENTITY, a.getBookingId(),
                I18n.tr("entity.assignment"), BookingService.performerName(ctx.dsl(), a.getPerformerId()));
        Validator v = new Validator();
        v.required("role", Validator.clean(c.role()), 120);
        v.check(c.payoutMinor() >= 0, "payout", I18n.tr("validation.notNegative"));
        v.check(c.commissionBp() >= 0 && c.commissionBp() <= 10_000, "commission", I18n.tr("validation.percent"));
        v.check(c.withholdingBp() >= 0 && c.withholdingBp() <= 10_000, "withholding", I18n.tr("validation.percent"));
        v.check(c.callTime() == null || !c.callTime().isAfter(a.getEndsAt()), "callTime",
                I18n.tr("assignment.callAfterEnd"));
        v.check(!PayoutStatus.PAID.name().equals(a.getPayoutStatus()) || c.payoutMinor() == a.getPayoutMinor(), "payout",
                I18n.tr("assignment.paidAmountFixed"));
        v.throwIfAny();
        var before = BookingService.map("role", a.getRole(), "payoutMinor", a.getPayoutMinor(), "callTime",
                a.getCallTime(), "commissionBp", a.getCommissionBp(), "withholdingBp", a.getWithholdingBp());
        a.setRole(Validator.clean(c.role()));
        a.setPayoutMinor(c.payoutMinor());
        a.setCallTime(c.callTime());
        a.setCommissionBp(c.commissionBp());
        a.setWithholdingBp(c.withholdingBp());
        a.setUpdatedAt(ctx.now());
        a.setVersion(a.getVersion() + 1);
        a.update();
        ctx.audit("update-assignment", BookingService.ENTITY, a.getBookingId(), before, BookingService.map("role",
                a.getRole(), "payoutMinor", a.getPayoutMinor(), "callTime", a.getCallTime(), "commissionBp",
                a.getCommissionBp(), "withholdingBp", a.getWithholdingBp()));
        return null;
    }

    private Void remove(RemoveAssignment c, CommandContext ctx) {
        AssignmentRecord a = load(ctx, c.id());
        if (PayoutStatus.PAID.name().equals(a.getPayoutStatus())) {
            throw new UserFacingException(I18n.tr("assignment.paidCannotRemove",
                    BookingService.performerName(ctx.dsl(), a.getPerformerId())));
        }
        a.setDeletedAt(ctx.now());
        a.setUpdatedAt(ctx.now());
        a.setVersion(a.getVersion() + 1);
        a.update();
        ctx.audit("unassign", BookingService.ENTITY, a.getBookingId(), BookingService.map("assignmentId", a.getId(),
                "performer", BookingService.performerName(ctx.dsl(), a.getPerformerId())), null);
        return null;
    }

    private Integer markPaid(MarkPayoutsPaid c, CommandContext ctx) {
        Validator v = new Validator();
        v.check(c.ids() != null && !c.ids().isEmpty(), "payouts", I18n.tr("payout.noneChosen"));
        v.check(c.paidOn() != null, "paidOn", I18n.tr("validation.required"));
        // "today" where the agency is
        v.check(c.paidOn() == null || !c.paidOn().isAfter(AgencyFacts.today(ctx.dsl(), ctx.now())),
                "paidOn", I18n.tr("payout.paidInFuture"));
        v.check(c.method() != null && List.of(PAYOUT_METHODS.split(";")).contains(c.method()), "method",
                I18n.tr("payout.unknownMethod", String.join(", ", PAYOUT_METHODS.split(";"))));
        v.maxLength("reference", c.reference(), 120);
        v.throwIfAny();
        int n = 0;
        for (UUID id : new LinkedHashSet<>(c.ids())) {
            AssignmentRecord a = load(ctx, id);
            if (PayoutStatus.PAID.name().equals(a.getPayoutStatus())) {
                throw new UserFacingException(I18n.tr("payout.alreadyPaid",
                        BookingService.performerName(ctx.dsl(), a.getPerformerId()), a.getPaidOn()));
            }
            a.setPayoutStatus(PayoutStatus.PAID.name());
            a.setPaidOn(c.paidOn());
            a.setPaidMethod(c.method());
            a.setPaidReference(Validator.clean(c.reference()));
            a.setUpdatedAt(ctx.now());
            a.setVersion(a.getVersion() + 1);
            a.update();
            ctx.audit("payout-paid", BookingService.ENTITY, a.getBookingId(), BookingService.map("assignmentId",
                    a.getId(), "payoutStatus", PayoutStatus.UNPAID), BookingService.map("assignmentId", a.getId(),
                    "payoutStatus", PayoutStatus.PAID, "paidOn", c.paidOn(), "method", c.method(),
                            "reference", Validator.clean(c.reference()), "payoutMinor", a.getPayoutMinor()));
            n++;
        }
        return n;
    }
}
