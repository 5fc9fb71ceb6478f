package dev.stagedesk.cli;

import dev.stagedesk.booking.AssignmentCsv;
import dev.stagedesk.common.I18n;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.csv.ImportReport;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Reads a CSV file with the export's columns. All or nothing: one bad row and nothing is written.")
final class ImportCommand extends StoreCommand<CliStore.Files> {
    @Parameters(index = "0", paramLabel = "KIND", description = "clients, venues, performers, packages, inquiries, bookings, assignments or expenses.")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file (UTF-8; comma- or semicolon-separated).")
    Path file;

    @Option(names = "--dry-run", description = "Check every row and report, but write nothing.")
    boolean dryRun;

    @Option(names = "--allow-conflicts", description = "Assignments only, admins only: save rows whose performer "
            + "has a conflict (double booking, blocked period, travel); each override is audited.")
    boolean allowConflicts;

    ImportCommand() {
        super(CliStore::files);
    }

    @Override
    protected int run(CliStore.Files app, Actor actor) throws Exception {
        CsvSchema schema = app.csvSchemas().get(kind);
        if (schema == null) {
            err().println(I18n.tr("cli.unknownKind", kind, String.join(", ", app.csvSchemas().keySet())));
            return 2;
        }
        if (!schema.importable()) {
            // payouts travel in the assignments file; the journal is worked out; the rest are written one at a time
            err().println(switch (kind) {
                case "payouts" -> I18n.tr("csv.exportOnly", kind, "assignments");
                case "journal" -> I18n.tr("csv.journalNotImportable");
                default -> I18n.tr("csv.notImportable", kind);
            });
            return 2;
        }
        if (allowConflicts) {
            if (!(schema instanceof AssignmentCsv assignments)) {
                err().println(I18n.tr("cli.import.allowConflictsOnly"));
                return 2;
            }
            actor.require(Permission.CONFLICTS_OVERRIDE);
            schema = assignments.allowingConflicts(I18n.tr("cli.import.overrideReason", file.getFileName()));
        }
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = app.csv().importCsv(actor, schema, in, dryRun);
        } catch (NoSuchFileException e) {
            err().println(I18n.tr("cli.import.noFile", file));
            return 2;
        }
        if (!report.ok()) {
            err().println(I18n.tr("cli.import.refused", file, report.problems().size()));
            report.problems().forEach(p -> err().println("  " + p));
            return 2;
        }
        out().println(I18n.tr(dryRun ? "cli.import.dryRun" : "cli.import.done", report.created() + report.updated(),
                kind, report.created(), report.updated()));
        return 0;
    }
}
