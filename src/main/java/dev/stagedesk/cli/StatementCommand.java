package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Validator;
import dev.stagedesk.document.AtomicFile;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.payout.PerformerStatements;
import dev.stagedesk.performer.PerformerRepository;
import dev.stagedesk.security.Actor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "statement", mixinStandardHelpOptions = true,
        description = "A performer's statement for a period (gigs, gross payouts, commission, withholding, personal "
                + "expenses, net take-home) as PDF or CSV.")
final class StatementCommand extends StoreCommand<CliStore.Statements> {
    @Parameters(index = "0", paramLabel = "PERFORMER", description = "The performer's stage name.")
    String performer;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, YYYY-MM-DD.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, YYYY-MM-DD.")
    LocalDate to;

    @Option(names = "--format", defaultValue = "pdf", description = "pdf or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    StatementCommand() {
        super(CliStore::statements);
    }

    @Override
    protected int run(CliStore.Statements app, Actor actor) throws Exception {
        if (!format.equals("pdf") && !format.equals("csv")) {
            err().println(I18n.tr("cli.statement.format", format));
            return 2;
        }
        var v = new Validator();
        UUID id = PerformerRepository.byStageName(app.database().dsl(), performer, "performer", v);
        if (id == null) {
            err().println(v.errors().get(0).message());
            return 2;
        }
        PerformerStatements.Statement s = app.statements().statement(actor, id, from, to);
        if (format.equals("csv")) {
            AtomicFile.writeText(out, w -> PerformerStatements.writeCsv(s, w));
        } else {
            AtomicFile.write(out, o -> app.statements().writePdf(s, o));
        }
        s.totals().forEach(t -> out().println(I18n.tr("cli.statement.total", t.currency(),
                MoneyFormat.plain(t.grossMinor(), Currencies.require(t.currency())),
                MoneyFormat.plain(t.netMinor(), Currencies.require(t.currency())))));
        err().println(I18n.tr("cli.statement.done", s.gigs().size(), s.expenses().size(), out));
        return 0;
    }
}
