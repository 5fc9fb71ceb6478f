package dev.stagedesk.expense;

import static dev.stagedesk.command.CommandContext.fields;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.RECURRING_EXPENSE;

import dev.stagedesk.attachment.AttachmentService;
import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.performer.PerformerRepository;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.PermissionDeniedException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Expenses. A performer's own costs (travel, equipment: they reduce the performer's net take-home, they are not
 * reimbursed), logged by the performer for themselves or by an admin for anyone, with an optional receipt stored
 * in the same transaction. The agency's overhead (rent, software, marketing), and recurring overhead that
 * {@link GenerateRecurringExpenses} turns into one expense per month when due (start-up and the console's timer).
 */
public final class ExpenseService {
    public static final String PERFORMER_ENTITY = "performer_expense";
    public static final String OVERHEAD_ENTITY = "overhead_expense";
    public static final String RECURRING_ENTITY = "recurring_expense";
    public static final String METHODS = "BANK_TRANSFER;CARD;CASH;DIRECT_DEBIT;PAYPAL;OTHER";

    /** {@code id} null for a new one; {@code bookingId} null for a cost of the period, not of one gig. */
    public record PerformerExpenseDraft(UUID performerId, UUID bookingId, String category, String description,
                                        long amountMinor, String currency, LocalDate spentOn) {
    }

    public record LogPerformerExpense(UUID id, PerformerExpenseDraft draft, AttachmentService.AddAttachment receipt)
            implements Command<UUID> {
    }

    public record RemovePerformerExpense(UUID id) implements Command<Void> {
    }

    /** A row of an expenses CSV file: the performer by stage name, the gig by booking number (optional). */
    public record ImportPerformerExpense(UUID id, UUID performerId, String performer, String bookingNumber, String category,
                                         String description, long amountMinor, String currency, LocalDate spentOn)
            implements Command<UUID> {
    }

    public record OverheadDraft(String category, String vendor, String description, long amountMinor,
                                String currency, String method, LocalDate spentOn) {
    }

    public record RecordOverhead(UUID id, OverheadDraft draft, AttachmentService.AddAttachment receipt)
            implements Command<UUID> {
    }

    /** Monthly overhead on {@code dayOfMonth} (1–28) from {@code startsOn}, until {@code endsOn} (null: open). */
    public record AddRecurringExpense(String category, String vendor, long amountMinor, String currency, String method,
                                      int dayOfMonth, LocalDate startsOn, LocalDate endsOn) implements Command<UUID> {
    }

    /** Writes every monthly expense due up to {@code today} that is not written yet; returns how many. */
    public record GenerateRecurringExpenses(LocalDate today) implements Command<Integer>, LocalCommand {
    }

    private final CommandBus bus;
    private final DSLContext dsl;
    private final AttachmentService attachments;

    public ExpenseService(CommandBus bus, DSLContext dsl, AttachmentService attachments) {
        this.bus = bus;
        this.dsl = dsl;
        this.attachments = attachments;
        bus.register(LogPerformerExpense.class, CommandHandler.of(Permission.EXPENSES_LOG, this::log));
        bus.register(RemovePerformerExpense.class, CommandHandler.of(Permission.EXPENSES_LOG, this::remove));
        bus.register(ImportPerformerExpense.class, CommandHandler.of(Permission.EXPENSES_LOG, this::importExpense));
        bus.register(RecordOverhead.class, CommandHandler.of(Permission.OVERHEAD_EDIT, this::overhead));
        bus.register(AddRecurringExpense.class, CommandHandler.of(Permission.OVERHEAD_EDIT, this::addRecurring));
        bus.register(GenerateRecurringExpenses.class, CommandHandler.of(Permission.OVERHEAD_EDIT, this::generate));
    }

    /** Logs a performer expense, with the receipt file when given (image or PDF, copied into the data folder). */
    public UUID log(Actor actor, PerformerExpenseDraft draft, Path receipt) {
        actor.require(Permission.EXPENSES_LOG);
        UUID id = UUID.randomUUID();
        return withReceipt(PERFORMER_ENTITY, id, receipt,
                add -> bus.execute(actor, new LogPerformerExpense(id, draft, add)));
    }

    public UUID recordOverhead(Actor actor, OverheadDraft draft, Path receipt) {
        actor.require(Permission.OVERHEAD_EDIT);
        UUID id = UUID.randomUUID();
        return withReceipt(OVERHEAD_ENTITY, id, receipt,
                add -> bus.execute(actor, new RecordOverhead(id, draft, add)));
    }

    /**
     * Copies the receipt (if any) in before the command, which records it in its own transaction; a refused
     * command leaves no file behind.
     */
    private UUID withReceipt(String entity, UUID id, Path receipt,
                             Function<AttachmentService.AddAttachment, UUID> command) {
        AttachmentService.AddAttachment add = receipt == null ? null : attachments.copyIn(entity, id, receipt);
        try {
            return command.apply(add);
        } catch (RuntimeException e) {
            if (add != null) {
                attachments.discard(add);
            }
            throw e;
        }
    }

    public UUID addRecurring(Actor actor, AddRecurringExpense c) {
        return bus.execute(actor, c);
    }

    /** Runs {@link GenerateRecurringExpenses} when a month is due (start-up and the console's timer); else 0. */
    public int generateDue(Actor actor, LocalDate today) {
        boolean due = dsl.selectFrom(RECURRING_EXPENSE).where(RECURRING_EXPENSE.DELETED_AT.isNull(),
                RECURRING_EXPENSE.STARTS_ON.le(today)).fetch().stream().anyMatch(r -> {
                    LocalDate next = nextDue(r.getStartsOn(), r.getLastGeneratedOn(), r.getDayOfMonth());
                    return !next.isAfter(today) && (r.getEndsOn() == null || !next.isAfter(r.getEndsOn()));
                });
        return due ? bus.execute(actor, new GenerateRecurringExpenses(today)) : 0;
    }

    /** The first date on the day of the month after the last one written (or from the start). */
    static LocalDate nextDue(LocalDate startsOn, LocalDate lastWritten, int dayOfMonth) {
        LocalDate d = (lastWritten == null ? YearMonth.from(startsOn) : YearMonth.from(lastWritten).plusMonths(1))
                .atDay(dayOfMonth);
        return d.isBefore(startsOn) ? d.plusMonths(1) : d;
    }

    private static void requireOwn(CommandContext ctx, UUID performerId) {
        Actor a = ctx.actor();
        if (!a.can(Permission.EXPENSES_VIEW_ALL) && !performerId.equals(a.performerId())) {
            throw new PermissionDeniedException(Permission.EXPENSES_VIEW_ALL);
        }
    }

    private static void checkMoney(Validator v, long amountMinor, String currency) {
        v.check(amountMinor > 0, "amount", I18n.tr("expense.amountPositive"));
        v.check(currency != null && Currencies.find(currency) != null, "currency",
                I18n.tr("money.currency.unknown", currency));
    }

    /** A performer expense as logged or imported: every field, and the actor's right to this performer's. */
    private static void validate(CommandContext ctx, PerformerExpenseDraft d) {
        Validator v = new Validator();
        v.check(d.performerId() != null && ctx.dsl().fetchExists(PERFORMER, PERFORMER.ID.eq(d.performerId()),
                PERFORMER.DELETED_AT.isNull()), "performer", I18n.tr("assignment.unknownPerformer"));
        v.check(d.bookingId() == null || ctx.dsl().fetchExists(BOOKING, BOOKING.ID.eq(d.bookingId()),
                BOOKING.DELETED_AT.isNull()), "booking", I18n.tr("expense.unknownBooking"));
        v.required("category", Validator.clean(d.category()), 64);
        v.maxLength("description", Validator.clean(d.description()), 500);
        checkMoney(v, d.amountMinor(), d.currency());
        v.check(d.spentOn() != null, "spentOn", I18n.tr("validation.required"));
        v.throwIfAny();
        requireOwn(ctx, d.performerId());
    }

    private UUID log(LogPerformerExpense c, CommandContext ctx) {
        PerformerExpenseDraft d = c.draft();
        validate(ctx, d);
        UUID attachmentId = c.receipt() == null ? null : AttachmentService.insert(ctx, c.receipt()).id();
        var r = ctx.dsl().newRecord(PERFORMER_EXPENSE);
        r.setId(c.id() != null ? c.id() : ctx.newId());
        r.setPerformerId(d.performerId());
        r.setBookingId(d.bookingId());
        r.setCategory(Validator.clean(d.category()));
        r.setDescription(Validator.clean(d.description()));
        r.setAmountMinor(d.amountMinor());
        r.setCurrency(d.currency());
        r.setSpentOn(d.spentOn());
        r.setAttachmentId(attachmentId);
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        r.store();
        ctx.audit("create", PERFORMER_ENTITY, r.getId(), null, fields("category", r.getCategory(), "amountMinor",
                r.getAmountMinor(), "currency", r.getCurrency(), "spentOn", r.getSpentOn(), "receipt", attachmentId));
        return r.getId();
    }

    private UUID importExpense(ImportPerformerExpense c, CommandContext ctx) {
        Validator v = new Validator();
        UUID performerId = PerformerRepository.byIdOrStageName(ctx.dsl(), c.performerId(),
                c.performer(), "performer", v);
        UUID booking = c.bookingNumber() == null ? null : ctx.dsl().select(BOOKING.ID).from(BOOKING)
                .where(BOOKING.NUMBER.eq(c.bookingNumber()), BOOKING.DELETED_AT.isNull()).fetchOne(BOOKING.ID);
        v.check(c.bookingNumber() == null || booking != null, "bookingNumber",
                I18n.tr("assignment.csv.noBooking", c.bookingNumber()));
        v.throwIfAny();
        PerformerExpenseDraft d = new PerformerExpenseDraft(performerId, booking, c.category(), c.description(),
                c.amountMinor(), c.currency(), c.spentOn());
        var existing = ctx.dsl().selectFrom(PERFORMER_EXPENSE).where(PERFORMER_EXPENSE.ID.eq(c.id()),
                PERFORMER_EXPENSE.DELETED_AT.isNull()).fetchOne();
        if (existing == null) {
            return log(new LogPerformerExpense(c.id(), d, null), ctx);
        }
        requireOwn(ctx, existing.getPerformerId());
        validate(ctx, d);
        var before = fields("category", existing.getCategory(), "amountMinor",
                existing.getAmountMinor(), "spentOn", existing.getSpentOn());
        existing.setPerformerId(d.performerId());
        existing.setBookingId(d.bookingId());
        existing.setCategory(Validator.clean(d.category()));
        existing.setDescription(Validator.clean(d.description()));
        existing.setAmountMinor(d.amountMinor());
        existing.setCurrency(d.currency());
        existing.setSpentOn(d.spentOn());
        existing.setUpdatedAt(ctx.now());
        existing.setVersion(existing.getVersion() + 1);
        existing.update();
        ctx.audit("update", PERFORMER_ENTITY, existing.getId(), before, fields("category", existing.getCategory(),
                "amountMinor", existing.getAmountMinor(), "spentOn", existing.getSpentOn()));
        return existing.getId();
    }

    private Void remove(RemovePerformerExpense c, CommandContext ctx) {
        var r = ctx.dsl().selectFrom(PERFORMER_EXPENSE).where(PERFORMER_EXPENSE.ID.eq(c.id()),
                PERFORMER_EXPENSE.DELETED_AT.isNull()).fetchOptional().orElseThrow(() -> new NotFoundException(
                I18n.tr("record.notFound", I18n.tr("entity.expense"), c.id())));
        requireOwn(ctx, r.getPerformerId());
        r.setDeletedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(r.getVersion() + 1);
        r.update();
        ctx.audit("delete", PERFORMER_ENTITY, r.getId(), fields("category", r.getCategory(), "amountMinor",
                r.getAmountMinor(), "spentOn", r.getSpentOn()), null);
        return null;
    }

    private static void checkOverhead(Validator v, String category, String vendor, String method) {
        v.required("category", Validator.clean(category), 64);
        v.required("vendor", Validator.clean(vendor), 200);
        v.check(method != null && List.of(METHODS.split(";")).contains(method), "method",
                I18n.tr("payout.unknownMethod", String.join(", ", METHODS.split(";"))));
    }

    private UUID overhead(RecordOverhead c, CommandContext ctx) {
        OverheadDraft d = c.draft();
        Validator v = new Validator();
        checkOverhead(v, d.category(), d.vendor(), d.method());
        v.maxLength("description", Validator.clean(d.description()), 500);
        checkMoney(v, d.amountMinor(), d.currency());
        v.check(d.spentOn() != null, "spentOn", I18n.tr("validation.required"));
        v.throwIfAny();
        UUID attachmentId = c.receipt() == null ? null : AttachmentService.insert(ctx, c.receipt()).id();
        return insertOverhead(ctx, c.id(), d, null, attachmentId);
    }

    private static UUID insertOverhead(CommandContext ctx, UUID id, OverheadDraft d, UUID recurringId,
                                       UUID attachmentId) {
        var r = ctx.dsl().newRecord(OVERHEAD_EXPENSE);
        r.setId(id != null ? id : ctx.newId());
        r.setCategory(Validator.clean(d.category()));
        r.setVendor(Validator.clean(d.vendor()));
        r.setDescription(Validator.clean(d.description()));
        r.setAmountMinor(d.amountMinor());
        r.setCurrency(d.currency());
        r.setMethod(d.method());
        r.setSpentOn(d.spentOn());
        r.setRecurringExpenseId(recurringId);
        r.setAttachmentId(attachmentId);
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        r.store();
        ctx.audit("create", OVERHEAD_ENTITY, r.getId(), null, fields("category", r.getCategory(), "vendor",
                r.getVendor(), "amountMinor", r.getAmountMinor(), "currency", r.getCurrency(), "spentOn",
                r.getSpentOn(), "recurring", recurringId));
        return r.getId();
    }

    private UUID addRecurring(AddRecurringExpense c, CommandContext ctx) {
        Validator v = new Validator();
        checkOverhead(v, c.category(), c.vendor(), c.method());
        checkMoney(v, c.amountMinor(), c.currency());
        v.check(c.dayOfMonth() >= 1 && c.dayOfMonth() <= 28, "dayOfMonth", I18n.tr("expense.dayOfMonth"));
        v.check(c.startsOn() != null, "startsOn", I18n.tr("validation.required"));
        v.check(c.endsOn() == null || c.startsOn() == null || !c.endsOn().isBefore(c.startsOn()), "endsOn",
                I18n.tr("expense.endsBeforeStart"));
        v.throwIfAny();
        var r = ctx.dsl().newRecord(RECURRING_EXPENSE);
        r.setId(ctx.newId());
        r.setCategory(Validator.clean(c.category()));
        r.setVendor(Validator.clean(c.vendor()));
        r.setAmountMinor(c.amountMinor());
        r.setCurrency(c.currency());
        r.setMethod(c.method());
        r.setDayOfMonth(c.dayOfMonth());
        r.setStartsOn(c.startsOn());
        r.setEndsOn(c.endsOn());
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        r.store();
        ctx.audit("create", RECURRING_ENTITY, r.getId(), null, fields("category", r.getCategory(), "vendor",
                r.getVendor(), "amountMinor", r.getAmountMinor(), "dayOfMonth", r.getDayOfMonth(), "startsOn",
                r.getStartsOn(), "endsOn", r.getEndsOn()));
        return r.getId();
    }

    /** Each due month once: the last date written is kept on the recurring entry, so a rerun writes nothing. */
    private Integer generate(GenerateRecurringExpenses c, CommandContext ctx) {
        int written = 0;
        var entries = ctx.dsl().selectFrom(RECURRING_EXPENSE).where(RECURRING_EXPENSE.DELETED_AT.isNull(),
                RECURRING_EXPENSE.STARTS_ON.le(c.today())).forUpdate().fetch();
        for (var r : entries) {
            LocalDate last = r.getLastGeneratedOn();
            for (LocalDate due = nextDue(r.getStartsOn(), last, r.getDayOfMonth()); !due.isAfter(c.today())
                    && (r.getEndsOn() == null || !due.isAfter(r.getEndsOn())); due = due.plusMonths(1)) {
                insertOverhead(ctx, null, new OverheadDraft(r.getCategory(), r.getVendor(), null, r.getAmountMinor(),
                        r.getCurrency(), r.getMethod(), due), r.getId(), null);
                last = due;
                written++;
            }
            if (last != null && !last.equals(r.getLastGeneratedOn())) {
                r.setLastGeneratedOn(last);
                r.setUpdatedAt(ctx.now());
                r.setVersion(r.getVersion() + 1);
                r.update();
            }
        }
        return written;
    }
}
