package dev.stagedesk.catalogue;

import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;

import dev.stagedesk.command.RecordStore;
import dev.stagedesk.command.RecordTable;
import dev.stagedesk.command.SearchWords;
import dev.stagedesk.db.jooq.tables.records.ServicePackageRecord;
import dev.stagedesk.search.SearchIndex;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The only code that reads and writes the SERVICE_PACKAGE table row by row. */
public final class PackageRepository implements RecordStore<PackageDraft, ServicePackage> {

    private final RecordTable<ServicePackageRecord> rows;

    /** {@code words}: the search index the rows' words go to. */
    public PackageRepository(SearchWords words) {
        this.rows = new RecordTable<>(SERVICE_PACKAGE, PackageService.ENTITY, words);
    }

    @Override
    public Optional<ServicePackage> find(DSLContext dsl, UUID id) {
        return rows.find(dsl, id).map(PackageRepository::toPackage);
    }

    @Override
    public void insert(DSLContext dsl, UUID id, PackageDraft d, Instant now) {
        rows.insert(dsl, id, r -> apply(r, d), now, searchFields(d));
    }

    @Override
    public boolean update(DSLContext dsl, UUID id, int expectedVersion, PackageDraft d, Instant now) {
        return rows.update(dsl, id, expectedVersion, r -> apply(r, d), now, searchFields(d));
    }

    @Override
    public boolean setDeleted(DSLContext dsl, UUID id, int expectedVersion, Instant deletedAt, Instant now) {
        return rows.setDeleted(dsl, id, expectedVersion, deletedAt, now);
    }

    static String[] searchFields(PackageDraft d) {
        return new String[] {d.name(), d.performerAct()};
    }

    /** The words of every record, for rebuilding the index of a store that lacks them (SearchRebuild.rebuildMissing). */
    public static SearchIndex.Kind<?> searchKind() {
        return SearchIndex.Kind.of(PackageService.ENTITY, SERVICE_PACKAGE, r -> searchFields(toPackage(r).toDraft()));
    }

    private static void apply(ServicePackageRecord r, PackageDraft d) {
        r.setName(d.name());
        r.setDescription(d.description());
        r.setDurationMinutes(d.durationMinutes());
        r.setBasePriceMinor(d.basePriceMinor());
        r.setCurrency(d.currency());
        r.setPerformersNeeded(d.performersNeeded());
        r.setPerformerAct(d.performerAct());
        r.setActive(d.active());
    }

    static ServicePackage toPackage(ServicePackageRecord r) {
        return new ServicePackage(r.getId(), r.getName(), r.getDescription(), r.getDurationMinutes(),
                r.getBasePriceMinor(), r.getCurrency(), r.getPerformersNeeded(), r.getPerformerAct(), r.getActive(),
                r.getVersion(), r.getUpdatedAt(), r.getDeletedAt());
    }
}
