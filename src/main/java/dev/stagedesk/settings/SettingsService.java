package dev.stagedesk.settings;

import dev.stagedesk.command.StaleEdit;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.PREFERENCE;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.tables.records.AgencyRecord;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The agency's settings: set up once on first run, edited from the Settings screen. */
public final class SettingsService {
    public static final String ENTITY = "agency";

    /** First run: creates the agency row. Refused when the store already has one. */
    public record SetUpAgency(AgencyDraft draft) implements Command<Agency> {
    }

    /** Records that the store's encryption was changed (the change itself happens on the closed store). */
    public record RecordStoreEncryption(boolean encrypted) implements Command<Void>, LocalCommand {
    }

    public record UpdateAgency(int expectedVersion, AgencyDraft draft) implements Command<Agency> {
    }

    /** The largest logo kept in the store. */
    static final int MAX_LOGO_BYTES = 2_000_000;

    /** New defaults for deposits, due dates, invoice numbers and the invoice logo. */
    public record UpdateBilling(BillingSettings settings) implements Command<Void> {
    }

    /**
     * A user's choice of the console's language (Settings → Appearance): "en" or "de" in their row of the preference
     * table; none, or "system", for the operating system's language. Per user, so people sharing a desktop each keep
     * theirs, and the command line follows it too.
     */
    public record ChooseLanguage(String code) implements Command<Optional<Language>>, LocalCommand {
    }

    /** The preference key of the console's language. */
    public static final String LANGUAGE_KEY = "ui.language";
    /** The stored value of "the operating system's language". */
    public static final String SYSTEM_LANGUAGE = "system";

    private final CommandBus bus;
    private final DSLContext dsl;

    public SettingsService(CommandBus bus, DSLContext dsl) {
        this.bus = bus;
        this.dsl = dsl;
        bus.register(SetUpAgency.class, CommandHandler.of(Permission.SETTINGS_EDIT, this::setUp));
        bus.register(UpdateAgency.class, CommandHandler.of(Permission.SETTINGS_EDIT, this::update));
        bus.register(UpdateBilling.class, CommandHandler.of(Permission.SETTINGS_EDIT, this::updateBilling));
        // everyone signed in chooses their own language (no permission: it changes nothing of anyone else's)
        bus.register(ChooseLanguage.class, CommandHandler.of(null, this::chooseLanguage));
        bus.register(RecordStoreEncryption.class, CommandHandler.of(Permission.SETTINGS_EDIT, (c, ctx) -> {
            ctx.audit(c.encrypted() ? "encrypt-store" : "decrypt-store", "store", null, null,
                    Map.of("encrypted", c.encrypted()));
            return null;
        }));
    }

    /** The agency, or empty on a store that has not been set up yet (first run). */
    public Optional<Agency> agency() {
        return dsl.selectFrom(AGENCY).where(AGENCY.DELETED_AT.isNull()).limit(1).fetchOptional(SettingsService::toAgency);
    }

    public Agency requireAgency() {
        return agency().orElseThrow(() -> new UserFacingException(I18n.tr("agency.notSetUp")));
    }

    public Agency setUp(Actor actor, AgencyDraft draft) {
        return bus.execute(actor, new SetUpAgency(draft));
    }

    public Agency update(Actor actor, int expectedVersion, AgencyDraft draft) {
        return bus.execute(actor, new UpdateAgency(expectedVersion, draft));
    }

    public static AgencyDraft normalize(AgencyDraft d) {
        String currency = Validator.clean(d.baseCurrency());
        String country = Validator.countryCode(d.countryCode());
        return new AgencyDraft(Validator.clean(d.name()), currency == null ? null : currency.toUpperCase(Locale.ROOT),
                Validator.clean(d.timeZone()), Validator.clean(d.legalName()), Validator.clean(d.addressLine1()),
                Validator.clean(d.postalCode()), Validator.clean(d.city()),
                country, Validator.clean(d.taxId()),
                Validator.clean(d.email()), Validator.clean(d.phone()), Validator.clean(d.bankDetails()),
                d.defaultTaxRateBp(), d.holdExpiryDays(), d.challengeHours(), d.idleLockMinutes(), d.backupKeepDays());
    }

    public static void validate(AgencyDraft d) {
        Validator v = new Validator();
        v.required("name", d.name(), 200);
        v.check(Currencies.find(d.baseCurrency()) != null, "baseCurrency",
                I18n.tr("money.currency.unknown", d.baseCurrency()));
        v.timeZone("timeZone", d.timeZone());
        v.maxLength("legalName", d.legalName(), 200).maxLength("addressLine1", d.addressLine1(), 200)
                .maxLength("postalCode", d.postalCode(), 32).maxLength("city", d.city(), 120)
                .country("countryCode", d.countryCode()).maxLength("taxId", d.taxId(), 64)
                .email("email", d.email()).phone("phone", d.phone()).maxLength("bankDetails", d.bankDetails(), 1000);
        v.check(d.defaultTaxRateBp() >= 0 && d.defaultTaxRateBp() <= 10_000, "defaultTaxRate",
                I18n.tr("validation.percent"));
        v.check(d.holdExpiryDays() >= 1 && d.holdExpiryDays() <= 365, "holdExpiryDays",
                I18n.tr("validation.between", 1, 365));
        v.check(d.challengeHours() >= 1 && d.challengeHours() <= 720, "challengeHours",
                I18n.tr("validation.between", 1, 720));
        v.check(d.idleLockMinutes() >= 0 && d.idleLockMinutes() <= 1440, "idleLockMinutes",
                I18n.tr("validation.between", 0, 1440));
        v.check(d.backupKeepDays() >= 0 && d.backupKeepDays() <= 3650, "backupKeepDays",
                I18n.tr("validation.between", 0, 3650));
        v.throwIfAny();
    }


    private Agency setUp(SetUpAgency c, CommandContext ctx) {
        if (ctx.dsl().fetchExists(AGENCY)) {
            throw new UserFacingException(I18n.tr("agency.alreadySetUp"));
        }
        AgencyDraft d = normalize(c.draft());
        validate(d);
        AgencyRecord r = ctx.dsl().newRecord(AGENCY);
        r.setId(ctx.newId());
        apply(r, d);
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        r.store();
        Agency created = toAgency(r);
        ctx.audit("create", ENTITY, created.id(), null, created.auditFields());
        return created;
    }

    private Agency update(UpdateAgency c, CommandContext ctx) {
        AgencyRecord r = ctx.dsl().selectFrom(AGENCY).where(AGENCY.DELETED_AT.isNull()).limit(1).fetchOptional()
                .orElseThrow(() -> new UserFacingException(I18n.tr("agency.notSetUp")));
        Agency before = toAgency(r);
        StaleEdit.check(ctx.dsl(), before.version(), c.expectedVersion(), ENTITY, r.getId(),
                I18n.tr("entity.agency"), before.name());
        AgencyDraft d = normalize(c.draft());
        validate(d);
        apply(r, d);
        r.setUpdatedAt(ctx.now());
        r.setVersion(before.version() + 1);
        r.store();
        Agency after = toAgency(r);
        ctx.audit("update", ENTITY, after.id(), before.auditFields(), after.auditFields());
        return after;
    }

    private static void apply(AgencyRecord r, AgencyDraft d) {
        r.setName(d.name());
        r.setBaseCurrency(d.baseCurrency());
        r.setTimeZone(d.timeZone());
        r.setLegalName(d.legalName());
        r.setAddressLine1(d.addressLine1());
        r.setPostalCode(d.postalCode());
        r.setCity(d.city());
        r.setCountryCode(d.countryCode());
        r.setTaxId(d.taxId());
        r.setEmail(d.email());
        r.setPhone(d.phone());
        r.setBankDetails(d.bankDetails());
        r.setDefaultTaxRateBp(d.defaultTaxRateBp());
        r.setHoldExpiryDays(d.holdExpiryDays());
        r.setChallengeHours(d.challengeHours());
        r.setIdleLockMinutes(d.idleLockMinutes());
        r.setBackupKeepDays(d.backupKeepDays());
    }

    private static Agency toAgency(AgencyRecord r) {
        return new Agency(r.getId(), r.getName(), Currencies.require(r.getBaseCurrency()), ZoneId.of(r.getTimeZone()),
                r.getLegalName(), r.getAddressLine1(), r.getPostalCode(), r.getCity(), r.getCountryCode(),
                r.getTaxId(), r.getEmail(), r.getPhone(), r.getBankDetails(), r.getDefaultTaxRateBp(),
                r.getHoldExpiryDays(), r.getChallengeHours(), r.getIdleLockMinutes(), r.getBackupKeepDays(), r.getVersion());
    }

    public BillingSettings billing() {
        AgencyRecord r = dsl.selectFrom(AGENCY).where(AGENCY.DELETED_AT.isNull()).limit(1).fetchOptional()
                .orElseThrow(() -> new UserFacingException(I18n.tr("agency.notSetUp")));
        return billing(r);
    }

    private static BillingSettings billing(AgencyRecord r) {
        return new BillingSettings(r.getDepositKind(), r.getDepositValue(), r.getDepositDueBasis(), r.getDepositDueDays(),
                r.getBalanceDueDaysBefore(), r.getInvoiceDueDays(), r.getInvoicePattern(), r.getCreditNotePattern(),
                r.getLogoPath(), r.getDocumentLanguage());
    }

    public void updateBilling(Actor actor, BillingSettings b) {
        bus.execute(actor, new UpdateBilling(b));
    }

    private Void updateBilling(UpdateBilling c, CommandContext ctx) {
        AgencyRecord r = ctx.dsl().selectFrom(AGENCY).where(AGENCY.DELETED_AT.isNull()).limit(1).fetchOptional()
                .orElseThrow(() -> new UserFacingException(I18n.tr("agency.notSetUp")));
        BillingSettings b = c.settings();
        Validator v = new Validator();
        boolean percent = "PERCENT".equals(b.depositKind());
        v.check(percent || "AMOUNT".equals(b.depositKind()), "depositKind", I18n.tr("terms.kind.invalid"));
        v.check(!percent || (b.depositValue() >= 0 && b.depositValue() <= 10_000), "depositValue",
                I18n.tr("validation.percent"));
        v.check(b.depositValue() >= 0, "depositValue", I18n.tr("validation.notNegative"));
        v.check("BOOKING".equals(b.depositDueBasis()) || "EVENT".equals(b.depositDueBasis()), "depositDueBasis",
                I18n.tr("terms.basis.invalid"));
        v.check(b.depositDueDays() >= 0 && b.depositDueDays() <= 730, "depositDueDays", I18n.tr("terms.days.range", 730));
        v.check(b.balanceDueDaysBefore() >= 0 && b.balanceDueDaysBefore() <= 730, "balanceDueDaysBefore",
                I18n.tr("terms.days.range", 730));
        v.check(b.invoiceDueDays() >= 0 && b.invoiceDueDays() <= 365, "invoiceDueDays", I18n.tr("terms.days.range", 365));
        for (String[] f : new String[][] {{"invoicePattern", b.invoicePattern()}, {"creditNotePattern", b.creditNotePattern()}}) {
            String p = f[1] == null ? "" : f[1].strip();
            v.check(p.matches(".*\\{seq(:0+)?}.*") && p.length() <= 32 && !p.replaceAll("\\{seq(:0+)?}", "").matches(".*[\\\\/:*?\"<>|].*"), f[0],
                    I18n.tr("settings.patternInvalid"));
        }
        v.check(b.invoicePattern() == null || b.creditNotePattern() == null
                || !b.invoicePattern().strip().equals(b.creditNotePattern().strip()), "creditNotePattern",
                I18n.tr("settings.patternSame"));
        String logo = Validator.clean(b.logoPath());
        // the image is kept in the store: the same file name as before keeps the image read then, even when the
        // file has since been moved; a new one is read now
        byte[] image = logo == null ? null : logo.equals(r.getLogoPath()) && r.getLogoImage() != null
                ? r.getLogoImage() : readLogo(logo);
        v.check(logo == null || image != null, "logoPath", I18n.tr("settings.logoUnreadable"));
        v.check(image == null || image.length <= MAX_LOGO_BYTES, "logoPath",
                I18n.tr("settings.logoTooLarge", MAX_LOGO_BYTES / 1_000_000));
        v.check(image == null || image.length > MAX_LOGO_BYTES || isPngOrJpeg(image), "logoPath",
                I18n.tr("settings.logoNotImage"));
        v.check(b.documentLanguage() == null || Language.ofCode(b.documentLanguage()).isPresent(), "documentLanguage",
                I18n.tr("validation.oneOf", b.documentLanguage(), String.join(", ", Language.codes())));
        v.throwIfAny();
        BillingSettings before = billing(r);
        r.setDepositKind(b.depositKind());
        r.setDepositValue(b.depositValue());
        r.setDepositDueBasis(b.depositDueBasis());
        r.setDepositDueDays(b.depositDueDays());
        r.setBalanceDueDaysBefore(b.balanceDueDaysBefore());
        r.setInvoiceDueDays(b.invoiceDueDays());
        r.setInvoicePattern(b.invoicePattern().strip());
        r.setCreditNotePattern(b.creditNotePattern().strip());
        r.setLogoPath(logo);
        r.setLogoImage(image);
        if (b.documentLanguage() != null) {
            r.setDocumentLanguage(Language.ofCode(b.documentLanguage()).orElseThrow().code());
        }
        r.setUpdatedAt(ctx.now());
        r.setVersion(r.getVersion() + 1);
        r.store();
        ctx.audit("billing", ENTITY, r.getId(), CommandContext.fields("billing", before.toString()),
                CommandContext.fields("billing", billing(r).toString()));
        return null;
    }

    /**
     * The language the actor chose for the console; empty: the operating system's (also for a store's owner before
     * any user exists, whose choice is the store's row without a user).
     */
    public Optional<Language> language(Actor actor) {
        return Language.ofCode(storedLanguage(dsl, actor.userId()));
    }

    /** Chooses the actor's console language ({@code null}: the operating system's); returns the choice. */
    public Optional<Language> chooseLanguage(Actor actor, Language language) {
        return bus.execute(actor, new ChooseLanguage(language == null ? SYSTEM_LANGUAGE : language.code()));
    }

    private static String storedLanguage(DSLContext dsl, UUID userId) {
        return dsl.select(PREFERENCE.PREF_VALUE).from(PREFERENCE).where(userId == null ? PREFERENCE.USER_ID.isNull()
                        : PREFERENCE.USER_ID.eq(userId), PREFERENCE.PREF_KEY.eq(LANGUAGE_KEY),
                PREFERENCE.DELETED_AT.isNull()).fetchOne(PREFERENCE.PREF_VALUE);
    }

    private Optional<Language> chooseLanguage(ChooseLanguage c, CommandContext ctx) {
        String code = c.code() == null ? SYSTEM_LANGUAGE : c.code().strip().toLowerCase(Locale.ROOT);
        Optional<Language> chosen = Language.ofCode(code);
        if (chosen.isEmpty() && !SYSTEM_LANGUAGE.equals(code)) {
            throw ValidationException.of("language", I18n.tr("validation.oneOf", c.code(),
                    String.join(", ", Language.codes()) + ", " + SYSTEM_LANGUAGE));
        }
        UUID user = ctx.actor().userId();
        String before = storedLanguage(ctx.dsl(), user);
        var mine = user == null ? PREFERENCE.USER_ID.isNull() : PREFERENCE.USER_ID.eq(user);
        int updated = ctx.dsl().update(PREFERENCE).set(PREFERENCE.PREF_VALUE, code)
                .set(PREFERENCE.UPDATED_AT, ctx.now()).set(PREFERENCE.VERSION, PREFERENCE.VERSION.plus(1))
                .set(PREFERENCE.DELETED_AT, (Instant) null)
                .where(mine, PREFERENCE.PREF_KEY.eq(LANGUAGE_KEY)).execute();
        if (updated == 0) {
            ctx.dsl().insertInto(PREFERENCE).set(PREFERENCE.ID, ctx.newId()).set(PREFERENCE.USER_ID, user)
                    .set(PREFERENCE.PREF_KEY, LANGUAGE_KEY).set(PREFERENCE.PREF_VALUE, code)
                    .set(PREFERENCE.CREATED_AT, ctx.now()).set(PREFERENCE.UPDATED_AT, ctx.now())
                    .set(PREFERENCE.VERSION, 0).execute();
        }
        ctx.audit("choose-language", "user", user, CommandContext.fields("language", before == null ? SYSTEM_LANGUAGE
                : before), CommandContext.fields("language", code));
        return chosen;
    }

    /** The file's bytes, or null when it cannot be read (or is far too large to be a logo). */
    private static byte[] readLogo(String path) {
        try {
            Path p = Path.of(path);
            if (!Files.isRegularFile(p)) {
                return null;
            }
            if (Files.size(p) > MAX_LOGO_BYTES) {
                return new byte[MAX_LOGO_BYTES + 1]; // named as too large, not read
            }
            return Files.readAllBytes(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** PNG or JPEG, by their first bytes: what OpenPDF puts on a document. */
    static boolean isPngOrJpeg(byte[] b) {
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
        return png || jpeg;
    }
}
