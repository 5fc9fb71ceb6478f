package dev.stagedesk.client;

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

/** Use cases for clients. Every change is a command on the bus: one transaction, permission, audit. */
public final class ClientService {
    public static final String ENTITY = "client";

    public record CreateClient(ClientDraft draft) implements Command<Client> {
    }

    public record UpdateClient(UUID id, int expectedVersion, ClientDraft draft) implements Command<Client> {
    }

    public record DeleteClient(UUID id) implements Command<Client> {
    }

    public record RestoreClient(UUID id) implements Command<Client> {
    }

    /** CSV import: creates the client with this id, or updates it when the id exists. */
    public record ImportClient(UUID id, ClientDraft draft) implements Command<Client> {
    }

    private final CommandBus bus;
    private final DSLContext dsl;
    private final ClientRepository repository;

    public ClientService(CommandBus bus, DSLContext dsl, ClientRepository repository) {
        this.bus = bus;
        this.dsl = dsl;
        this.repository = repository;
        RecordCommands<ClientDraft, Client> records = new RecordCommands<>(ENTITY, repository,
                ClientService::normalize, ClientService::validate);
        bus.register(CreateClient.class, CommandHandler.of(Permission.CLIENTS_EDIT,
                (c, ctx) -> records.create(ctx, ctx.newId(), c.draft())));
        bus.register(UpdateClient.class, CommandHandler.of(Permission.CLIENTS_EDIT,
                (c, ctx) -> records.update(ctx, c.id(), c.expectedVersion(), c.draft())));
        bus.register(DeleteClient.class, CommandHandler.of(Permission.RECORDS_DELETE,
                (c, ctx) -> records.delete(ctx, c.id())));
        bus.register(RestoreClient.class, CommandHandler.of(Permission.RECORDS_DELETE,
                (c, ctx) -> records.restore(ctx, c.id())));
        bus.register(ImportClient.class, CommandHandler.of(Permission.CLIENTS_EDIT,
                (c, ctx) -> records.upsert(ctx, c.id(), c.draft())));
    }

    public Client create(Actor actor, ClientDraft draft) {
        return bus.execute(actor, new CreateClient(draft));
    }

    public Client update(Actor actor, UUID id, int expectedVersion, ClientDraft draft) {
        return bus.execute(actor, new UpdateClient(id, expectedVersion, draft));
    }

    public Client delete(Actor actor, UUID id) {
        return bus.execute(actor, new DeleteClient(id));
    }

    public Client restore(Actor actor, UUID id) {
        return bus.execute(actor, new RestoreClient(id));
    }

    public Optional<Client> find(UUID id) {
        return repository.find(dsl, id);
    }

    /** Blank optional fields become null, text is stripped, the country code upper-cased. */
    public static ClientDraft normalize(ClientDraft d) {
        String country = Validator.countryCode(d.countryCode());
        return new ClientDraft(d.kind(), Validator.clean(d.name()), Validator.clean(d.contactName()),
                Validator.clean(d.email()), Validator.clean(d.phone()), Validator.clean(d.addressLine1()),
                Validator.clean(d.addressLine2()), Validator.clean(d.postalCode()), Validator.clean(d.city()),
                Validator.clean(d.region()), country,
                Validator.clean(d.taxId()), Validator.clean(d.notes()), d.language());
    }

    /** Throws a ValidationException naming every bad field. */
    public static void validate(ClientDraft d) {
        Validator v = new Validator();
        v.check(d.kind() != null, "kind", I18n.tr("validation.required"));
        v.required("name", d.name(), 200)
                .maxLength("contactName", d.contactName(), 200)
                .email("email", d.email())
                .phone("phone", d.phone())
                .maxLength("addressLine1", d.addressLine1(), 200)
                .maxLength("addressLine2", d.addressLine2(), 200)
                .maxLength("postalCode", d.postalCode(), 32)
                .maxLength("city", d.city(), 120)
                .maxLength("region", d.region(), 120)
                .country("countryCode", d.countryCode())
                .maxLength("taxId", d.taxId(), 64)
                .maxLength("notes", d.notes(), 4000);
        if (d.kind() == ClientKind.COMPANY && d.contactName() == null && d.email() == null && d.phone() == null) {
            v.add(new FieldError("contactName", I18n.tr("client.companyNeedsContact")));
        }
        v.throwIfAny();
    }
}
