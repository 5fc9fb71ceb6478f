package dev.stagedesk.client;

import static dev.stagedesk.db.jooq.Tables.CLIENT;

import dev.stagedesk.command.RecordStore;
import dev.stagedesk.common.SearchText;
import dev.stagedesk.db.jooq.tables.records.ClientRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The only code that reads and writes the CLIENT table row by row. */
public final class ClientRepository implements RecordStore<ClientDraft, Client> {

    public Optional<Client> find(DSLContext dsl, UUID id) {
        return dsl.selectFrom(CLIENT).where(CLIENT.ID.eq(id)).fetchOptional(ClientRepository::toClient);
    }

    @Override
    public void insert(DSLContext dsl, UUID id, ClientDraft d, Instant now) {
        ClientRecord r = dsl.newRecord(CLIENT);
        r.setId(id);
        apply(r, d);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.setVersion(0);
        r.store();
    }

    /** Writes the draft over the row if it still has {@code expectedVersion}; false when someone was first. */
    @Override
    public boolean update(DSLContext dsl, UUID id, int expectedVersion, ClientDraft d, Instant now) {
        ClientRecord r = dsl.newRecord(CLIENT);
        apply(r, d);
        r.setUpdatedAt(now);
        r.setVersion(expectedVersion + 1);
        r.changed(CLIENT.ID, false);
        return dsl.update(CLIENT).set(r).where(CLIENT.ID.eq(id), CLIENT.VERSION.eq(expectedVersion)).execute() == 1;
    }

    @Override
    public boolean setDeleted(DSLContext dsl, UUID id, int expectedVersion, Instant deletedAt, Instant now) {
        return dsl.update(CLIENT).set(CLIENT.DELETED_AT, deletedAt).set(CLIENT.UPDATED_AT, now)
                .set(CLIENT.VERSION, expectedVersion + 1)
                .where(CLIENT.ID.eq(id), CLIENT.VERSION.eq(expectedVersion)).execute() == 1;
    }

    private static void apply(ClientRecord r, ClientDraft d) {
        r.setKind(d.kind().name());
        r.setName(d.name());
        r.setContactName(d.contactName());
        r.setEmail(d.email());
        r.setPhone(d.phone());
        r.setAddressLine1(d.addressLine1());
        r.setAddressLine2(d.addressLine2());
        r.setPostalCode(d.postalCode());
        r.setCity(d.city());
        r.setRegion(d.region());
        r.setCountryCode(d.countryCode());
        r.setTaxId(d.taxId());
        r.setNotes(d.notes());
        r.setSearchText(searchText(d));
    }

    static String searchText(ClientDraft d) {
        return SearchText.of(d.name(), d.contactName(), d.email(), d.phone(), d.city(), d.taxId());
    }

    static Client toClient(ClientRecord r) {
        return new Client(r.getId(), ClientKind.valueOf(r.getKind()), r.getName(), r.getContactName(), r.getEmail(),
                r.getPhone(), r.getAddressLine1(), r.getAddressLine2(), r.getPostalCode(), r.getCity(), r.getRegion(),
                r.getCountryCode(), r.getTaxId(), r.getNotes(), r.getVersion(), r.getUpdatedAt(), r.getDeletedAt());
    }
}
