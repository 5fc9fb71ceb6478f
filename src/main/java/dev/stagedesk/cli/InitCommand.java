package dev.stagedesk.cli;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.I18n;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Sets up a new store: the agency's name, base currency and time zone.")
final class InitCommand extends StoreCommand {
    @Option(names = "--agency", required = true, paramLabel = "NAME", description = "The agency's name.")
    String agency;

    @Option(names = "--currency", required = true, paramLabel = "CODE", description = "Base currency (ISO 4217, e.g. EUR).")
    String currency;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Time zone (default: this machine's, e.g. Europe/Berlin).")
    String timeZone;

    @Override
    protected int run(AppContext app, Actor actor) {
        String zone = timeZone != null ? timeZone : ZoneId.systemDefault().getId();
        var created = app.settings.setUp(actor, AgencyDraft.initial(agency, currency, zone));
        out().println(I18n.tr("cli.init.done", created.name(), created.baseCurrency().getCurrencyCode(),
                created.timeZone().getId(), app.folder));
        return 0;
    }
}
