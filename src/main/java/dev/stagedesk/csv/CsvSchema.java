package dev.stagedesk.csv;

import dev.stagedesk.command.Command;
import dev.stagedesk.common.Validator;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * How one entity looks in CSV: its columns, how a stored record becomes a row (export), and how a row
 * becomes the command that imports it. Export and import use the same columns, so they round-trip.
 */
public interface CsvSchema {
    /** The name used on the command line: {@code export clients}. */
    String name();

    List<String> columns();

    /** Columns an imported file may leave out (added after files of this kind were first written). */
    default Set<String> optionalColumns() {
        return Set.of();
    }

    /** Streams every live record, in a stable order, as rows of {@link #columns()} values. */
    void exportRows(DSLContext dsl, Consumer<List<String>> sink);

    /**
     * Reads one row (column name to value) into an import command. Problems go to {@code v}, named by column;
     * {@code id} is the row's id (generated when the file leaves it blank).
     */
    Command<?> parse(UUID id, Map<String, String> row, Validator v);

    /**
     * What exporting this kind needs besides {@code DATA_EXPORT}: the read permission of the screen that shows these
     * records (the agency's money: {@code REPORTS_VIEW}); null for nothing. {@link CsvIo#export(dev.stagedesk.security.Actor,
     * CsvSchema, Period, java.io.Writer)} checks it before anything is written.
     */
    default Permission alsoNeeds() {
        return null;
    }

    /**
     * A row as {@code actor} may read it: the same scope as the screen. Columns the user's screen does not show
     * (a performer's payout settlement without {@code PAYOUTS_VIEW_ALL}) are blank; the row itself by default.
     */
    default List<String> visibleTo(Actor actor, List<String> row) {
        return row;
    }

    /** True when {@link #exportRows(DSLContext, Period, Consumer)} can narrow the rows to a period. */
    default boolean periodic() {
        return false;
    }

    /** The rows of a period (see docs/CSV.md for the date each kind is filtered on); all of them by default. */
    default void exportRows(DSLContext dsl, Period period, Consumer<List<String>> sink) {
        exportRows(dsl, sink);
    }

    /** False for a kind that is only exported (payouts: they are imported as assignments). */
    default boolean importable() {
        return true;
    }

    /** Whether a record with this id exists already (then the import updates it). */
    boolean exists(DSLContext dsl, UUID id);

    /** The column a service's field error belongs to ("clientId" -> "client_id"), for messages naming the line. */
    default String columnFor(String field) {
        return field == null ? null : field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
