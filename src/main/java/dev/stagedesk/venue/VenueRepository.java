package dev.stagedesk.venue;

import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.command.RecordStore;
import dev.stagedesk.common.SearchText;
import dev.stagedesk.db.jooq.tables.records.VenueRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The only code that reads and writes the VENUE table row by row. */
public final class VenueRepository implements RecordStore<VenueDraft, Venue> {

    public Optional<Venue> find(DSLContext dsl, UUID id) {
        return dsl.selectFrom(VENUE).where(VENUE.ID.eq(id)).fetchOptional(VenueRepository::toVenue);
    }

    @Override
    public void insert(DSLContext dsl, UUID id, VenueDraft d, Instant now) {
        VenueRecord r = dsl.newRecord(VENUE);
        r.setId(id);
        apply(r, d);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.setVersion(0);
        r.store();
    }

    @Override
    public boolean update(DSLContext dsl, UUID id, int expectedVersion, VenueDraft d, Instant now) {
        VenueRecord r = dsl.newRecord(VENUE);
        apply(r, d);
        r.setUpdatedAt(now);
        r.setVersion(expectedVersion + 1);
        r.changed(VENUE.ID, false);
        return dsl.update(VENUE).set(r).where(VENUE.ID.eq(id), VENUE.VERSION.eq(expectedVersion)).execute() == 1;
    }

    @Override
    public boolean setDeleted(DSLContext dsl, UUID id, int expectedVersion, Instant deletedAt, Instant now) {
        return dsl.update(VENUE).set(VENUE.DELETED_AT, deletedAt).set(VENUE.UPDATED_AT, now)
                .set(VENUE.VERSION, expectedVersion + 1)
                .where(VENUE.ID.eq(id), VENUE.VERSION.eq(expectedVersion)).execute() == 1;
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
