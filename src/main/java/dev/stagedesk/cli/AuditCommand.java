package dev.stagedesk.cli;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.I18n;
import dev.stagedesk.security.Actor;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks the audit log's hash chain: \"intact\", or the first entry where it breaks (exit 2).")
    static final class Verify extends StoreCommand {
        @Override
        protected int run(AppContext app, Actor actor) {
            Optional<Long> broken = app.auditLog.firstBrokenEntry();
            if (broken.isPresent()) {
                err().println(I18n.tr("audit.broken", broken.get()));
                return 2;
            }
            out().println(I18n.tr("audit.intact", app.auditLog.count()));
            return 0;
        }
    }
}
