package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.demo.DemoSummary;
import dev.stagedesk.demo.DemoUsers;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.UserService;
import java.util.List;
import dev.stagedesk.settings.AgencyDraft;
import java.time.ZoneId;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fills the store with realistic demo data (deterministic for a seed).")
final class DemoCommand extends StoreCommand<CliStore.Demo> {
    @Option(names = "--size", defaultValue = "small", paramLabel = "SIZE",
            description = "small (about 50 bookings), medium (2k), large (50k) or xl (1M). Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--password", defaultValue = "stagedesk-demo", paramLabel = "PASSWORD",
            description = "Password of the demo users (one per role) created in a store without users. Default: ${DEFAULT-VALUE}.")
    String password;

    @Option(names = "--force", description = "Replace the clients, venues, performers and bookings already in the store.")
    boolean force;

    DemoCommand() {
        super(CliStore::demo);
    }

    @Override
    protected int run(CliStore.Demo app, Actor actor) {
        DemoSize demoSize;
        try {
            demoSize = DemoSize.valueOf(size.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err().println(I18n.tr("cli.demo.badSize", size));
            return 2;
        }
        boolean createUsers = !app.users().hasUsers();
        if (createUsers && password.length() < UserService.MIN_PASSWORD) {
            err().println(I18n.tr("user.passwordShort", UserService.MIN_PASSWORD) + " (--password)");
            return 2;
        }
        if (app.settings().agency().isEmpty()) {
            app.settings().setUp(actor, AgencyDraft.initial("Demo Agency", "EUR", ZoneId.systemDefault().getId()));
        }
        boolean terminal = System.console() != null;
        DemoDataService.Progress progress = !terminal ? DemoDataService.Progress.NONE : (phase, done, total) -> {
            err().printf("\r%-12s %,d / %,d   ", phase, done, total);
            err().flush();
        };
        long start = System.nanoTime();
        DemoSummary summary = app.demo().generate(actor, demoSize.plan(), seed, force, progress);
        if (terminal) {
            err().println();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        out().println(I18n.tr("cli.demo.done", demoSize.name().toLowerCase(Locale.ROOT), seed, ms / 1000.0));
        summary.counts().forEach((kind, count) -> out().printf("  %-26s %,d%n", kind, count));
        if (createUsers) {
            var firstPerformer = app.performerQuery().page(actor, PageRequest.first(1), true).rows();
            List<String> names = DemoUsers.create(app.users(), actor,
                    firstPerformer.isEmpty() ? null : firstPerformer.get(0).id(), password.toCharArray());
            out().println(I18n.tr("cli.demo.users", String.join(", ", names), password));
        }
        if (demoSize.compareTo(DemoSize.LARGE) >= 0) {
            // bulk loading leaves most of the file as free space; give it back (takes seconds to a minute)
            if (terminal) {
                err().println(I18n.tr("cli.demo.compacting"));
            }
            app.database().compactAndClose();
        }
        return 0;
    }
}
