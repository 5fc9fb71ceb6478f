package dev.stagedesk.cli;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.I18n;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.PermissionDeniedException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes every live record of a kind as RFC 4180 CSV (UTF-8, header row). See docs/CSV.md.")
final class ExportCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "KIND", description = "clients, venues, performers, packages, inquiries, bookings, assignments, "
            + "payouts, expenses, overhead, payments, invoices or journal.")
    String kind;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(names = "--from", paramLabel = "DATE", description = "First day of a period (payments, invoices, payouts, "
            + "expenses, overhead, journal).")
    java.time.LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the period.")
    java.time.LocalDate to;

    @Option(names = "--basis", defaultValue = "accrual",
            description = "payouts: cash (paid in the period) or accrual (gigs in the period; default).")
    String basis;

    @Override
    protected int run(AppContext app, Actor actor) throws Exception {
        CsvSchema schema = app.csvSchemas().get(kind);
        if (schema == null) {
            err().println(I18n.tr("cli.unknownKind", kind, String.join(", ", app.csvSchemas().keySet())));
            return 2;
        }
        if (!actor.can(Permission.DATA_EXPORT)) {
            throw new PermissionDeniedException(Permission.DATA_EXPORT);
        }
        if (schema.alsoNeeds() != null && !actor.can(schema.alsoNeeds())) {
            throw new PermissionDeniedException(schema.alsoNeeds());
        }
        dev.stagedesk.csv.Period period = new dev.stagedesk.csv.Period(from, to, basis);
        if (!period.all() && !schema.periodic()) {
            err().println(I18n.tr("cli.export.noPeriod", kind));
            return 2;
        }
        if (out == null) {
            app.csv.export(schema, period, out());
            out().flush();
            return 0;
        }
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        int rows;
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            rows = app.csv.export(schema, period, w);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        err().println(I18n.tr("cli.export.done", rows, kind, out));
        return 0;
    }
}
