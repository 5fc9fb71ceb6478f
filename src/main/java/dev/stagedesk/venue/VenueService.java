package dev.stagedesk.venue;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.RecordCommands;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Validator;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Use cases for venues. Every change is a command on the bus: one transaction, permission, audit. */
public final class VenueService {
    public static final String ENTITY = "venue";

    public record CreateVenue(VenueDraft draft) implements Command<Venue> {
    }

    public record UpdateVenue(UUID id, int expectedVersion, VenueDraft draft) implements Command<Venue> {
    }

    public record DeleteVenue(UUID id) implements Command<Venue> {
    }

    public record RestoreVenue(UUID id) implements Command<Venue> {
    }

    /** CSV import: creates the venue with this id, or updates it when the id exists. */
    public record ImportVenue(UUID id, VenueDraft draft) implements Command<Venue> {
    }

    private final CommandBus bus;
    private final DSLContext dsl;
    private final VenueRepository repository;

    public VenueService(CommandBus bus, DSLContext dsl, VenueRepository repository) {
        this.bus = bus;
        this.dsl = dsl;
        this.repository = repository;
        RecordCommands<VenueDraft, Venue> records = new RecordCommands<>(ENTITY, repository,
                VenueService::normalize, VenueService::validate);
        bus.register(CreateVenue.class, CommandHandler.of(Permission.VENUES_EDIT,
                (c, ctx) -> records.create(ctx, ctx.newId(), c.draft())));
        bus.register(UpdateVenue.class, CommandHandler.of(Permission.VENUES_EDIT,
                (c, ctx) -> records.update(ctx, c.id(), c.expectedVersion(), c.draft())));
        bus.register(DeleteVenue.class, CommandHandler.of(Permission.RECORDS_DELETE,
                (c, ctx) -> records.delete(ctx, c.id())));
        bus.register(RestoreVenue.class, CommandHandler.of(Permission.RECORDS_DELETE,
                (c, ctx) -> records.restore(ctx, c.id())));
        bus.register(ImportVenue.class, CommandHandler.of(Permission.VENUES_EDIT,
                (c, ctx) -> records.upsert(ctx, c.id(), c.draft())));
    }

    public Venue create(Actor actor, VenueDraft draft) {
        return bus.execute(actor, new CreateVenue(draft));
    }

    public Venue update(Actor actor, UUID id, int expectedVersion, VenueDraft draft) {
        return bus.execute(actor, new UpdateVenue(id, expectedVersion, draft));
    }

    public Venue delete(Actor actor, UUID id) {
        return bus.execute(actor, new DeleteVenue(id));
    }

    public Venue restore(Actor actor, UUID id) {
        return bus.execute(actor, new RestoreVenue(id));
    }

    public Optional<Venue> find(UUID id) {
        return repository.find(dsl, id);
    }

    /** Blank optional fields become null, text is stripped, the country code upper-cased. */
    public static VenueDraft normalize(VenueDraft d) {
        String country = Validator.countryCode(d.countryCode());
        return new VenueDraft(Validator.clean(d.name()), Validator.clean(d.addressLine1()),
                Validator.clean(d.addressLine2()), Validator.clean(d.postalCode()), Validator.clean(d.city()),
                Validator.clean(d.region()), country, d.latitude(),
                d.longitude(), d.capacity(), Validator.clean(d.contactName()), Validator.clean(d.contactPhone()),
                Validator.clean(d.notes()));
    }

    /** Throws a ValidationException naming every bad field. */
    public static void validate(VenueDraft d) {
        Validator v = new Validator();
        v.required("name", d.name(), 200)
                .maxLength("addressLine1", d.addressLine1(), 200)
                .maxLength("addressLine2", d.addressLine2(), 200)
                .maxLength("postalCode", d.postalCode(), 32)
                .required("city", d.city(), 120)
                .maxLength("region", d.region(), 120)
                .country("countryCode", d.countryCode())
                .range("latitude", d.latitude(), -90, 90)
                .range("longitude", d.longitude(), -180, 180)
                .min("capacity", d.capacity(), 0)
                .maxLength("contactName", d.contactName(), 200)
                .phone("contactPhone", d.contactPhone())
                .maxLength("notes", d.notes(), 4000);
        if ((d.latitude() == null) != (d.longitude() == null)) {
            v.add(new FieldError(d.latitude() == null ? "latitude" : "longitude", I18n.tr("venue.coordinatesPair")));
        }
        v.throwIfAny();
    }

}
