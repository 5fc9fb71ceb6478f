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
import dev.stagedesk.security.Permission;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;

/**
 * RFC 4180 CSV export (through {@link CsvWriter}: cells escaped against formula injection) and all-or-nothing
 * import for any {@link CsvSchema} (cells un-escaped, blank rows skipped, comma or semicolon separated).
 */
public final class CsvIo {
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
        actor.require(Permission.DATA_EXPORT);
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
        public void exportRows(DSLContext dsl, Consumer<List<String>> sink) {
            schema.exportRows(dsl, row -> sink.accept(schema.visibleTo(actor, row)));
        }

        @Override
        public void exportRows(DSLContext dsl, Period period, Consumer<List<String>> sink) {
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
        CsvWriter printer = CsvWriter.plain(out);
        printer.row(schema.columns());
        int[] count = {0};
        schema.exportRows(dsl, period, row -> {
            printer.row(row);
            count[0]++;
        });
        printer.flush();
        return count[0];
    }

    /**
     * Imports a file as it comes from disk: strict UTF-8 (a byte order mark is skipped; a file in another encoding is
     * refused naming the line), comma- or semicolon-separated (decided by the header line).
     */
    public ImportReport importCsv(Actor actor, CsvSchema schema, InputStream in, boolean dryRun) {
        return importCsv(actor, schema, new StrictUtf8Reader(in), dryRun);
    }

    /** The separator of a file: a semicolon when its header line has more semicolons than commas (outside quotes). */
    static char delimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** What a reading error means, in words, with its line; null when it is not a CSV quoting error. */
    static ImportReport.Problem quotingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8Reader.NotUtf8Exception bad) {
                return new ImportReport.Problem(0, null, I18n.tr("csv.notUtf8", bad.line()));
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher m = EOF_IN_QUOTES.matcher(message);
            if (m.find()) {
                return new ImportReport.Problem(lineNumber(m.group(1)), null, I18n.tr("csv.quoteNotClosed"));
            }
            m = AFTER_QUOTES.matcher(message);
            if (m.find()) {
                return new ImportReport.Problem(lineNumber(m.group(1)), null, I18n.tr("csv.textAfterQuote"));
            }
        }
        return null;
    }

    private static final Pattern EOF_IN_QUOTES = Pattern.compile(
            "\\(startline ([0-9.,\\s\u00a0\u202f']+)\\) EOF reached before encapsulated token finished");
    private static final Pattern AFTER_QUOTES = Pattern.compile(
            "Invalid character between encapsulated token and delimiter at line: ([0-9.,\\s\u00a0\u202f']+),");

    private static int lineNumber(String digits) {
        return Integer.parseInt(digits.replaceAll("[^0-9]", ""));
    }

    /** A record with nothing in it: a blank line, or only separators (as spreadsheets save trailing rows). */
    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
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
        try (BufferedReader buffered = new BufferedReader(in, 1 << 16)) {
            buffered.mark(1 << 16);
            String firstLine = buffered.readLine();
            buffered.reset();
            if (firstLine != null && firstLine.startsWith("\uFEFF")) {
                buffered.skip(1);
            }
            char delimiter = delimiter(firstLine == null ? "" : firstLine);
            CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setDelimiter(delimiter).setIgnoreSurroundingSpaces(false).get().parse(buffered);
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
                if (blank(record)) {
                    continue;
                }
                if (!record.isConsistent()) {
                    problems.add(new ImportReport.Problem(line, null,
                            I18n.tr("csv.wrongFieldCount", record.size(), header.size())));
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : header) {
                    row.put(column, CsvCells.unescape(record.get(column)));
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
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            ImportReport.Problem problem = quotingProblem(e);
            problems.add(problem != null ? problem
                    : new ImportReport.Problem(0, null, I18n.tr("csv.unreadable", e.getMessage())));
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
            if (!header.contains(column) && !schema.optionalColumns().contains(column)) {
                problems.add(new ImportReport.Problem(1, column, I18n.tr("csv.missingColumn", column)));
            }
        }
    }
}
