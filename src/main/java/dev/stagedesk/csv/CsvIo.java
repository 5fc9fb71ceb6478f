package dev.stagedesk.csv;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Ids;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.security.Actor;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;

/** RFC 4180 CSV export and all-or-nothing import for any {@link CsvSchema}. */
public final class CsvIo {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final DSLContext dsl;
    private final CommandBus bus;
    private final Ids ids;

    public CsvIo(DSLContext dsl, CommandBus bus, Ids ids) {
        this.dsl = dsl;
        this.bus = bus;
        this.ids = ids;
    }

    /** Refuses (before any file is opened) a user who may not read this kind on its screen or may not export. */
    public static void requireExportable(Actor actor, CsvSchema schema) {
        actor.require(dev.stagedesk.security.Permission.DATA_EXPORT);
        if (schema.alsoNeeds() != null) {
            actor.require(schema.alsoNeeds());
        }
    }

    /**
     * What {@code actor} may export of a kind: refused without {@code DATA_EXPORT} or the screen's read permission
     * ({@link CsvSchema#alsoNeeds()}); each row as their screen shows it ({@link CsvSchema#visibleTo}).
     */
    public int export(Actor actor, CsvSchema schema, Period period, Writer out) {
        requireExportable(actor, schema);
        return export(new ScopedSchema(schema, actor), period, out);
    }

    /** A schema whose exported rows are narrowed to what one user may read. */
    private record ScopedSchema(CsvSchema schema, Actor actor) implements CsvSchema {
        @Override
        public String name() {
            return schema.name();
        }

        @Override
        public List<String> columns() {
            return schema.columns();
        }

        @Override
        public void exportRows(DSLContext dsl, java.util.function.Consumer<List<String>> sink) {
            schema.exportRows(dsl, row -> sink.accept(schema.visibleTo(actor, row)));
        }

        @Override
        public void exportRows(DSLContext dsl, Period period, java.util.function.Consumer<List<String>> sink) {
            schema.exportRows(dsl, period, row -> sink.accept(schema.visibleTo(actor, row)));
        }

        @Override
        public boolean periodic() {
            return schema.periodic();
        }

        @Override
        public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
            return schema.parse(id, row, v);
        }

        @Override
        public boolean exists(DSLContext dsl, UUID id) {
            return schema.exists(dsl, id);
        }
    }

    /** Writes the header and every row; returns the number of data rows. */
    public int export(CsvSchema schema, Writer out) {
        return export(schema, Period.ALL, out);
    }

    /** The rows of a period (a schema that is not {@link CsvSchema#periodic()} writes all of them). */
    public int export(CsvSchema schema, Period period, Writer out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            printer.printRecord(schema.columns());
            int[] count = {0};
            schema.exportRows(dsl, period, row -> {
                try {
                    printer.printRecord(row);
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the whole file, reports every bad row, and writes only when every row is good: all rows in one
     * transaction. With {@code dryRun} the rows are applied and rolled back, so even database rules are checked.
     */
    public ImportReport importCsv(Actor actor, CsvSchema schema, Reader in, boolean dryRun) {
        List<ImportReport.Problem> problems = new ArrayList<>();
        List<Command<?>> commands = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int created = 0;
        int updated = 0;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(false).get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(schema, header, problems);
            if (!problems.isEmpty()) {
                return ImportReport.failed(problems);
            }
            Set<UUID> seen = new HashSet<>();
            long lineAfterPrevious = 1;
            for (CSVRecord record : parser) {
                int line = (int) lineAfterPrevious + 1;
                lineAfterPrevious = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    problems.add(new ImportReport.Problem(line, null,
                            I18n.tr("csv.wrongFieldCount", record.size(), header.size())));
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : header) {
                    row.put(column, record.get(column));
                }
                Validator v = new Validator();
                UUID id = Parse.uuid("id", row.get("id"), v);
                if (id == null && !v.hasErrors()) {
                    id = ids.next();
                } else if (id != null && !seen.add(id)) {
                    v.add(new FieldError("id", I18n.tr("csv.duplicateId", id)));
                }
                Command<?> command = null;
                try {
                    command = schema.parse(id, row, v);
                } catch (ValidationException e) {
                    e.errors().forEach(v::add);
                }
                if (v.hasErrors() || command == null) {
                    v.errors().forEach(err -> problems.add(new ImportReport.Problem(line, schema.columnFor(err.field()),
                            err.message())));
                    continue;
                }
                commands.add(command);
                lines.add(line);
                if (schema.exists(dsl, id)) {
                    updated++;
                } else {
                    created++;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new ImportReport.Problem(0, null, I18n.tr("csv.unreadable", e.getMessage())));
        }
        if (!problems.isEmpty()) {
            return ImportReport.failed(problems);
        }
        try {
            if (dryRun) {
                bus.tryAll(actor, commands);
            } else {
                bus.executeAll(actor, commands);
            }
        } catch (CommandBus.BatchItemException e) {
            int line = lines.get(e.index());
            RuntimeException cause = e.getCause();
            if (cause instanceof ValidationException ve) {
                ve.errors().forEach(err -> problems.add(new ImportReport.Problem(line, schema.columnFor(err.field()),
                        err.message())));
            } else if (cause instanceof UserFacingException) {
                problems.add(new ImportReport.Problem(line, null, cause.getMessage()));
            } else {
                throw cause;
            }
            return ImportReport.failed(problems);
        }
        return new ImportReport(created, updated, List.of(), dryRun);
    }

    private static void checkHeader(CsvSchema schema, List<String> header, List<ImportReport.Problem> problems) {
        Map<String, Integer> known = new HashMap<>();
        schema.columns().forEach(c -> known.put(c, 1));
        for (String column : header) {
            if (!known.containsKey(column)) {
                problems.add(new ImportReport.Problem(1, column,
                        I18n.tr("csv.unknownColumn", column, String.join(", ", schema.columns()))));
            }
        }
        for (String column : schema.columns()) {
            if (!header.contains(column)) {
                problems.add(new ImportReport.Problem(1, column, I18n.tr("csv.missingColumn", column)));
            }
        }
    }
}
