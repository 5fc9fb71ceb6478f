package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.schedule.DueRulesService;
import dev.stagedesk.security.Actor;
import picocli.CommandLine.Command;

/**
 * Runs the rules that are due once, as the console's minute timer does ({@link DueRulesService}), and prints
 * what each did. Exit 0; 2 refused (the user may not run them); 1 a rule failed (the others still ran).
 */
@Command(name = "due", mixinStandardHelpOptions = true,
        description = "Runs the rules that are due once (holds, follow-ups, notices, recurring expenses, overdue "
                + "payments) and prints what each did. Exit 1 if a rule failed; the others still run.")
final class DueCommand extends StoreCommand<CliStore.Rules> {
    DueCommand() {
        super(CliStore::rules);
    }

    @Override
    protected int run(CliStore.Rules app, Actor actor) {
        DueRulesService.Report report = app.dueRules().runDue(actor);
        out().println(I18n.tr("due.header", report.at(), report.today(), report.zone()));
        long failed = 0;
        for (DueRulesService.Outcome o : report.outcomes()) {
            String what = o.failed() ? I18n.tr("due.failed", o.failure()) : I18n.tr("due.rule." + o.rule());
            out().println(String.join("\t", o.rule(), o.failed() ? "-" : Integer.toString(o.count()), what));
            if (o.failed()) {
                failed++;
            }
        }
        if (failed > 0) {
            err().println(I18n.tr("due.someFailed", failed, report.outcomes().size()));
            return 1;
        }
        return 0;
    }
}
