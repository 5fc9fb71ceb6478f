package dev.stagedesk.performer;

import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.command.RecordStore;
import dev.stagedesk.command.RecordTable;
import dev.stagedesk.command.SearchWords;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.SearchText;
import dev.stagedesk.common.Validator;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.db.jooq.tables.records.PerformerRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The only code that reads and writes the PERFORMER table row by row. Acts and genres are stored ';'-joined. */
public final class PerformerRepository implements RecordStore<PerformerDraft, Performer> {

    private final RecordTable<PerformerRecord> rows;

    /** {@code words}: the search index the rows' words go to. */
    public PerformerRepository(SearchWords words) {
        this.rows = new RecordTable<>(PERFORMER, PerformerService.ENTITY, words);
    }

    @Override
    public Optional<Performer> find(DSLContext dsl, UUID id) {
        return rows.find(dsl, id).map(PerformerRepository::toPerformer);
    }

    @Override
    public void insert(DSLContext dsl, UUID id, PerformerDraft d, Instant now) {
        rows.insert(dsl, id, r -> apply(r, d), now, searchFields(d));
    }

    @Override
    public boolean update(DSLContext dsl, UUID id, int expectedVersion, PerformerDraft d, Instant now) {
        return rows.update(dsl, id, expectedVersion, r -> apply(r, d), now, searchFields(d));
    }

    @Override
    public boolean setDeleted(DSLContext dsl, UUID id, int expectedVersion, Instant deletedAt, Instant now) {
        return rows.setDeleted(dsl, id, expectedVersion, deletedAt, now);
    }

    /** What search finds a record by. */
    static String[] searchFields(PerformerDraft d) {
        return new String[] {d.stageName(), d.legalName(), String.join(" ", d.acts()), String.join(" ", d.genres()),
                d.homeCity()};
    }

    /** The words of every record, for rebuilding the index of a store that lacks them (SearchRebuild.rebuildMissing). */
    public static SearchIndex.Kind<?> searchKind() {
        return SearchIndex.Kind.of(PerformerService.ENTITY, PERFORMER, r -> searchFields(toPerformer(r).toDraft()));
    }

    private static void apply(PerformerRecord r, PerformerDraft d) {
        r.setStageName(d.stageName());
        r.setLegalName(d.legalName());
        r.setEmail(d.email());
        r.setPhone(d.phone());
        r.setActs(String.join(";", d.acts()));
        r.setGenres(String.join(";", d.genres()));
        r.setDefaultFeeMinor(d.defaultFeeMinor());
        r.setCurrency(d.currency());
        r.setCommissionBp(d.commissionBp());
        r.setWithholdingBp(d.withholdingBp());
        r.setHomeCity(d.homeCity());
        r.setHomeLatitude(d.homeLatitude());
        r.setHomeLongitude(d.homeLongitude());
        r.setActive(d.active());
        r.setNotes(d.notes());
        r.setSearchText(SearchText.of(d.stageName(), d.legalName(), String.join(" ", d.acts()),
                String.join(" ", d.genres()), d.homeCity()));
    }

    /**
     * The one live performer with this stage name (any case), for files and the command line that name
     * performers; null with an error on {@code field} when there is none, or more than one.
     */
    public static UUID byStageName(DSLContext dsl, String name, String field,
                                             Validator v) {
        List<UUID> ids = name == null || name.isBlank() ? List.of()
                : dsl.select(PERFORMER.ID).from(PERFORMER).where(PERFORMER.STAGE_NAME.equalIgnoreCase(name.strip()),
                        PERFORMER.DELETED_AT.isNull()).limit(2).fetch(PERFORMER.ID);
        v.check(ids.size() == 1, field, I18n.tr(ids.isEmpty() ? "assignment.csv.noPerformer"
                : "assignment.csv.twoPerformers", name));
        return ids.size() == 1 ? ids.get(0) : null;
    }

    /**
     * The performer a file row names: by {@code id} when the row gives one (a stage name two performers share is
     * then no problem), else by stage name, which must be one performer's. Errors go to {@code field}.
     */
    public static UUID byIdOrStageName(DSLContext dsl, UUID id, String name, String field,
                                                 Validator v) {
        if (id != null) {
            boolean found = dsl.fetchExists(PERFORMER, PERFORMER.ID.eq(id), PERFORMER.DELETED_AT.isNull());
            v.check(found, field, I18n.tr("csv.performer.unknownId", id));
            return found ? id : null;
        }
        List<UUID> ids = name == null || name.isBlank() ? List.of()
                : dsl.select(PERFORMER.ID).from(PERFORMER).where(PERFORMER.STAGE_NAME.equalIgnoreCase(name.strip()),
                        PERFORMER.DELETED_AT.isNull()).limit(2).fetch(PERFORMER.ID);
        v.check(ids.size() == 1, field, I18n.tr(ids.isEmpty() ? "assignment.csv.noPerformer"
                : "csv.performer.ambiguous", name));
        return ids.size() == 1 ? ids.get(0) : null;
    }

    public static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Performer toPerformer(PerformerRecord r) {
        return new Performer(r.getId(), r.getStageName(), r.getLegalName(), r.getEmail(), r.getPhone(),
                split(r.getActs()), split(r.getGenres()), r.getDefaultFeeMinor(), r.getCurrency(),
                r.getCommissionBp(), r.getWithholdingBp(), r.getHomeCity(), r.getHomeLatitude(),
                r.getHomeLongitude(), r.getActive(), r.getNotes(), r.getVersion(), r.getDeletedAt());
    }
}
