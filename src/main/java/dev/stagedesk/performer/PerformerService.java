package dev.stagedesk.performer;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.RecordCommands;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Use cases for performers (the roster); availability and assignments come with their own services. */
public final class PerformerService {
    public static final String ENTITY = "performer";

    public record CreatePerformer(PerformerDraft draft) implements Command<Performer> {
    }

    public record UpdatePerformer(UUID id, int expectedVersion, PerformerDraft draft) implements Command<Performer> {
    }

    public record DeletePerformer(UUID id) implements Command<Performer> {
    }

    public record RestorePerformer(UUID id) implements Command<Performer> {
    }

    public record ImportPerformer(UUID id, PerformerDraft draft) implements Command<Performer> {
    }

    private final CommandBus bus;
    private final DSLContext dsl;
    private final PerformerRepository repository;

    public PerformerService(CommandBus bus, DSLContext dsl, PerformerRepository repository) {
        this.bus = bus;
        this.dsl = dsl;
        this.repository = repository;
        RecordCommands<PerformerDraft, Performer> records = new RecordCommands<>(ENTITY, repository,
                PerformerService::normalize, PerformerService::validate);
        bus.register(CreatePerformer.class, CommandHandler.of(Permission.PERFORMERS_EDIT,
                (c, ctx) -> records.create(ctx, ctx.newId(), c.draft())));
        bus.register(UpdatePerformer.class, CommandHandler.of(Permission.PERFORMERS_EDIT,
                (c, ctx) -> records.update(ctx, c.id(), c.expectedVersion(), c.draft())));
        bus.register(DeletePerformer.class, CommandHandler.of(Permission.RECORDS_DELETE,
                (c, ctx) -> records.delete(ctx, c.id())));
        bus.register(RestorePerformer.class, CommandHandler.of(Permission.RECORDS_DELETE,
                (c, ctx) -> records.restore(ctx, c.id())));
        bus.register(ImportPerformer.class, CommandHandler.of(Permission.PERFORMERS_EDIT,
                (c, ctx) -> records.upsert(ctx, c.id(), c.draft())));
    }

    public Performer create(Actor actor, PerformerDraft draft) {
        return bus.execute(actor, new CreatePerformer(draft));
    }

    public Optional<Performer> find(UUID id) {
        return repository.find(dsl, id);
    }

    public static PerformerDraft normalize(PerformerDraft d) {
        String currency = Validator.clean(d.currency());
        return new PerformerDraft(Validator.clean(d.stageName()), Validator.clean(d.legalName()),
                Validator.clean(d.email()), Validator.clean(d.phone()), cleanList(d.acts()), cleanList(d.genres()),
                d.defaultFeeMinor(), currency == null ? null : currency.toUpperCase(Locale.ROOT), d.commissionBp(),
                d.withholdingBp(), Validator.clean(d.homeCity()), d.homeLatitude(), d.homeLongitude(), d.active(),
                Validator.clean(d.notes()));
    }

    private static List<String> cleanList(List<String> values) {
        return values.stream().map(Validator::clean).filter(s -> s != null).distinct().toList();
    }

    public static void validate(PerformerDraft d) {
        Validator v = new Validator();
        v.required("stageName", d.stageName(), 200).maxLength("legalName", d.legalName(), 200)
                .email("email", d.email()).phone("phone", d.phone())
                .maxLength("acts", String.join(";", d.acts()), 1000)
                .maxLength("genres", String.join(";", d.genres()), 1000)
                .maxLength("homeCity", d.homeCity(), 120)
                .range("homeLatitude", d.homeLatitude(), -90, 90)
                .range("homeLongitude", d.homeLongitude(), -180, 180)
                .maxLength("notes", d.notes(), 4000);
        v.check(d.defaultFeeMinor() >= 0, "defaultFee", I18n.tr("validation.notNegative"));
        v.check(Currencies.find(d.currency()) != null, "currency", I18n.tr("money.currency.unknown", d.currency()));
        v.check(d.commissionBp() >= 0 && d.commissionBp() <= 10_000, "commission", I18n.tr("validation.percent"));
        v.check(d.withholdingBp() >= 0 && d.withholdingBp() <= 10_000, "withholding", I18n.tr("validation.percent"));
        if ((d.homeLatitude() == null) != (d.homeLongitude() == null)) {
            v.add(new FieldError(d.homeLatitude() == null ? "homeLatitude" : "homeLongitude",
                    I18n.tr("venue.coordinatesPair")));
        }
        v.throwIfAny();
    }
}
