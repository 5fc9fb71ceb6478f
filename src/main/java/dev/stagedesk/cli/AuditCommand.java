package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.security.Actor;
import dev.stagedesk.audit.AnchorSet;
import dev.stagedesk.audit.AuditAnchor;
import dev.stagedesk.audit.AuditVerification;
import dev.stagedesk.backup.AuditAnchors;
import dev.stagedesk.backup.BackupService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks the audit log's hash chain and compares it with the anchors outside the store "
                    + "(DATA/audit-anchors, the manifests of the backups in DATA/backups and of each --backup FILE).",
                    "Exit 2 when the chain breaks, an anchored entry is missing (truncation) or differs (rewrite)."})
    static final class Verify extends StoreCommand<CliStore.Audit> {
        @CommandLine.Option(names = "--backup", paramLabel = "FILE",
                description = "Also compare with the head recorded in this backup (one kept elsewhere); repeatable.")
        List<Path> backups = new ArrayList<>();

        Verify() {
            super(CliStore::audit);
        }

        @Override
        protected int run(CliStore.Audit app, Actor actor) {
            AnchorSet found = app.backups().anchors().collect();
            List<AuditAnchor> anchors = new ArrayList<>(found.anchors());
            int fromFiles = 0;
            for (Path file : backups) {
                BackupService.inspect(file);
                Optional<AuditAnchor> a = AuditAnchors.inBackup(file);
                if (a.isEmpty()) {
                    err().println(I18n.tr("audit.verify.backupWithoutAnchor", file));
                    continue;
                }
                anchors.add(a.get());
                fromFiles++;
            }
            AuditVerification v = app.auditLog().verify(new AnchorSet(anchors, found.fileName(), found.fromFile(),
                    found.backupsFolder(), found.fromBackups() + fromFiles, found.superseded(), found.restoredAt(),
                    found.unreadableLines()));
            (v.ok() ? out() : err()).println(String.join(System.lineSeparator(), v.lines()));
            return v.ok() ? 0 : 2;
        }
    }
}
