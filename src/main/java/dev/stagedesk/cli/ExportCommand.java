package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Validator;
import dev.stagedesk.csv.CsvIo;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.csv.Period;
import dev.stagedesk.document.AtomicFile;
import dev.stagedesk.performer.PerformerRepository;
import dev.stagedesk.security.Actor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes every live record of a kind as RFC 4180 CSV (UTF-8, header row). See docs/CSV.md.",
                "KIND ics writes a schedule as an iCalendar file instead: the agency's, or one performer's with "
                        + "--performer (default range: 30 days back to a year ahead)."})
final class ExportCommand extends StoreCommand<CliStore.Files> {
    @Parameters(index = "0", paramLabel = "KIND", description = "clients, venues, performers, packages, inquiries, bookings, assignments, "
            + "payouts, expenses, overhead, payments, invoices, journal; or ics (a schedule, iCalendar).")
    String kind;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(names = "--from", paramLabel = "DATE", description = "First day of a period (payments, invoices, payouts, "
            + "expenses, overhead, journal).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the period.")
    LocalDate to;

    @Option(names = "--basis", defaultValue = "accrual",
            description = "payouts: cash (paid in the period) or accrual (gigs in the period; default).")
    String basis;

    @Option(names = "--performer", paramLabel = "NAME", description = "ics: this performer's schedule (stage name).")
    String performer;

    ExportCommand() {
        super(CliStore::files);
    }

    @Override
    protected int run(CliStore.Files app, Actor actor) throws Exception {
        if ("ics".equals(kind)) {
            return ics(app, actor);
        }
        CsvSchema schema = app.csvSchemas().get(kind);
        if (schema == null) {
            err().println(I18n.tr("cli.unknownKind", kind, String.join(", ", app.csvSchemas().keySet())));
            return 2;
        }
        // the screen's read permission, before any file is opened
        CsvIo.requireExportable(actor, schema);
        Period period = new Period(from, to, basis);
        if (!period.all() && !schema.periodic()) {
            err().println(I18n.tr("cli.export.noPeriod", kind));
            return 2;
        }
        if (out == null) {
            app.csv().export(actor, schema, period, out());
            out().flush();
            return 0;
        }
        int[] rows = new int[1];
        AtomicFile.writeText(out, w -> rows[0] = app.csv().export(actor, schema, period, w));
        // "Exported 1 client", "Exported 21,063 journal lines": the count in words that fit the kind
        String key = "cli.export.rows." + kind;
        String counted = I18n.tr(key, rows[0]);
        err().println(I18n.tr("cli.export.done", counted.equals(key) ? rows[0] + " " + kind : counted, out));
        return 0;
    }

    private int ics(CliStore.Files app, Actor actor) throws Exception {
        UUID performerId = null;
        if (performer != null) {
            var v = new Validator();
            performerId = PerformerRepository.byStageName(app.database().dsl(), performer,
                    "performer", v);
            if (performerId == null) {
                err().println(v.errors().get(0).message());
                return 2;
            }
        }
        var zone = app.settings().requireAgency().timeZone();
        LocalDate today = app.agencyToday();
        LocalDate first = from != null ? from : today.minusDays(30);
        LocalDate last = to != null ? to : today.plusDays(365);
        if (last.isBefore(first)) {
            err().println(I18n.tr("cli.rangeBackwards", first, last));
            return 2;
        }
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        if (out == null) {
            app.ics().write(actor, performerId, start, end, out());
            out().flush();
            return 0;
        }
        UUID performerFinal = performerId;
        int[] events = new int[1];
        AtomicFile.writeText(out, w -> events[0] = app.ics().write(actor, performerFinal, start,
                end, w));
        err().println(I18n.tr("ics.exported", events[0], out));
        return 0;
    }
}
