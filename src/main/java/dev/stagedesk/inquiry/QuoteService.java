package dev.stagedesk.inquiry;

import static dev.stagedesk.db.jooq.Tables.INQUIRY;
import static dev.stagedesk.db.jooq.Tables.QUOTE;
import static dev.stagedesk.db.jooq.Tables.QUOTE_LINE;
import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.tables.records.QuoteRecord;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.numbering.Numbering;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.AgencyFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Quotes: versions per inquiry. Each save is a new version and supersedes the one before; the latest can be
 * marked sent (its PDF went to the client), which moves a new or contacted inquiry to QUOTED. Winning the
 * inquiry accepts the latest version.
 */
public final class QuoteService {
    public static final String ENTITY = "quote";
    /** Quote numbers: a sequence per year (V17 numbered the quotes made before). */
    public static final String NUMBER_PATTERN = "Q-{yyyy}-{seq:0000}";
    static final String NUMBER_SERIES = "QUOTE";
    public static final int MAX_LINES = 200;

    /**
     * Saves a new version of the inquiry's quote. {@code expectedLatest} is the version the user started from
     * (0 for the first): if someone saved another version meanwhile, the save is refused.
     */
    public record SaveQuote(UUID inquiryId, int expectedLatest, QuoteDraft draft) implements Command<Quote> {
    }

    /** Marks a version as sent to the client. */
    public record MarkQuoteSent(UUID quoteId) implements Command<Quote> {
    }

    private final CommandBus bus;
    private final DSLContext dsl;

    public QuoteService(CommandBus bus, DSLContext dsl) {
        this.bus = bus;
        this.dsl = dsl;
        bus.register(SaveQuote.class, CommandHandler.of(Permission.INQUIRIES_EDIT, this::save));
        bus.register(MarkQuoteSent.class, CommandHandler.of(Permission.INQUIRIES_EDIT, this::markSent));
    }

    public Quote save(Actor actor, UUID inquiryId, int expectedLatest, QuoteDraft draft) {
        return bus.execute(actor, new SaveQuote(inquiryId, expectedLatest, draft));
    }

    public Quote markSent(Actor actor, UUID quoteId) {
        return bus.execute(actor, new MarkQuoteSent(quoteId));
    }

    // ------------------------------------------------------------------------------------------ reads

    /** Every version of an inquiry's quote, newest first. */
    public List<Quote> versions(Actor actor, UUID inquiryId) {
        actor.require(Permission.INQUIRIES_VIEW);
        return versions(dsl, inquiryId);
    }

    public Optional<Quote> latest(Actor actor, UUID inquiryId) {
        return versions(actor, inquiryId).stream().findFirst();
    }

    public Quote find(Actor actor, UUID quoteId) {
        actor.require(Permission.INQUIRIES_VIEW);
        return dsl.selectFrom(QUOTE).where(QUOTE.ID.eq(quoteId)).fetchOptional().map(r -> of(dsl, r))
                .orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound", I18n.tr("entity.quote"), quoteId)));
    }

    static List<Quote> versions(DSLContext tx, UUID inquiryId) {
        return tx.selectFrom(QUOTE).where(QUOTE.INQUIRY_ID.eq(inquiryId), QUOTE.DELETED_AT.isNull())
                .orderBy(QUOTE.VERSION_NO.desc()).fetch().map(r -> of(tx, r));
    }

    private static Quote of(DSLContext tx, QuoteRecord r) {
        List<QuoteLine> lines = tx.selectFrom(QUOTE_LINE).where(QUOTE_LINE.QUOTE_ID.eq(r.getId()),
                        QUOTE_LINE.DELETED_AT.isNull()).orderBy(QUOTE_LINE.POSITION)
                .fetch(l -> new QuoteLine(l.getDescription(), l.getQuantity(), l.getUnitPriceMinor(), l.getAmountMinor()));
        return new Quote(r.getId(), r.getInquiryId(), r.getVersionNo(), r.getPackageId(), r.getCurrency(), lines,
                r.getSubtotalMinor(), r.getDiscountMinor(), r.getTaxRateBp(), r.getTaxMinor(), r.getTotalMinor(),
                r.getValidUntil(), QuoteStatus.valueOf(r.getStatus()), r.getSentAt(), r.getNotes(), r.getCreatedAt(), r.getVersion(),
                r.getNumber());
    }

    // ------------------------------------------------------------------------------------------ save

    private Quote save(SaveQuote c, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        var inquiry = tx.selectFrom(INQUIRY).where(INQUIRY.ID.eq(c.inquiryId()), INQUIRY.DELETED_AT.isNull())
                .forUpdate().fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.inquiry"), c.inquiryId())));
        InquiryStatus status = InquiryStatus.valueOf(inquiry.getStatus());
        if (!status.isOpen()) {
            throw new UserFacingException(I18n.tr("quote.inquiryClosed", Display.inSentence(status)));
        }
        List<Quote> existing = versions(tx, c.inquiryId());
        int latest = existing.isEmpty() ? 0 : existing.get(0).versionNo();
        if (latest != c.expectedLatest()) {
            throw new ConcurrentEditException(I18n.tr("quote.changedElsewhere", latest));
        }
        QuoteDraft d = c.draft();
        LocalDate today = today(tx, ctx);
        validate(tx, d, today);
        long subtotal = Quote.subtotal(d.lines());
        long net = subtotal - d.discountMinor();
        long tax = Quote.tax(net, d.taxRateBp());
        QuoteRecord r = tx.newRecord(QUOTE);
        r.setId(ctx.newId());
        r.setInquiryId(c.inquiryId());
        r.setVersionNo(latest + 1);
        // one number per inquiry, like bookings: Q-2026-0001 (its versions: "Q-2026-0001 v2")
        r.setNumber(existing.isEmpty() ? Numbering.assign(tx, NUMBER_SERIES, NUMBER_PATTERN, today.getYear()) : existing.get(0).number());
        r.setPackageId(d.packageId());
        r.setCurrency(inquiry.getCurrency());
        r.setDiscountMinor(d.discountMinor());
        r.setTaxRateBp(d.taxRateBp());
        r.setSubtotalMinor(subtotal);
        r.setTaxMinor(tax);
        r.setTotalMinor(net + tax);
        r.setValidUntil(d.validUntil());
        r.setStatus(QuoteStatus.DRAFT.name());
        r.setNotes(Validator.clean(d.notes()));
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        r.store();
        int position = 0;
        for (QuoteLine l : d.lines()) {
            tx.insertInto(QUOTE_LINE).set(QUOTE_LINE.ID, ctx.newId()).set(QUOTE_LINE.QUOTE_ID, r.getId())
                    .set(QUOTE_LINE.POSITION, position++).set(QUOTE_LINE.DESCRIPTION, l.description().strip())
                    .set(QUOTE_LINE.QUANTITY, l.quantity()).set(QUOTE_LINE.UNIT_PRICE_MINOR, l.unitPriceMinor())
                    .set(QUOTE_LINE.AMOUNT_MINOR, l.amountMinor()).set(QUOTE_LINE.CREATED_AT, ctx.now())
                    .set(QUOTE_LINE.UPDATED_AT, ctx.now()).set(QUOTE_LINE.VERSION, 0).execute();
        }
        if (!existing.isEmpty() && existing.get(0).status() != QuoteStatus.SUPERSEDED) {
            Quote before = existing.get(0);
            setStatus(ctx, before, QuoteStatus.SUPERSEDED, "supersede");
        }
        Quote created = of(tx, r);
        ctx.audit("create", ENTITY, created.id(), null, created.auditFields());
        return created;
    }

    static void validate(DSLContext tx, QuoteDraft d, LocalDate today) {
        Validator v = new Validator();
        List<QuoteLine> lines = d.lines() == null ? List.of() : d.lines();
        v.check(!lines.isEmpty(), "lines", I18n.tr("quote.noLines"));
        v.check(lines.size() <= MAX_LINES, "lines", I18n.tr("quote.tooManyLines", MAX_LINES));
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine l = lines.get(i);
            String at = I18n.tr("quote.lineN", i + 1);
            v.check(l.description() != null && !l.description().isBlank(), "lines",
                    at + ": " + I18n.tr("quote.lineDescription"));
            v.check(l.description() == null || l.description().strip().length() <= 500, "lines",
                    at + ": " + I18n.tr("validation.tooLong", 500));
            v.check(l.quantity() >= 1, "lines", at + ": " + I18n.tr("quote.lineQuantity"));
            v.check(l.unitPriceMinor() >= 0, "lines", at + ": " + I18n.tr("validation.notNegative"));
        }
        long subtotal;
        try {
            subtotal = Quote.subtotal(lines);
        } catch (ArithmeticException e) {
            v.check(false, "lines", I18n.tr("money.parse.tooLarge", "…"));
            subtotal = 0;
        }
        v.check(d.discountMinor() >= 0, "discount", I18n.tr("validation.notNegative"));
        v.check(d.discountMinor() <= subtotal, "discount", I18n.tr("quote.discountTooLarge"));
        v.check(d.taxRateBp() >= 0 && d.taxRateBp() <= 10_000, "taxRate", I18n.tr("validation.percent"));
        v.check(d.validUntil() != null, "validUntil", I18n.tr("validation.required"));
        v.check(d.validUntil() == null || !d.validUntil().isBefore(today), "validUntil",
                I18n.tr("quote.validUntilPast", today));
        v.check(d.packageId() == null || tx.fetchExists(SERVICE_PACKAGE, SERVICE_PACKAGE.ID.eq(d.packageId()),
                SERVICE_PACKAGE.DELETED_AT.isNull()), "package", I18n.tr("quote.packageUnknown"));
        v.maxLength("notes", d.notes(), 4000);
        v.throwIfAny();
    }

    private static LocalDate today(DSLContext tx, CommandContext ctx) {
        return AgencyFacts.today(tx, ctx.now());
    }

    // ------------------------------------------------------------------------------------------ status

    private Quote markSent(MarkQuoteSent c, CommandContext ctx) {
        Quote q = lockedQuote(ctx, c.quoteId());
        if (q.status() != QuoteStatus.DRAFT && q.status() != QuoteStatus.SENT) {
            throw new UserFacingException(I18n.tr("quote.notSendable", q.versionNo(), Display.inSentence(q.status())));
        }
        ctx.dsl().update(QUOTE).set(QUOTE.SENT_AT, ctx.now()).where(QUOTE.ID.eq(q.id())).execute();
        Quote sent = setStatus(ctx, q, QuoteStatus.SENT, "sent");
        InquiryService.markQuoted(ctx, q.inquiryId());
        return sent;
    }

    /** Inside a conversion: the latest version, if any, becomes ACCEPTED. */
    static void acceptLatest(CommandContext ctx, UUID inquiryId) {
        List<Quote> all = versions(ctx.dsl(), inquiryId);
        if (!all.isEmpty() && all.get(0).status() != QuoteStatus.SUPERSEDED) {
            setStatus(ctx, all.get(0), QuoteStatus.ACCEPTED, "accept");
        }
    }

    private static Quote lockedQuote(CommandContext ctx, UUID id) {
        QuoteRecord r = ctx.dsl().selectFrom(QUOTE).where(QUOTE.ID.eq(id), QUOTE.DELETED_AT.isNull()).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.quote"), id)));
        return of(ctx.dsl(), r);
    }

    private static Quote setStatus(CommandContext ctx, Quote q, QuoteStatus status, String action) {
        ctx.dsl().update(QUOTE).set(QUOTE.STATUS, status.name()).set(QUOTE.UPDATED_AT, ctx.now())
                .set(QUOTE.VERSION, QUOTE.VERSION.plus(1)).where(QUOTE.ID.eq(q.id())).execute();
        Quote after = of(ctx.dsl(), ctx.dsl().fetchSingle(QUOTE, QUOTE.ID.eq(q.id())));
        ctx.audit(action, ENTITY, q.id(), Map.of("status", q.status()), Map.of("status", status));
        return after;
    }

    // ------------------------------------------------------------------------------------------ history

    /** What changed from one version to the next, in words ("Discount: 0.00 → 150.00 EUR"). */
    public static List<String> changes(Quote before, Quote after) {
        List<String> out = new ArrayList<>();
        var currency = Currencies.require(after.currency());
        LongFunction<String> money = m -> MoneyFormat.display(m, currency);
        Map<String, QuoteLine> old = before.lines().stream()
                .collect(Collectors.toMap(QuoteLine::description, l -> l, (a, b) -> a, LinkedHashMap::new));
        Map<String, QuoteLine> now = after.lines().stream()
                .collect(Collectors.toMap(QuoteLine::description, l -> l, (a, b) -> a, LinkedHashMap::new));
        for (QuoteLine l : after.lines()) {
            QuoteLine was = old.get(l.description());
            if (was == null) {
                out.add(I18n.tr("quote.change.lineAdded", l.description(), l.quantity(), money.apply(l.unitPriceMinor())));
            } else if (was.quantity() != l.quantity() || was.unitPriceMinor() != l.unitPriceMinor()) {
                out.add(I18n.tr("quote.change.lineChanged", l.description(), was.quantity(),
                        money.apply(was.unitPriceMinor()), l.quantity(), money.apply(l.unitPriceMinor())));
            }
        }
        for (QuoteLine l : before.lines()) {
            if (!now.containsKey(l.description())) {
                out.add(I18n.tr("quote.change.lineRemoved", l.description()));
            }
        }
        if (before.discountMinor() != after.discountMinor()) {
            out.add(I18n.tr("quote.change.discount", money.apply(before.discountMinor()),
                    money.apply(after.discountMinor())));
        }
        if (before.taxRateBp() != after.taxRateBp()) {
            out.add(I18n.tr("quote.change.tax", Parse.percentText(before.taxRateBp()),
                    Parse.percentText(after.taxRateBp())));
        }
        if (!before.validUntil().equals(after.validUntil())) {
            out.add(I18n.tr("quote.change.validUntil", before.validUntil(), after.validUntil()));
        }
        if (!Objects.equals(before.packageId(), after.packageId())) {
            out.add(I18n.tr("quote.change.package"));
        }
        if (!Objects.equals(before.notes(), after.notes())) {
            out.add(I18n.tr("quote.change.notes"));
        }
        if (before.totalMinor() != after.totalMinor()) {
            out.add(I18n.tr("quote.change.total", money.apply(before.totalMinor()), money.apply(after.totalMinor())));
        }
        return out;
    }
}
