package dev.stagedesk.venue;

import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.command.RecordStore;
import dev.stagedesk.command.RecordTable;
import dev.stagedesk.command.SearchWords;
import dev.stagedesk.common.SearchText;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.db.jooq.tables.records.VenueRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The only code that reads and writes the VENUE table row by row. */
public final class VenueRepository implements RecordStore<VenueDraft, Venue> {

    private final RecordTable<VenueRecord> rows;

    /** {@code words}: the search index the rows' words go to. */
    public VenueRepository(SearchWords words) {
        this.rows = new RecordTable<>(VENUE, VenueService.ENTITY, words);
    }

    @Override
    public Optional<Venue> find(DSLContext dsl, UUID id) {
        return rows.find(dsl, id).map(VenueRepository::toVenue);
    }

    @Override
    public void insert(DSLContext dsl, UUID id, VenueDraft d, Instant now) {
        rows.insert(dsl, id, r -> apply(r, d), now, searchFields(d));
    }

    @Override
    public boolean update(DSLContext dsl, UUID id, int expectedVersion, VenueDraft d, Instant now) {
        return rows.update(dsl, id, expectedVersion, r -> apply(r, d), now, searchFields(d));
    }

    @Override
    public boolean setDeleted(DSLContext dsl, UUID id, int expectedVersion, Instant deletedAt, Instant now) {
        return rows.setDeleted(dsl, id, expectedVersion, deletedAt, now);
    }

    /** What search finds a record by. */
    static String[] searchFields(VenueDraft d) {
        return new String[] {d.name(), d.addressLine1(), d.city(), d.region(), d.contactName()};
    }

    /** The words of every record, for rebuilding the index of a store that lacks them (SearchRebuild.rebuildMissing). */
    public static SearchIndex.Kind<?> searchKind() {
        return SearchIndex.Kind.of(VenueService.ENTITY, VENUE, r -> searchFields(toVenue(r).toDraft()));
    }

    private static void apply(VenueRecord r, VenueDraft d) {
        r.setName(d.name());
        r.setAddressLine1(d.addressLine1());
        r.setAddressLine2(d.addressLine2());
        r.setPostalCode(d.postalCode());
        r.setCity(d.city());
        r.setRegion(d.region());
        r.setCountryCode(d.countryCode());
        r.setLatitude(d.latitude());
        r.setLongitude(d.longitude());
        r.setCapacity(d.capacity());
        r.setContactName(d.contactName());
        r.setContactPhone(d.contactPhone());
        r.setNotes(d.notes());
        r.setSearchText(SearchText.of(d.name(), d.addressLine1(), d.city(), d.region(), d.contactName()));
    }

    static Venue toVenue(VenueRecord r) {
        return new Venue(r.getId(), r.getName(), r.getAddressLine1(), r.getAddressLine2(), r.getPostalCode(),
                r.getCity(), r.getRegion(), r.getCountryCode(), r.getLatitude(), r.getLongitude(), r.getCapacity(),
                r.getContactName(), r.getContactPhone(), r.getNotes(), r.getVersion(), r.getUpdatedAt(),
                r.getDeletedAt());
    }
}
