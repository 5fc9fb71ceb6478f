package dev.stagedesk.client;

import static dev.stagedesk.db.jooq.Tables.CLIENT;

import dev.stagedesk.command.RecordStore;
import dev.stagedesk.command.RecordTable;
import dev.stagedesk.common.Language;
import dev.stagedesk.command.SearchWords;
import dev.stagedesk.common.SearchText;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.db.jooq.tables.records.ClientRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The only code that reads and writes the CLIENT table row by row. */
public final class ClientRepository implements RecordStore<ClientDraft, Client> {

    private final RecordTable<ClientRecord> rows;

    /** {@code words}: the search index the rows' words go to. */
    public ClientRepository(SearchWords words) {
        this.rows = new RecordTable<>(CLIENT, ClientService.ENTITY, words);
    }

    @Override
    public Optional<Client> find(DSLContext dsl, UUID id) {
        return rows.find(dsl, id).map(ClientRepository::toClient);
    }

    @Override
    public void insert(DSLContext dsl, UUID id, ClientDraft d, Instant now) {
        rows.insert(dsl, id, r -> apply(r, d), now, searchFields(d));
    }

    @Override
    public boolean update(DSLContext dsl, UUID id, int expectedVersion, ClientDraft d, Instant now) {
        return rows.update(dsl, id, expectedVersion, r -> apply(r, d), now, searchFields(d));
    }

    @Override
    public boolean setDeleted(DSLContext dsl, UUID id, int expectedVersion, Instant deletedAt, Instant now) {
        return rows.setDeleted(dsl, id, expectedVersion, deletedAt, now);
    }

    /** What search finds a record by. */
    static String[] searchFields(ClientDraft d) {
        return new String[] {d.name(), d.contactName(), d.email(), d.phone(), d.city(), d.taxId()};
    }

    /** The words of every record, for rebuilding the index of a store that lacks them (SearchRebuild.rebuildMissing). */
    public static SearchIndex.Kind<?> searchKind() {
        return SearchIndex.Kind.of(ClientService.ENTITY, CLIENT, r -> searchFields(toClient(r).toDraft()));
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
        r.setLanguage(d.language() == null ? null : d.language().code());
        r.setSearchText(searchText(d));
    }

    static String searchText(ClientDraft d) {
        return SearchText.of(d.name(), d.contactName(), d.email(), d.phone(), d.city(), d.taxId());
    }

    static Client toClient(ClientRecord r) {
        return new Client(r.getId(), ClientKind.valueOf(r.getKind()), r.getName(), r.getContactName(), r.getEmail(),
                r.getPhone(), r.getAddressLine1(), r.getAddressLine2(), r.getPostalCode(), r.getCity(), r.getRegion(),
                r.getCountryCode(), r.getTaxId(), r.getNotes(), Language.ofCode(r.getLanguage()).orElse(null), r.getVersion(), r.getUpdatedAt(), r.getDeletedAt());
    }
}
