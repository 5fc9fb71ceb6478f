package dev.stagedesk.booking;

import dev.stagedesk.common.HoldStatus;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.command.StaleEdit;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.BOOKING_SERIES;
import static dev.stagedesk.db.jooq.Tables.BOOKING_SCHEDULE_CHANGE;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.Codes;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.SearchText;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.payment.PaymentState;
import dev.stagedesk.payment.PaymentTerms;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.tables.records.BookingRecord;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.Rounding;
import dev.stagedesk.numbering.Numbering;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Bookings and their holds: create (as a hold on performers, or confirmed), confirm, complete, cancel,
 * reschedule; hold release, challenge and the processing of expiries and challenge deadlines.
 *
 * <p>Status: HOLD -> CONFIRMED -> COMPLETED, and HOLD or CONFIRMED -> CANCELLED. Holds on the same performer
 * whose bookings overlap are ranked by when they were placed (see {@link HoldRanking}); a booking can only be
 * confirmed when each of its holds is first.
 */
public final class BookingService {
    public static final String ENTITY = "booking";
    public static final String SERIES = "BOOKING";

    /** Create a booking; {@code status} HOLD (with holds on {@code performers}) or CONFIRMED. */
    public record CreateBooking(BookingDraft draft, BookingStatus status, List<UUID> performers) implements Command<Booking> {
    }

    public record ConfirmBooking(UUID id, int expectedVersion) implements Command<Booking> {
    }

    public record CompleteBooking(UUID id, int expectedVersion) implements Command<Booking> {
    }

    public record CancelBooking(UUID id, int expectedVersion, String reason, Long feeMinor) implements Command<Booking> {
    }

    public record RescheduleBooking(UUID id, int expectedVersion, Instant startsAt, Instant endsAt, String reason)
            implements Command<Booking> {
    }

    /** Changes what a booking says (title, fee, tax, contact on the day, notes) while it is a hold or confirmed. */
    public record UpdateBookingDetails(UUID id, int expectedVersion, String title, long feeMinor, int taxRateBp,
                                       String contactOnDay, String notes) implements Command<Booking> {
    }

    /**
     * Sets (both numbers) or clears (both null) the booking's radius clause: no other show of its performers within
     * {@code km} km within {@code days} days. Refused, naming the gig, when a performer already breaks it.
     */
    public record SetRadiusClause(UUID id, int expectedVersion, Integer km, Integer days) implements Command<Booking> {
    }

    /** A residency: one booking per date of {@code rule}, from {@code first}'s date, all linked to one series. */
    public record CreateSeries(BookingDraft first, BookingStatus status, List<UUID> performers, SeriesRule rule)
            implements Command<List<Booking>> {
    }

    /**
     * Changes every booking of a series that is still open (hold or confirmed, not yet started): the fields
     * given (null keeps each booking's own), and with {@code startTime}/{@code durationMinutes} their times.
     */
    public record UpdateSeries(UUID seriesId, String title, Long feeMinor, Integer taxRateBp, String contactOnDay,
                               String notes, LocalTime startTime, Integer durationMinutes)
            implements Command<List<Booking>> {
    }

    /** Cancels every booking of a series that is still open. */
    public record CancelSeries(UUID seriesId, String reason) implements Command<List<Booking>> {
    }

    /**
     * CSV import: creates the booking with this id in {@code status} (a new number), or brings an existing one to
     * the row: its details, its window (a reschedule) and its status (confirm, complete, cancel).
     */
    public record ImportBooking(UUID id, String number, BookingDraft draft, BookingStatus status, String cancellationReason)
            implements Command<Booking> {
    }

    public record ReleaseHold(UUID holdId) implements Command<Void> {
    }

    /** The owner of a lower hold is ready to confirm: the first hold ahead of it gets a decision deadline. */
    public record ChallengeHold(UUID holdId) implements Command<Void> {
    }

    /** Expires holds past their expiry and lapses challenged holds past their deadline; returns how many. */
    public record ProcessDueHolds() implements Command<Integer>, LocalCommand {
    }

    private final CommandBus bus;
    private final DSLContext dsl;

    public BookingService(CommandBus bus, DSLContext dsl) {
        this.bus = bus;
        this.dsl = dsl;
        bus.register(CreateBooking.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::create));
        bus.register(ConfirmBooking.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::confirm));
        bus.register(CompleteBooking.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::complete));
        bus.register(CancelBooking.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::cancel));
        bus.register(RescheduleBooking.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::reschedule));
        bus.register(UpdateBookingDetails.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::updateDetails));
        bus.register(SetRadiusClause.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::setRadius));
        bus.register(CreateSeries.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::createSeries));
        bus.register(UpdateSeries.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::updateSeries));
        bus.register(CancelSeries.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::cancelSeries));
        bus.register(ImportBooking.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::importBooking));
        bus.register(ReleaseHold.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::release));
        bus.register(ChallengeHold.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::challenge));
        bus.register(ProcessDueHolds.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::processDue));
    }

    public Booking setRadius(Actor actor, UUID id, int expectedVersion, Integer km, Integer days) {
        return bus.execute(actor, new SetRadiusClause(id, expectedVersion, km, days));
    }

    public Booking create(Actor actor, BookingDraft draft, BookingStatus status, List<UUID> performers) {
        return bus.execute(actor, new CreateBooking(draft, status, performers));
    }

    public Booking find(UUID id) {
        return dsl.selectFrom(BOOKING).where(BOOKING.ID.eq(id), BOOKING.DELETED_AT.isNull()).fetchOptional()
                .map(Booking::of).orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.booking"), id)));
    }

    public List<HoldView> holds(UUID bookingId) {
        return dsl.select(HOLD.ID, HOLD.PERFORMER_ID, PERFORMER.STAGE_NAME, HOLD.HOLD_RANK, HOLD.STATUS, HOLD.EXPIRES_AT,
                        HOLD.DECISION_DEADLINE)
                .from(HOLD).leftJoin(PERFORMER).on(PERFORMER.ID.eq(HOLD.PERFORMER_ID))
                .where(HOLD.BOOKING_ID.eq(bookingId), HOLD.DELETED_AT.isNull()).orderBy(HOLD.CREATED_AT, HOLD.ID)
                .fetch(r -> new HoldView(r.value1(), r.value2(), r.value3(), r.value4(), HoldStatus.valueOf(r.value5()), r.value6(),
                        r.value7()));
    }

    /** Runs {@link ProcessDueHolds} when something is due (start-up and the console's timer); 0 otherwise. */
    public int processDueHolds(Actor actor, Instant now) {
        return HoldRanking.anyDue(dsl, now) ? bus.execute(actor, new ProcessDueHolds()) : 0;
    }

    // ------------------------------------------------------------------------------------------ create

    static BookingDraft normalize(BookingDraft d) {
        return new BookingDraft(Validator.clean(d.title()), d.clientId(), d.venueId(), d.packageId(), d.startsAt(),
                d.endsAt(), Validator.clean(d.timeZone()), d.currency() == null ? null : d.currency().strip().toUpperCase(),
                d.feeMinor(), d.taxRateBp(), d.slotsNeeded(), Validator.clean(d.contactOnDay()), Validator.clean(d.notes()));
    }

    static void validate(DSLContext tx, BookingDraft d) {
        Validator v = new Validator();
        v.check(d.clientId() != null && tx.fetchExists(CLIENT, CLIENT.ID.eq(d.clientId()), CLIENT.DELETED_AT.isNull()),
                "client", I18n.tr(d.clientId() == null ? "validation.required" : "booking.clientUnknown"));
        v.check(d.venueId() == null || tx.fetchExists(VENUE, VENUE.ID.eq(d.venueId()), VENUE.DELETED_AT.isNull()),
                "venue", I18n.tr("booking.venueUnknown"));
        v.check(d.packageId() == null || tx.fetchExists(SERVICE_PACKAGE, SERVICE_PACKAGE.ID.eq(d.packageId()),
                SERVICE_PACKAGE.DELETED_AT.isNull()), "package", I18n.tr("booking.packageUnknown"));
        shape(d, v);
        v.throwIfAny();
    }

    /** What can be checked without the store (a CSV row is checked with this before any row is written). */
    static void shape(BookingDraft d, Validator v) {
        v.required("title", d.title(), 200);
        window(v, d.startsAt(), d.endsAt());
        v.timeZone("timeZone", d.timeZone());
        v.check(Currencies.find(d.currency()) != null, "currency", I18n.tr("money.currency.unknown", d.currency()));
        v.check(d.feeMinor() >= 0, "fee", I18n.tr("validation.notNegative"));
        v.check(d.taxRateBp() >= 0 && d.taxRateBp() <= 10_000, "taxRate", I18n.tr("validation.percent"));
        v.check(d.slotsNeeded() >= 1 && d.slotsNeeded() <= 100, "slotsNeeded", I18n.tr("validation.between", 1, 100));
        v.maxLength("contactOnDay", d.contactOnDay(), 200).maxLength("notes", d.notes(), 4000);
    }

    /** A booking's window: both ends given, the end after the start, at most {@link BookingQuery#MAX_LENGTH}. */
    private static void window(Validator v, Instant start, Instant end) {
        v.check(start != null, "startsAt", I18n.tr("validation.required"));
        v.check(end != null, "endsAt", I18n.tr("validation.required"));
        if (start != null && end != null) {
            v.check(end.isAfter(start), "endsAt", I18n.tr("booking.endBeforeStart"));
            v.check(!end.isAfter(start.plus(BookingQuery.MAX_LENGTH)), "endsAt",
                    I18n.tr("booking.tooLong", BookingQuery.MAX_LENGTH.toDays()));
        }
    }

    private Booking create(CreateBooking c, CommandContext ctx) {
        return createFor(ctx, c.draft(), c.status(), c.performers(), null);
    }

    /**
     * Creates a booking inside a running command (its own, or an inquiry's conversion): one transaction, one
     * numbering, the same checks and audit entry either way.
     */
    public static Booking createFor(CommandContext ctx, BookingDraft draft, BookingStatus status, List<UUID> performerIds,
                                    UUID inquiryId) {
        return create(ctx, ctx.newId(), draft, status, performerIds, inquiryId);
    }

    private static Booking create(CommandContext ctx, UUID id, BookingDraft draft, BookingStatus status,
                                  List<UUID> performerIds, UUID inquiryId) {
        DSLContext tx = ctx.dsl();
        BookingDraft d = normalize(draft);
        validate(tx, d);
        if (status == null || !status.isOpen()) {
            throw new UserFacingException(I18n.tr("booking.createStatus"));
        }
        Set<UUID> performers = new LinkedHashSet<>(performerIds == null ? List.of() : performerIds);
        for (UUID p : performers) {
            if (!tx.fetchExists(PERFORMER, PERFORMER.ID.eq(p), PERFORMER.DELETED_AT.isNull())) {
                throw ValidationException.of("performers", I18n.tr("booking.performerUnknown"));
            }
        }
        if (status == BookingStatus.HOLD && d.startsAt().isBefore(ctx.now())) {
            throw ValidationException.of("startsAt", I18n.tr("booking.holdInPast"));
        }
        BookingRecord r = tx.newRecord(BOOKING);
        r.setId(id);
        r.setNumber(nextNumber(ctx));
        r.setStatus(status.name());
        r.setPaidMinor(0L);
        r.setInquiryId(inquiryId);
        apply(r, d);
        r.setSearchText(searchText(tx, r));
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        PaymentService.defaultTerms(tx, r);
        PaymentTerms.applyTo(r);
        r.store();
        index(tx, r);
        if (status == BookingStatus.HOLD) {
            Instant expires = ctx.now().plus(holdExpiryDays(tx), ChronoUnit.DAYS);
            List<UUID> targets = performers.isEmpty() ? Collections.singletonList(null) : List.copyOf(performers);
            for (UUID p : targets) {
                UUID holdId = ctx.newId();
                tx.insertInto(HOLD).set(HOLD.ID, holdId).set(HOLD.BOOKING_ID, id).set(HOLD.PERFORMER_ID, p)
                        .set(HOLD.HOLD_RANK, 1).set(HOLD.STATUS, HoldStatus.ACTIVE.name()).set(HOLD.EXPIRES_AT, expires)
                        .set(HOLD.OWNER_USER_ID, ctx.actor().userId()).set(HOLD.CREATED_AT, ctx.now())
                        .set(HOLD.UPDATED_AT, ctx.now()).set(HOLD.VERSION, 0).execute();
                if (p != null) {
                    HoldRanking.rerank(ctx, p, holdId);
                }
            }
        } else {
            for (UUID p : performers) {
                AssignmentService.requireFree(ctx, p, AssignmentService.window(r, d.startsAt(), d.endsAt()), true, null);
                Assignments.assign(ctx, id, p, d.startsAt(), d.endsAt(), d.currency());
            }
        }
        Booking created = Booking.of(r);
        Map<String, Object> after = created.auditFields();
        after.put("performers", performers);
        ctx.audit("create", ENTITY, id, null, after);
        return created;
    }

    private static String nextNumber(CommandContext ctx) {
        var agency = ctx.dsl().select(AGENCY.BOOKING_PATTERN, AGENCY.TIME_ZONE).from(AGENCY).limit(1).fetchOne();
        if (agency == null) {
            throw new UserFacingException(I18n.tr("agency.notSetUp"));
        }
        int year = ctx.now().atZone(ZoneId.of(agency.value2())).getYear();
        while (true) {
            String number = Numbering.assign(ctx.dsl(), SERIES, agency.value1(), year);
            // an imported booking may have kept its number from another system: never hand it out twice
            if (!ctx.dsl().fetchExists(BOOKING, BOOKING.NUMBER.eq(number))) {
                return number;
            }
        }
    }

    private static int holdExpiryDays(DSLContext tx) {
        Integer days = tx.select(AGENCY.HOLD_EXPIRY_DAYS).from(AGENCY).limit(1).fetchOne(AGENCY.HOLD_EXPIRY_DAYS);
        return days == null ? 14 : days;
    }

    static void apply(BookingRecord r, BookingDraft d) {
        r.setTitle(d.title());
        r.setClientId(d.clientId());
        r.setVenueId(d.venueId());
        r.setPackageId(d.packageId());
        r.setStartsAt(d.startsAt());
        r.setEndsAt(d.endsAt());
        r.setTimeZone(d.timeZone());
        r.setCurrency(d.currency());
        r.setFeeMinor(d.feeMinor());
        r.setTaxRateBp(d.taxRateBp());
        r.setTotalMinor(Math.addExact(d.feeMinor(), Rounding.applyBasisPoints(d.feeMinor(),
                d.taxRateBp())));
        r.setPaymentState(paymentState(r.getTotalMinor(), r.getPaidMinor() == null ? 0 : r.getPaidMinor()).name());
        r.setSlotsNeeded(d.slotsNeeded());
        r.setContactOnDay(d.contactOnDay());
        r.setNotes(d.notes());
    }

    /** UNPAID, PARTLY_PAID or PAID: what has been paid against what the booking costs the client. */
    public static PaymentState paymentState(long totalMinor, long paidMinor) {
        return PaymentState.of(totalMinor, paidMinor);
    }

    /** What search finds a booking by: its title, the client, the venue and its city (the number has its own index). */
    static String[] searchFields(String title, String client, String venue, String city) {
        return new String[] {title, client, venue, city};
    }

    public static SearchIndex.Kind<?> searchKind() {
        return new SearchIndex.Kind<>(ENTITY, BOOKING, dsl -> dsl.select(BOOKING.ID, BOOKING.TITLE, CLIENT.NAME,
                VENUE.NAME, VENUE.CITY).from(BOOKING).join(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID))
                .leftJoin(VENUE).on(VENUE.ID.eq(BOOKING.VENUE_ID)),
                r -> searchFields(r.value2(), r.value3(), r.value4(), r.value5()));
    }

    static void index(DSLContext tx, BookingRecord r) {
        var venue = r.getVenueId() == null ? null
                : tx.select(VENUE.NAME, VENUE.CITY).from(VENUE).where(VENUE.ID.eq(r.getVenueId())).fetchOne();
        String client = tx.select(CLIENT.NAME).from(CLIENT).where(CLIENT.ID.eq(r.getClientId())).fetchOne(CLIENT.NAME);
        SearchIndex.index(tx, ENTITY, r.getId(), searchFields(r.getTitle(), client,
                venue == null ? null : venue.value1(), venue == null ? null : venue.value2()));
    }

    static String searchText(DSLContext tx, BookingRecord r) {
        var venue = r.getVenueId() == null ? null
                : tx.select(VENUE.NAME, VENUE.CITY).from(VENUE).where(VENUE.ID.eq(r.getVenueId())).fetchOne();
        String client = tx.select(CLIENT.NAME).from(CLIENT).where(CLIENT.ID.eq(r.getClientId())).fetchOne(CLIENT.NAME);
        return SearchText.of(r.getNumber(), r.getTitle(), client, venue == null ? null : venue.value1(),
                venue == null ? null : venue.value2());
    }

    // ------------------------------------------------------------------------------------------ status

    private BookingRecord load(CommandContext ctx, UUID id, int expectedVersion) {
        BookingRecord r = ctx.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(id), BOOKING.DELETED_AT.isNull())
                .forUpdate().fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.booking"), id)));
        StaleEdit.check(ctx.dsl(), r.getVersion(), expectedVersion, ENTITY, id, I18n.tr("entity.booking"),
                r.getNumber());
        return r;
    }

    private static void requireStatus(BookingRecord r, String action, BookingStatus... allowed) {
        BookingStatus status = BookingStatus.valueOf(r.getStatus());
        if (!List.of(allowed).contains(status)) {
            throw new UserFacingException(I18n.tr("booking.illegalTransition", r.getNumber(),
                    Display.inSentence(status), I18n.tr("booking.action." + action)));
        }
    }

    private Booking confirm(ConfirmBooking c, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        BookingRecord r = load(ctx, c.id(), c.expectedVersion());
        requireStatus(r, "confirm", BookingStatus.HOLD);
        Booking before = Booking.of(r);
        var holds = tx.selectFrom(HOLD).where(HOLD.BOOKING_ID.eq(r.getId()), HOLD.STATUS.eq(HoldStatus.ACTIVE.name()),
                HOLD.DELETED_AT.isNull()).fetch();
        for (var h : holds) {
            if (h.getPerformerId() != null && h.getHoldRank() > 1) {
                throw new UserFacingException(I18n.tr("booking.notFirstHold", r.getNumber(), h.getHoldRank(),
                        performerName(tx, h.getPerformerId()), HoldRanking.aheadOf(tx, h)));
            }
        }
        for (var h : holds) {
            if (h.getPerformerId() != null) {
                // the holds behind this one are the ranking's business (released below), not a conflict
                AssignmentService.requireFree(ctx, h.getPerformerId(), AssignmentService.window(r, r.getStartsAt(),
                        r.getEndsAt()), false, null);
            }
        }
        for (var h : holds) {
            HoldRanking.setStatus(ctx, h, HoldStatus.CONFIRMED);
            if (h.getPerformerId() != null) {
                Assignments.assign(ctx, r.getId(), h.getPerformerId(), r.getStartsAt(), r.getEndsAt(), r.getCurrency());
                HoldRanking.releaseBehind(ctx, h.getPerformerId(), r);
            }
        }
        r.setStatus(BookingStatus.CONFIRMED.name());
        return save(ctx, r, before, "confirm");
    }

    private Booking complete(CompleteBooking c, CommandContext ctx) {
        BookingRecord r = load(ctx, c.id(), c.expectedVersion());
        requireStatus(r, "complete", BookingStatus.CONFIRMED);
        if (r.getEndsAt().isAfter(ctx.now())) {
            throw new UserFacingException(I18n.tr("booking.notOverYet", r.getNumber()));
        }
        Booking before = Booking.of(r);
        r.setStatus(BookingStatus.COMPLETED.name());
        return save(ctx, r, before, "complete");
    }

    private Booking cancel(CancelBooking c, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        BookingRecord r = load(ctx, c.id(), c.expectedVersion());
        requireStatus(r, "cancel", BookingStatus.HOLD, BookingStatus.CONFIRMED);
        Validator v = new Validator();
        v.required("reason", Validator.clean(c.reason()), 500);
        v.check(c.feeMinor() == null || c.feeMinor() >= 0, "cancellationFee", I18n.tr("validation.notNegative"));
        v.throwIfAny();
        Booking before = Booking.of(r);
        Set<UUID> performers = new LinkedHashSet<>();
        for (var h : tx.selectFrom(HOLD).where(HOLD.BOOKING_ID.eq(r.getId()), HOLD.STATUS.eq(HoldStatus.ACTIVE.name())).fetch()) {
            HoldRanking.setStatus(ctx, h, HoldStatus.CANCELLED);
            if (h.getPerformerId() != null) {
                performers.add(h.getPerformerId());
            }
        }
        performers.forEach(p -> HoldRanking.rerank(ctx, p));
        r.setStatus(BookingStatus.CANCELLED.name());
        r.setCancellationReason(Validator.clean(c.reason()));
        r.setCancellationFeeMinor(c.feeMinor());
        return save(ctx, r, before, "cancel");
    }

    private Booking reschedule(RescheduleBooking c, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        BookingRecord r = load(ctx, c.id(), c.expectedVersion());
        requireStatus(r, "reschedule", BookingStatus.HOLD, BookingStatus.CONFIRMED);
        Validator v = new Validator();
        window(v, c.startsAt(), c.endsAt());
        v.maxLength("reason", c.reason(), 500);
        v.throwIfAny();
        if (BookingStatus.HOLD.name().equals(r.getStatus()) && c.startsAt().isBefore(ctx.now())) {
            throw ValidationException.of("startsAt", I18n.tr("booking.holdInPast"));
        }
        Booking before = Booking.of(r);
        var assigned = tx.select(ASSIGNMENT.PERFORMER_ID).from(ASSIGNMENT)
                .where(ASSIGNMENT.BOOKING_ID.eq(r.getId()), ASSIGNMENT.DELETED_AT.isNull()).fetch(ASSIGNMENT.PERFORMER_ID);
        for (UUID p : assigned) {
            AssignmentService.requireFree(ctx, p, AssignmentService.window(r, c.startsAt(), c.endsAt()), true, null);
        }
        tx.insertInto(BOOKING_SCHEDULE_CHANGE).set(BOOKING_SCHEDULE_CHANGE.ID, ctx.newId())
                .set(BOOKING_SCHEDULE_CHANGE.BOOKING_ID, r.getId())
                .set(BOOKING_SCHEDULE_CHANGE.OLD_STARTS_AT, r.getStartsAt()).set(BOOKING_SCHEDULE_CHANGE.OLD_ENDS_AT, r.getEndsAt())
                .set(BOOKING_SCHEDULE_CHANGE.NEW_STARTS_AT, c.startsAt()).set(BOOKING_SCHEDULE_CHANGE.NEW_ENDS_AT, c.endsAt())
                .set(BOOKING_SCHEDULE_CHANGE.REASON, Validator.clean(c.reason()))
                .set(BOOKING_SCHEDULE_CHANGE.CREATED_AT, ctx.now()).set(BOOKING_SCHEDULE_CHANGE.UPDATED_AT, ctx.now())
                .set(BOOKING_SCHEDULE_CHANGE.VERSION, 0).execute();
        tx.update(ASSIGNMENT).set(ASSIGNMENT.STARTS_AT, c.startsAt()).set(ASSIGNMENT.ENDS_AT, c.endsAt())
                .set(ASSIGNMENT.UPDATED_AT, ctx.now()).set(ASSIGNMENT.VERSION, ASSIGNMENT.VERSION.plus(1))
                .where(ASSIGNMENT.BOOKING_ID.eq(r.getId()), ASSIGNMENT.DELETED_AT.isNull()).execute();
        r.setStartsAt(c.startsAt());
        r.setEndsAt(c.endsAt());
        Booking saved = save(ctx, r, before, "reschedule");
        // the new window may overlap other holds, or no longer overlap old ones: rank again
        tx.selectDistinct(HOLD.PERFORMER_ID).from(HOLD).where(HOLD.BOOKING_ID.eq(r.getId()), HOLD.STATUS.eq(HoldStatus.ACTIVE.name()),
                HOLD.PERFORMER_ID.isNotNull()).fetch(HOLD.PERFORMER_ID).forEach(p -> HoldRanking.rerank(ctx, p));
        return saved;
    }

    private Booking updateDetails(UpdateBookingDetails c, CommandContext ctx) {
        BookingRecord r = load(ctx, c.id(), c.expectedVersion());
        requireStatus(r, "edit", BookingStatus.HOLD, BookingStatus.CONFIRMED);
        Validator v = new Validator();
        v.required("title", c.title(), 200);
        v.check(c.feeMinor() >= 0, "fee", I18n.tr("validation.notNegative"));
        v.check(c.taxRateBp() >= 0 && c.taxRateBp() <= 10_000, "taxRate", I18n.tr("validation.percent"));
        v.maxLength("contactOnDay", c.contactOnDay(), 200);
        v.maxLength("notes", c.notes(), 4000);
        v.throwIfAny();
        Booking before = Booking.of(r);
        r.setTitle(Validator.clean(c.title()));
        r.setFeeMinor(c.feeMinor());
        r.setTaxRateBp(c.taxRateBp());
        r.setTotalMinor(Math.addExact(c.feeMinor(), Rounding.applyBasisPoints(c.feeMinor(),
                c.taxRateBp())));
        r.setPaymentState(paymentState(r.getTotalMinor(), r.getPaidMinor()).name());
        r.setContactOnDay(Validator.clean(c.contactOnDay()));
        r.setNotes(Validator.clean(c.notes()));
        r.setSearchText(searchText(ctx.dsl(), r));
        Booking saved = save(ctx, r, before, "update");
        index(ctx.dsl(), r);
        return saved;
    }

    private Booking setRadius(SetRadiusClause c, CommandContext ctx) {
        BookingRecord r = load(ctx, c.id(), c.expectedVersion());
        requireStatus(r, "edit", BookingStatus.HOLD, BookingStatus.CONFIRMED);
        Validator v = new Validator();
        v.check((c.km() == null) == (c.days() == null), c.km() == null ? "radiusKm" : "radiusDays",
                I18n.tr("radius.bothOrNeither"));
        v.check(c.km() == null || (c.km() >= 1 && c.km() <= ConflictCheck.RadiusClause.MAX_KM), "radiusKm",
                I18n.tr("validation.between", 1, ConflictCheck.RadiusClause.MAX_KM));
        v.check(c.days() == null || (c.days() >= 0 && c.days() <= ConflictCheck.RadiusClause.MAX_DAYS), "radiusDays",
                I18n.tr("validation.between", 0, ConflictCheck.RadiusClause.MAX_DAYS));
        v.throwIfAny();
        Booking before = Booking.of(r);
        r.setRadiusKm(c.km());
        r.setRadiusDays(c.days());
        r.store(); // the check below reads the clause from the store
        if (c.km() != null) {
            var w = AssignmentService.window(r, r.getStartsAt(), r.getEndsAt());
            List<UUID> playing = ctx.dsl().select(ASSIGNMENT.PERFORMER_ID).from(ASSIGNMENT)
                    .where(ASSIGNMENT.BOOKING_ID.eq(r.getId()), ASSIGNMENT.DELETED_AT.isNull()).fetch(ASSIGNMENT.PERFORMER_ID);
            List<ConflictCheck.Conflict> broken = playing.isEmpty() ? List.of()
                    : ConflictCheck.find(ctx.dsl(), playing, w, false).values().stream().flatMap(List::stream)
                            .filter(x -> x.kind() == ConflictCheck.Kind.RADIUS).toList();
            if (!broken.isEmpty()) {
                throw ValidationException.of("radiusKm",
                        I18n.tr("radius.alreadyBroken", ConflictCheck.describe(broken)));
            }
        }
        return save(ctx, r, before, "update");
    }

    // ------------------------------------------------------------------------------------------ import

    private Booking importBooking(ImportBooking c, CommandContext ctx) {
        if (c.status() == null) {
            throw ValidationException.of("status", I18n.tr("validation.oneOf", "",
                    String.join(", ", Codes.all(BookingStatus.class))));
        }
        var existing = ctx.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(c.id())).forUpdate().fetchOptional();
        if (existing.isEmpty()) {
            String number = Validator.clean(c.number());
            if (number != null && (number.length() > 32 || ctx.dsl().fetchExists(BOOKING, BOOKING.NUMBER.eq(number)))) {
                throw ValidationException.of("number", I18n.tr("booking.numberTaken", number));
            }
            Booking b = create(ctx, c.id(), c.draft(), c.status() == BookingStatus.HOLD ? BookingStatus.HOLD : BookingStatus.CONFIRMED,
                    List.of(), null);
            if (number != null) {
                ctx.dsl().update(BOOKING).set(BOOKING.NUMBER, number).where(BOOKING.ID.eq(b.id())).execute();
                b = Booking.of(ctx.dsl().fetchSingle(BOOKING, BOOKING.ID.eq(b.id())));
            }
            return toStatus(ctx, b, c.status(), c.cancellationReason());
        }
        Booking b = Booking.of(existing.get());
        BookingDraft d = normalize(c.draft());
        boolean open = b.status().isOpen();
        boolean moved = !d.startsAt().equals(b.startsAt()) || !d.endsAt().equals(b.endsAt());
        boolean edited = !Objects.equals(d.title(), b.title()) || d.feeMinor() != b.feeMinor()
                || d.taxRateBp() != b.taxRateBp() || !Objects.equals(d.contactOnDay(), b.contactOnDay())
                || !Objects.equals(d.notes(), b.notes());
        if (!d.clientId().equals(b.clientId()) || !Objects.equals(d.venueId(), b.venueId())
                || !d.currency().equals(b.currency())) {
            throw new UserFacingException(I18n.tr("booking.importFixed", b.number()));
        }
        if ((moved || edited) && !open) {
            throw new UserFacingException(I18n.tr("booking.closed", b.number(), Display.inSentence(b.status())));
        }
        if (moved) {
            b = reschedule(new RescheduleBooking(b.id(), b.version(), d.startsAt(), d.endsAt(), I18n.tr("booking.imported")),
                    ctx);
        }
        if (edited) {
            b = updateDetails(new UpdateBookingDetails(b.id(), b.version(), d.title(), d.feeMinor(), d.taxRateBp(),
                    d.contactOnDay(), d.notes()), ctx);
        }
        if (c.status() != b.status()) {
            b = toStatus(ctx, b, c.status(), c.cancellationReason());
        } else if (!moved && !edited) {
            ctx.audit("import-unchanged", ENTITY, b.id(), null, map("number", b.number()));
        }
        return b;
    }

    private Booking toStatus(CommandContext ctx, Booking b, BookingStatus status, String reason) {
        return switch (status) {
            case HOLD -> {
                if (b.status() != BookingStatus.HOLD) {
                    throw new UserFacingException(I18n.tr("booking.importBackToHold", b.number()));
                }
                yield b;
            }
            case CONFIRMED -> b.status() == BookingStatus.CONFIRMED ? b
                    : confirm(new ConfirmBooking(b.id(), b.version()), ctx);
            case COMPLETED -> complete(new CompleteBooking(b.id(), b.version()), ctx);
            case CANCELLED -> cancel(new CancelBooking(b.id(), b.version(), reason, null), ctx);
        };
    }

    // ------------------------------------------------------------------------------------------ series

    private List<Booking> createSeries(CreateSeries c, CommandContext ctx) {
        BookingDraft d = normalize(c.first());
        Validator v = new Validator();
        window(v, d.startsAt(), d.endsAt());
        v.timeZone("timeZone", d.timeZone());
        SeriesRule rule = c.rule();
        v.check(rule != null && rule.until() != null, "until", I18n.tr("validation.required"));
        v.check(rule == null || rule.interval() >= 1 && rule.interval() <= 12, "interval", I18n.tr("series.interval"));
        v.throwIfAny();
        ZoneId zone = ZoneId.of(d.timeZone());
        ZonedDateTime start = d.startsAt().atZone(zone);
        Duration length = Duration.between(d.startsAt(), d.endsAt());
        List<LocalDate> dates = rule.dates(start.toLocalDate());
        if (dates.isEmpty()) {
            throw ValidationException.of("until", I18n.tr("series.none"));
        }
        if (dates.size() > SeriesRule.MAX_OCCURRENCES) {
            throw ValidationException.of("until", I18n.tr("series.tooMany",
                    SeriesRule.MAX_OCCURRENCES, dates.size() + "+"));
        }
        UUID seriesId = ctx.newId();
        String description = d.title() + " — " + rule.describe(start.toLocalDate());
        ctx.dsl().insertInto(BOOKING_SERIES).set(BOOKING_SERIES.ID, seriesId)
                .set(BOOKING_SERIES.DESCRIPTION, description.length() > 500 ? description.substring(0, 500) : description)
                .set(BOOKING_SERIES.RULE, rule.text()).set(BOOKING_SERIES.CREATED_AT, ctx.now())
                .set(BOOKING_SERIES.UPDATED_AT, ctx.now()).set(BOOKING_SERIES.VERSION, 0).execute();
        ctx.audit("create", "series", seriesId, null, map("description", description, "rule", rule.text(),
                "bookings", dates.size()));
        List<Booking> out = new ArrayList<>();
        for (LocalDate date : dates) {
            Instant s = date.atTime(start.toLocalTime()).atZone(zone).toInstant();
            BookingDraft one = new BookingDraft(d.title(), d.clientId(), d.venueId(), d.packageId(), s, s.plus(length),
                    d.timeZone(), d.currency(), d.feeMinor(), d.taxRateBp(), d.slotsNeeded(), d.contactOnDay(),
                    d.notes());
            Booking b = createFor(ctx, one, c.status(), c.performers(), null);
            ctx.dsl().update(BOOKING).set(BOOKING.SERIES_ID, seriesId).where(BOOKING.ID.eq(b.id())).execute();
            out.add(b);
        }
        return out;
    }

    /** The series' bookings that may still change: hold or confirmed, not yet started. */
    private static List<BookingRecord> openInSeries(CommandContext ctx, UUID seriesId) {
        if (!ctx.dsl().fetchExists(BOOKING_SERIES, BOOKING_SERIES.ID.eq(seriesId))) {
            throw new NotFoundException(I18n.tr("series.notFound"));
        }
        List<BookingRecord> open = ctx.dsl().selectFrom(BOOKING).where(BOOKING.SERIES_ID.eq(seriesId),
                        BOOKING.STATUS.in(Codes.of(BookingStatus.HOLD, BookingStatus.CONFIRMED)), BOOKING.STARTS_AT.gt(ctx.now()),
                        BOOKING.DELETED_AT.isNull())
                .orderBy(BOOKING.STARTS_AT).forUpdate().fetch();
        if (open.isEmpty()) {
            throw new UserFacingException(I18n.tr("series.nothingOpen"));
        }
        return open;
    }

    private List<Booking> updateSeries(UpdateSeries c, CommandContext ctx) {
        List<Booking> out = new ArrayList<>();
        for (BookingRecord r : openInSeries(ctx, c.seriesId())) {
            Booking b = Booking.of(r);
            if (c.startTime() != null || c.durationMinutes() != null) {
                ZoneId zone = ZoneId.of(b.timeZone());
                ZonedDateTime was = b.startsAt().atZone(zone);
                Instant s = c.startTime() == null ? b.startsAt()
                        : was.toLocalDate().atTime(c.startTime()).atZone(zone).toInstant();
                Instant e = c.durationMinutes() == null ? s.plus(Duration.between(b.startsAt(), b.endsAt()))
                        : s.plus(c.durationMinutes(), ChronoUnit.MINUTES);
                if (!s.equals(b.startsAt()) || !e.equals(b.endsAt())) {
                    b = reschedule(new RescheduleBooking(b.id(), b.version(), s, e, I18n.tr("series.changedTogether")),
                            ctx);
                }
            }
            b = updateDetails(new UpdateBookingDetails(b.id(), b.version(), c.title() != null ? c.title() : b.title(),
                    c.feeMinor() != null ? c.feeMinor() : b.feeMinor(), c.taxRateBp() != null ? c.taxRateBp()
                    : b.taxRateBp(), c.contactOnDay() != null ? c.contactOnDay() : b.contactOnDay(),
                    c.notes() != null ? c.notes() : b.notes()), ctx);
            out.add(b);
        }
        return out;
    }

    private List<Booking> cancelSeries(CancelSeries c, CommandContext ctx) {
        List<Booking> out = new ArrayList<>();
        for (BookingRecord r : openInSeries(ctx, c.seriesId())) {
            out.add(cancel(new CancelBooking(r.getId(), r.getVersion(), c.reason(), null), ctx));
        }
        return out;
    }

    private Booking save(CommandContext ctx, BookingRecord r, Booking before, String action) {
        PaymentTerms.applyTo(r);
        r.setUpdatedAt(ctx.now());
        r.setVersion(r.getVersion() + 1);
        r.update();
        Booking after = Booking.of(r);
        ctx.audit(action, ENTITY, r.getId(), before.auditFields(), after.auditFields());
        return after;
    }

    static String performerName(DSLContext tx, UUID performerId) {
        return tx.select(PERFORMER.STAGE_NAME).from(PERFORMER).where(PERFORMER.ID.eq(performerId))
                .fetchOne(PERFORMER.STAGE_NAME);
    }

    // ------------------------------------------------------------------------------------------ holds

    private Void release(ReleaseHold c, CommandContext ctx) {
        var h = HoldRanking.activeHold(ctx.dsl(), c.holdId());
        HoldRanking.end(ctx, h, HoldStatus.RELEASED, "release-hold");
        return null;
    }

    private Void challenge(ChallengeHold c, CommandContext ctx) {
        HoldRanking.challenge(ctx, HoldRanking.activeHold(ctx.dsl(), c.holdId()));
        return null;
    }

    private Integer processDue(ProcessDueHolds c, CommandContext ctx) {
        int n = HoldRanking.processDue(ctx);
        if (n == 0) {
            ctx.nothingChanged();
        }
        return n;
    }

    /** A booking's hold as its detail screen shows it. */
    public record HoldView(UUID id, UUID performerId, String performer, int rank, HoldStatus status, Instant expiresAt,
                           Instant decisionDeadline) {
    }

    static Map<String, Object> map(Object... kv) {
        return CommandContext.fields(kv);
    }
}
