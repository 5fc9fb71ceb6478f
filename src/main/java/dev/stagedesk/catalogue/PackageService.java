package dev.stagedesk.catalogue;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.RecordCommands;
import dev.stagedesk.common.BookingLimits;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The service catalogue. Administrators own it; everyone who quotes reads it. */
public final class PackageService {
    public static final String ENTITY = "package";
    /** A package cannot be longer than a booking may be. */
    public static final int MAX_MINUTES = (int) BookingLimits.MAX_LENGTH.toMinutes();

    public record CreatePackage(PackageDraft draft) implements Command<ServicePackage> {
    }

    public record UpdatePackage(UUID id, int expectedVersion, PackageDraft draft) implements Command<ServicePackage> {
    }

    public record DeletePackage(UUID id) implements Command<ServicePackage> {
    }

    public record RestorePackage(UUID id) implements Command<ServicePackage> {
    }

    /** CSV import: creates the package with this id, or updates it when the id exists. */
    public record ImportPackage(UUID id, PackageDraft draft) implements Command<ServicePackage> {
    }

    private final CommandBus bus;
    private final DSLContext dsl;
    private final PackageRepository repository;

    public PackageService(CommandBus bus, DSLContext dsl, PackageRepository repository) {
        this.bus = bus;
        this.dsl = dsl;
        this.repository = repository;
        RecordCommands<PackageDraft, ServicePackage> records = new RecordCommands<>(ENTITY, repository,
                PackageService::normalize, PackageService::validate);
        bus.register(CreatePackage.class, CommandHandler.of(Permission.PACKAGES_EDIT,
                (c, ctx) -> records.create(ctx, ctx.newId(), c.draft())));
        bus.register(UpdatePackage.class, CommandHandler.of(Permission.PACKAGES_EDIT,
                (c, ctx) -> records.update(ctx, c.id(), c.expectedVersion(), c.draft())));
        bus.register(DeletePackage.class, CommandHandler.of(Permission.RECORDS_DELETE,
                (c, ctx) -> records.delete(ctx, c.id())));
        bus.register(RestorePackage.class, CommandHandler.of(Permission.RECORDS_DELETE,
                (c, ctx) -> records.restore(ctx, c.id())));
        bus.register(ImportPackage.class, CommandHandler.of(Permission.PACKAGES_EDIT,
                (c, ctx) -> records.upsert(ctx, c.id(), c.draft())));
    }

    public ServicePackage create(Actor actor, PackageDraft draft) {
        return bus.execute(actor, new CreatePackage(draft));
    }

    public ServicePackage update(Actor actor, UUID id, int expectedVersion, PackageDraft draft) {
        return bus.execute(actor, new UpdatePackage(id, expectedVersion, draft));
    }

    public ServicePackage delete(Actor actor, UUID id) {
        return bus.execute(actor, new DeletePackage(id));
    }

    public ServicePackage restore(Actor actor, UUID id) {
        return bus.execute(actor, new RestorePackage(id));
    }

    public Optional<ServicePackage> find(UUID id) {
        return repository.find(dsl, id);
    }

    public static PackageDraft normalize(PackageDraft d) {
        return new PackageDraft(Validator.clean(d.name()), Validator.clean(d.description()), d.durationMinutes(),
                d.basePriceMinor(), d.currency() == null ? null : d.currency().strip().toUpperCase(Locale.ROOT),
                d.performersNeeded() == null ? Integer.valueOf(1) : d.performersNeeded(),
                Validator.clean(d.performerAct()), d.active());
    }

    /** Throws a ValidationException naming every bad field. */
    public static void validate(PackageDraft d) {
        Validator v = new Validator();
        v.required("name", d.name(), 200)
                .maxLength("description", d.description(), 4000)
                .maxLength("performerAct", d.performerAct(), 120);
        v.check(d.durationMinutes() != null, "duration", I18n.tr("validation.required"));
        v.check(d.durationMinutes() == null || d.durationMinutes() >= 1 && d.durationMinutes() <= MAX_MINUTES,
                "duration", I18n.tr("package.durationRange", MAX_MINUTES / 60 / 24));
        v.check(d.basePriceMinor() != null, "basePrice", I18n.tr("validation.required"));
        v.check(d.basePriceMinor() == null || d.basePriceMinor() >= 0, "basePrice", I18n.tr("validation.notNegative"));
        v.check(Currencies.find(d.currency()) != null, "currency", I18n.tr("money.currency.unknown", d.currency()));
        v.check(d.performersNeeded() >= 1 && d.performersNeeded() <= 100, "performersNeeded",
                I18n.tr("validation.between", 1, 100));
        v.throwIfAny();
    }
}
