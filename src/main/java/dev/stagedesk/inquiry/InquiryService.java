package dev.stagedesk.inquiry;

import dev.stagedesk.command.StaleEdit;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.INQUIRY;
import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;
import static dev.stagedesk.db.jooq.Tables.PREFERENCE;
import static dev.stagedesk.db.jooq.Tables.VENUE;
import static dev.stagedesk.inquiry.InquiryStatus.CANCELLED;
import static dev.stagedesk.inquiry.InquiryStatus.CONTACTED;
import static dev.stagedesk.inquiry.InquiryStatus.LOST;
import static dev.stagedesk.inquiry.InquiryStatus.NEW;
import static dev.stagedesk.inquiry.InquiryStatus.QUOTED;
import static dev.stagedesk.inquiry.InquiryStatus.WON;

import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.common.BookingStatus;
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
import dev.stagedesk.notification.NotificationKind;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.tables.records.InquiryRecord;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.notification.Notifications;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.AgencyFacts;
import dev.stagedesk.settings.LostReasons;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Inquiries: leads that get contacted, quoted, and won (converted to a booking), lost (with a reason from the
 * agency's list) or cancelled. Illegal transitions are refused with a message that names both states.
 */
public final class InquiryService implements LostReasons {
    public static final String ENTITY = "inquiry";
    public static final String LOST_REASONS_KEY = "inquiry.lostReasons";
    public static final List<String> DEFAULT_LOST_REASONS = List.of("Budget too low", "Date not available",
            "Chose another agency", "Event cancelled", "No reply");
    public static final Set<String> SOURCES = Set.of("WEB_FORM", "PHONE", "EMAIL", "REFERRAL", "REPEAT_CLIENT");

    /** Where each status may go by a plain status change (WON only through {@link ConvertInquiry}). */
    static final Map<InquiryStatus, Set<InquiryStatus>> TRANSITIONS = Map.of(
            NEW, EnumSet.of(CONTACTED, QUOTED, LOST, CANCELLED),
            CONTACTED, EnumSet.of(QUOTED, LOST, CANCELLED),
            QUOTED, EnumSet.of(CONTACTED, LOST, CANCELLED),
            WON, Set.of(), LOST, Set.of(), CANCELLED, Set.of());

    public record CreateInquiry(InquiryDraft draft) implements Command<Inquiry> {
    }

    public record UpdateInquiry(UUID id, int expectedVersion, InquiryDraft draft) implements Command<Inquiry> {
    }

    public record ChangeInquiryStatus(UUID id, int expectedVersion, InquiryStatus status, String lostReason)
            implements Command<Inquiry> {
    }

    /** Wins the inquiry: a booking (a hold on {@code performers}, or confirmed) from its data and {@code booking}. */
    public record ConvertInquiry(UUID id, int expectedVersion, BookingDraft booking, BookingStatus bookingStatus,
                                 List<UUID> performers) implements Command<Booking> {
    }

    /** CSV import: creates the inquiry with this id, or overwrites it, in the row's status (history from elsewhere). */
    public record ImportInquiry(UUID id, InquiryDraft draft, InquiryStatus status, String lostReason)
            implements Command<Inquiry> {
    }

    /** The agency's list of reasons for a lost inquiry (Settings), one per entry, in order. */
    public record SetLostReasons(List<String> reasons) implements Command<List<String>> {
    }

    /** Notifies owners of open inquiries whose follow-up date has come; returns how many were raised. */
    public record RaiseFollowUps() implements Command<Integer>, LocalCommand {
    }

    private final CommandBus bus;
    private final DSLContext dsl;

    public InquiryService(CommandBus bus, DSLContext dsl) {
        this.bus = bus;
        this.dsl = dsl;
        bus.register(CreateInquiry.class, CommandHandler.of(Permission.INQUIRIES_EDIT, this::create));
        bus.register(UpdateInquiry.class, CommandHandler.of(Permission.INQUIRIES_EDIT, this::update));
        bus.register(ChangeInquiryStatus.class, CommandHandler.of(Permission.INQUIRIES_EDIT, this::changeStatus));
        bus.register(ConvertInquiry.class, CommandHandler.of(Permission.INQUIRIES_EDIT, this::convert));
        bus.register(SetLostReasons.class, CommandHandler.of(Permission.SETTINGS_EDIT, this::setLostReasons));
        bus.register(ImportInquiry.class, CommandHandler.of(Permission.INQUIRIES_EDIT, this::importInquiry));
        bus.register(RaiseFollowUps.class, CommandHandler.of(Permission.INQUIRIES_EDIT, this::raiseFollowUps));
    }

    public Inquiry create(Actor actor, InquiryDraft draft) {
        return bus.execute(actor, new CreateInquiry(draft));
    }

    public Inquiry find(UUID id) {
        return dsl.selectFrom(INQUIRY).where(INQUIRY.ID.eq(id), INQUIRY.DELETED_AT.isNull()).fetchOptional()
                .map(Inquiry::of).orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.inquiry"), id)));
    }

    /** The agency's reasons for a lost inquiry (Settings); the defaults until someone changes them. */
    public List<String> lostReasons() {
        return lostReasons(dsl);
    }

    static List<String> lostReasons(DSLContext tx) {
        String stored = tx.select(PREFERENCE.PREF_VALUE).from(PREFERENCE)
                .where(PREFERENCE.USER_ID.isNull(), PREFERENCE.PREF_KEY.eq(LOST_REASONS_KEY), PREFERENCE.DELETED_AT.isNull())
                .fetchOne(PREFERENCE.PREF_VALUE);
        return stored == null ? DEFAULT_LOST_REASONS : Arrays.stream(stored.split("\n")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Runs {@link RaiseFollowUps} when an open inquiry's follow-up date has come (start-up and the timer). */
    public int raiseDueFollowUps(Actor actor, Instant now) {
        return dsl.fetchExists(INQUIRY, due(now, dsl)) ? bus.execute(actor, new RaiseFollowUps()) : 0;
    }

    // ------------------------------------------------------------------------------------------ create, update

    static InquiryDraft normalize(InquiryDraft d) {
        return new InquiryDraft(d.clientId(), Validator.clean(d.eventType()), d.datesTbd() ? null : d.startsAt(),
                d.datesTbd() ? null : d.endsAt(), Validator.clean(d.timeZone()), d.datesTbd(), d.venueId(),
                Validator.clean(d.freeAddress()), d.guestCount(), d.budgetMinor(),
                d.currency() == null ? null : d.currency().strip().toUpperCase(), d.source(), Validator.clean(d.notes()),
                d.followUpOn());
    }

    static void validate(DSLContext tx, InquiryDraft d) {
        Validator v = new Validator();
        v.check(d.clientId() != null && tx.fetchExists(CLIENT, CLIENT.ID.eq(d.clientId()), CLIENT.DELETED_AT.isNull()),
                "client", I18n.tr(d.clientId() == null ? "validation.required" : "booking.clientUnknown"));
        v.required("eventType", d.eventType(), 120);
        if (!d.datesTbd()) {
            v.check(d.startsAt() != null, "startsAt", I18n.tr("inquiry.dateOrTbd"));
            v.check(d.endsAt() != null, "endsAt", I18n.tr("inquiry.dateOrTbd"));
            if (d.startsAt() != null && d.endsAt() != null) {
                v.check(d.endsAt().isAfter(d.startsAt()), "endsAt", I18n.tr("booking.endBeforeStart"));
            }
        }
        v.timeZone("timeZone", d.timeZone());
        v.check(d.venueId() == null || tx.fetchExists(VENUE, VENUE.ID.eq(d.venueId()), VENUE.DELETED_AT.isNull()),
                "venue", I18n.tr("booking.venueUnknown"));
        v.maxLength("freeAddress", d.freeAddress(), 500);
        v.check(d.guestCount() == null || d.guestCount() > 0 && d.guestCount() <= 1_000_000, "guestCount",
                I18n.tr("validation.between", 1, 1_000_000));
        v.check(d.budgetMinor() == null || d.budgetMinor() >= 0, "budget", I18n.tr("validation.notNegative"));
        v.check(Currencies.find(d.currency()) != null, "currency", I18n.tr("money.currency.unknown", d.currency()));
        v.check(d.source() != null && SOURCES.contains(d.source()), "source", I18n.tr("inquiry.sourceUnknown"));
        v.maxLength("notes", d.notes(), 4000);
        v.throwIfAny();
    }


    private Inquiry create(CreateInquiry c, CommandContext ctx) {
        InquiryDraft d = normalize(c.draft());
        validate(ctx.dsl(), d);
        InquiryRecord r = ctx.dsl().newRecord(INQUIRY);
        r.setId(ctx.newId());
        r.setStatus(NEW.name());
        r.setOwnerUserId(ctx.actor().userId());
        apply(ctx.dsl(), r, d);
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        r.store();
        Inquiry created = Inquiry.of(r);
        ctx.audit("create", ENTITY, r.getId(), null, created.auditFields());
        return created;
    }

    public List<String> setLostReasons(Actor actor, List<String> reasons) {
        return bus.execute(actor, new SetLostReasons(reasons));
    }

    private List<String> setLostReasons(SetLostReasons c, CommandContext ctx) {
        List<String> clean = c.reasons().stream().map(Validator::clean).filter(Objects::nonNull).distinct()
                .toList();
        if (clean.isEmpty()) {
            throw ValidationException.of("lostReasons", I18n.tr("inquiry.lostReasonsEmpty"));
        }
        if (clean.stream().anyMatch(r -> r.length() > 200) || String.join("\n", clean).length() > 4000) {
            throw ValidationException.of("lostReasons", I18n.tr("inquiry.lostReasonsTooLong"));
        }
        List<String> before = lostReasons(ctx.dsl());
        String value = String.join("\n", clean);
        int updated = ctx.dsl().update(PREFERENCE).set(PREFERENCE.PREF_VALUE, value).set(PREFERENCE.UPDATED_AT, ctx.now())
                .set(PREFERENCE.VERSION, PREFERENCE.VERSION.plus(1))
                .where(PREFERENCE.USER_ID.isNull(), PREFERENCE.PREF_KEY.eq(LOST_REASONS_KEY)).execute();
        if (updated == 0) {
            ctx.dsl().insertInto(PREFERENCE).set(PREFERENCE.ID, ctx.newId()).set(PREFERENCE.PREF_KEY, LOST_REASONS_KEY)
                    .set(PREFERENCE.PREF_VALUE, value).set(PREFERENCE.CREATED_AT, ctx.now())
                    .set(PREFERENCE.UPDATED_AT, ctx.now()).set(PREFERENCE.VERSION, 0).execute();
        }
        ctx.audit("lost-reasons", "settings", null, Map.of("lostReasons", before), Map.of("lostReasons", clean));
        return clean;
    }

    private Inquiry importInquiry(ImportInquiry c, CommandContext ctx) {
        InquiryDraft d = normalize(c.draft());
        validate(ctx.dsl(), d);
        if (c.status() == null) {
            throw ValidationException.of("status", I18n.tr("validation.oneOf", "",
                    String.join(", ", Codes.all(InquiryStatus.class))));
        }
        String reason = Validator.clean(c.lostReason());
        if (c.status() == LOST && reason == null) {
            throw ValidationException.of("lostReason", I18n.tr("inquiry.lostReasonRequired"));
        }
        InquiryRecord r = ctx.dsl().selectFrom(INQUIRY).where(INQUIRY.ID.eq(c.id())).forUpdate().fetchOne();
        Inquiry before = r == null ? null : Inquiry.of(r);
        if (r == null) {
            r = ctx.dsl().newRecord(INQUIRY);
            r.setId(c.id());
            r.setOwnerUserId(ctx.actor().userId());
            r.setCreatedAt(ctx.now());
        }
        apply(ctx.dsl(), r, d);
        r.setStatus(c.status().name());
        r.setLostReason(c.status() == LOST ? (reason.length() > 200 ? reason.substring(0, 200) : reason) : null);
        r.setUpdatedAt(ctx.now());
        r.setVersion(before == null ? 0 : before.version() + 1);
        r.store();
        Inquiry after = Inquiry.of(r);
        ctx.audit(before == null ? "create" : "update", ENTITY, r.getId(), before == null ? null : before.auditFields(),
                after.auditFields());
        return after;
    }

    private Inquiry update(UpdateInquiry c, CommandContext ctx) {
        InquiryRecord r = load(ctx, c.id(), c.expectedVersion());
        InquiryStatus status = InquiryStatus.valueOf(r.getStatus());
        if (!status.isOpen()) {
            throw new UserFacingException(I18n.tr("inquiry.closed", Display.inSentence(status)));
        }
        InquiryDraft d = normalize(c.draft());
        validate(ctx.dsl(), d);
        Inquiry before = Inquiry.of(r);
        apply(ctx.dsl(), r, d);
        return save(ctx, r, before, "update");
    }

    private static void apply(DSLContext tx, InquiryRecord r, InquiryDraft d) {
        r.setClientId(d.clientId());
        r.setEventType(d.eventType());
        r.setStartsAt(d.startsAt());
        r.setEndsAt(d.endsAt());
        r.setTimeZone(d.timeZone());
        r.setDatesTbd(d.datesTbd());
        r.setVenueId(d.venueId());
        r.setFreeAddress(d.freeAddress());
        r.setGuestCount(d.guestCount());
        r.setBudgetMinor(d.budgetMinor());
        r.setCurrency(d.currency());
        r.setSource(d.source());
        r.setNotes(d.notes());
        r.setFollowUpOn(d.followUpOn());
        String client = tx.select(CLIENT.NAME).from(CLIENT).where(CLIENT.ID.eq(d.clientId())).fetchOne(CLIENT.NAME);
        String venue = d.venueId() == null ? null
                : tx.select(VENUE.NAME).from(VENUE).where(VENUE.ID.eq(d.venueId())).fetchOne(VENUE.NAME);
        r.setSearchText(SearchText.of(d.eventType(), client, venue, d.freeAddress()));
        SearchIndex.index(tx, ENTITY, r.getId(), d.eventType(), client, venue, d.freeAddress());
    }

    /** What search finds an inquiry by: event type, client, venue, free address. */
    public static SearchIndex.Kind<?> searchKind() {
        return new SearchIndex.Kind<>(ENTITY, INQUIRY, dsl -> dsl.select(INQUIRY.ID, INQUIRY.EVENT_TYPE, CLIENT.NAME,
                VENUE.NAME, INQUIRY.FREE_ADDRESS).from(INQUIRY).join(CLIENT).on(CLIENT.ID.eq(INQUIRY.CLIENT_ID))
                .leftJoin(VENUE).on(VENUE.ID.eq(INQUIRY.VENUE_ID)),
                r -> new String[] {r.value2(), r.value3(), r.value4(), r.value5()});
    }

    // ------------------------------------------------------------------------------------------ status

    /** Whether a plain status change may move an inquiry from {@code from} to {@code to}. */
    public static boolean allows(InquiryStatus from, InquiryStatus to) {
        return TRANSITIONS.getOrDefault(from, Set.of()).contains(to);
    }

    private InquiryRecord load(CommandContext ctx, UUID id, int expectedVersion) {
        InquiryRecord r = ctx.dsl().selectFrom(INQUIRY).where(INQUIRY.ID.eq(id), INQUIRY.DELETED_AT.isNull()).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.inquiry"), id)));
        StaleEdit.check(ctx.dsl(), r.getVersion(), expectedVersion, ENTITY, id, I18n.tr("entity.inquiry"),
                r.getEventType());
        return r;
    }

    private Inquiry changeStatus(ChangeInquiryStatus c, CommandContext ctx) {
        InquiryRecord r = load(ctx, c.id(), c.expectedVersion());
        InquiryStatus to = c.status();
        InquiryStatus from = InquiryStatus.valueOf(r.getStatus());
        if (to == WON && from.isOpen()) {
            throw new UserFacingException(I18n.tr("inquiry.winByConverting"));
        }
        if (to == null || !allows(from, to)) {
            throw new UserFacingException(I18n.tr("inquiry.illegalTransition",
                    Display.inSentence(from), to == null ? "?" : Display.inSentence(to)));
        }
        String reason = Validator.clean(c.lostReason());
        if (to == LOST) {
            if (reason == null) {
                throw ValidationException.of("lostReason", I18n.tr("inquiry.lostReasonRequired"));
            }
            if (!lostReasons(ctx.dsl()).contains(reason)) {
                throw ValidationException.of("lostReason", I18n.tr("inquiry.lostReasonUnknown", reason));
            }
        }
        Inquiry before = Inquiry.of(r);
        r.setStatus(to.name());
        r.setLostReason(to == LOST ? reason : null);
        return save(ctx, r, before, "status");
    }

    private Booking convert(ConvertInquiry c, CommandContext ctx) {
        InquiryRecord r = load(ctx, c.id(), c.expectedVersion());
        InquiryStatus from = InquiryStatus.valueOf(r.getStatus());
        if (!from.isOpen()) {
            throw new UserFacingException(I18n.tr("inquiry.illegalTransition",
                    Display.inSentence(from), Display.inSentence(WON)));
        }
        Booking booking = BookingService.createFor(ctx, c.booking(), c.bookingStatus(), c.performers(), r.getId());
        QuoteService.acceptLatest(ctx, r.getId());
        Inquiry before = Inquiry.of(r);
        r.setStatus(WON.name());
        save(ctx, r, before, "convert");
        return booking;
    }

    /** The booking a won inquiry starts from: its client, venue, window, currency and event type as the title. */
    public BookingDraft bookingFrom(Inquiry i, String clientName, long feeMinor, int taxRateBp) {
        return new BookingDraft(i.eventType() + " — " + clientName, i.clientId(), i.venueId(), null, i.startsAt(),
                i.endsAt(), i.timeZone(), i.currency(), feeMinor, taxRateBp, 1, null, i.notes());
    }

    /** The booking a won inquiry starts from when it was quoted: the quote's package, net amount and tax rate. */
    public BookingDraft bookingFrom(Inquiry i, String clientName, Quote quote) {
        return new BookingDraft(i.eventType() + " — " + clientName, i.clientId(), i.venueId(), quote.packageId(),
                i.startsAt(), i.endsAt(), i.timeZone(), i.currency(), quote.netMinor(), quote.taxRateBp(), 1, null,
                i.notes());
    }

    /** Inside a quote's "sent": a new or contacted inquiry is now QUOTED. */
    static void markQuoted(CommandContext ctx, UUID inquiryId) {
        InquiryRecord r = ctx.dsl().selectFrom(INQUIRY).where(INQUIRY.ID.eq(inquiryId)).forUpdate().fetchSingle();
        if (NEW.name().equals(r.getStatus()) || CONTACTED.name().equals(r.getStatus())) {
            Inquiry before = Inquiry.of(r);
            r.setStatus(QUOTED.name());
            save(ctx, r, before, "status");
        }
    }

    private static Inquiry save(CommandContext ctx, InquiryRecord r, Inquiry before, String action) {
        r.setUpdatedAt(ctx.now());
        r.setVersion(r.getVersion() + 1);
        r.update();
        Inquiry after = Inquiry.of(r);
        ctx.audit(action, ENTITY, r.getId(), before.auditFields(), after.auditFields());
        return after;
    }

    // ------------------------------------------------------------------------------------------ follow-ups

    private static Condition due(Instant now, DSLContext tx) {
        LocalDate today = AgencyFacts.today(tx, now);
        // not yet told: the same key Notifications dedupes on, so the minute timer runs the command (and writes
        // its audit entry) only when there is someone new to tell
        var told = DSL.selectOne().from(NOTIFICATION).where(NOTIFICATION.USER_ID.eq(INQUIRY.OWNER_USER_ID),
                NOTIFICATION.DEDUPE_KEY.eq(DSL.concat(DSL.inline("follow-up:"), INQUIRY.ID.cast(String.class),
                        DSL.inline(":"), INQUIRY.FOLLOW_UP_ON.cast(String.class))));
        return INQUIRY.STATUS.in(Codes.of(NEW, CONTACTED, QUOTED)).and(
INQUIRY.FOLLOW_UP_ON.le(today))
                .and(INQUIRY.DELETED_AT.isNull()).and(INQUIRY.OWNER_USER_ID.isNotNull()).andNotExists(told);
    }

    static String followUpKey(UUID inquiryId, LocalDate followUpOn) {
        return "follow-up:" + inquiryId + ":" + followUpOn;
    }

    private Integer raiseFollowUps(RaiseFollowUps c, CommandContext ctx) {
        int raised = 0;
        var rows = ctx.dsl().select(INQUIRY.ID, INQUIRY.OWNER_USER_ID, INQUIRY.EVENT_TYPE, INQUIRY.FOLLOW_UP_ON, CLIENT.NAME)
                .from(INQUIRY).join(CLIENT).on(CLIENT.ID.eq(INQUIRY.CLIENT_ID)).where(due(ctx.now(), ctx.dsl())).fetch();
        for (var row : rows) {
            if (Notifications.raise(ctx, row.value2(), NotificationKind.FOLLOW_UP_DUE,
                    I18n.tr("inquiry.followUp.title", row.value5()),
                    I18n.tr("inquiry.followUp.body", row.value3(), row.value5(), row.value4()), ENTITY, row.value1(),
                    followUpKey(row.value1(), row.value4()))) {
                raised++;
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("raised", raised);
        if (raised == 0) {
            ctx.nothingChanged();
        } else {
            ctx.audit("follow-ups", ENTITY, null, null, after);
        }
        return raised;
    }
}
