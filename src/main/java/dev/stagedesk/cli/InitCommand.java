package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.settings.SettingsService;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Sets up a new store: the agency's name, base currency and time zone.")
final class InitCommand extends StoreCommand<CliStore.Setup> {
    @Option(names = "--agency", required = true, paramLabel = "NAME", description = "The agency's name.")
    String agency;

    @Option(names = "--currency", required = true, paramLabel = "CODE", description = "Base currency (ISO 4217, e.g. EUR).")
    String currency;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Time zone (default: this machine's, e.g. Europe/Berlin).")
    String timeZone;

    @Option(names = "--admin", required = true, paramLabel = "USER",
            description = "User name of the first administrator (password from STAGEDESK_PASSWORD, or asked).")
    String admin;

    InitCommand() {
        super(CliStore::setup);
    }

    @Override
    protected int run(CliStore.Setup app, Actor actor) {
        String zone = timeZone != null ? timeZone : ZoneId.systemDefault().getId();
        StagedeskCommand root = (StagedeskCommand) spec.root().userObject();
        char[] password = passwordFrom(root.env, System.console(), I18n.tr("cli.init.password", admin));
        var adminCommand = app.users().firstAdmin(admin, null, password);
        app.bus().executeAll(actor, List.of(new SettingsService.SetUpAgency(AgencyDraft.initial(agency, currency, zone)),
                adminCommand));
        var created = app.settings().requireAgency();
        out().println(I18n.tr("cli.init.done", created.name(), created.baseCurrency().getCurrencyCode(),
                created.timeZone().getId(), app.folder()));
        out().println(I18n.tr("cli.init.admin", admin));
        return 0;
    }
}
