package dev.stagedesk.csv;

import dev.stagedesk.command.Command;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.security.Permission;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * A kind written only by the console's own commands, exported for a period (or whole): payments, invoices,
 * payouts, overhead, the journal. Subclasses give the columns and the rows of a period.
 */
public abstract class ExportOnlyCsv implements CsvSchema {
    private final String name;
    private final List<String> columns;
    private final Permission alsoNeeds;

    /** {@code alsoNeeds}: what exporting needs besides DATA_EXPORT (null for nothing). */
    protected ExportOnlyCsv(String name, List<String> columns, Permission alsoNeeds) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.alsoNeeds = alsoNeeds;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> columns() {
        return columns;
    }

    @Override
    public final Permission alsoNeeds() {
        return alsoNeeds;
    }

    @Override
    public final boolean importable() {
        return false;
    }

    @Override
    public final boolean periodic() {
        return true;
    }

    @Override
    public final void exportRows(DSLContext dsl, Consumer<List<String>> sink) {
        exportRows(dsl, Period.ALL, sink);
    }

    @Override
    public abstract void exportRows(DSLContext dsl, Period period, Consumer<List<String>> sink);

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        throw new UserFacingException(I18n.tr("csv.notImportable", name()));
    }

    @Override
    public final boolean exists(DSLContext dsl, UUID id) {
        return false;
    }
}
