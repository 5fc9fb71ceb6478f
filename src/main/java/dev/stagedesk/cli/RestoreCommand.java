package dev.stagedesk.cli;

import dev.stagedesk.audit.AnchorSet;
import dev.stagedesk.backup.AuditAnchors;
import dev.stagedesk.backup.BackupService;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.InstanceLock;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.PermissionDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replaces the data folder's store with a backup (administrators). The current store is kept "
                + "until the restored one has opened and checked out.")
final class RestoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A backup written by 'backup' or the console.")
    Path file;

    @Option(names = "--force", description = "Replace a store that already holds data.")
    boolean force;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        StagedeskCommand root = (StagedeskCommand) spec.root().userObject();
        DataFolder folder = root.folder();
        try (InstanceLock lock = InstanceLock.acquire(folder)) {
            BackupService.BackupInfo info = BackupService.inspect(file);
            if (Files.exists(folder.path().resolve("stagedesk.mv.db"))) {
                try (CliStore store = StoreCommand.openStore(root, folder)) {
                    CliStore.Restore current = store.restore();
                    Actor actor = StoreCommand.signIn(current.users(), root.env);
                    if (!actor.can(Permission.BACKUP_RESTORE)) {
                        throw new PermissionDeniedException(Permission.BACKUP_RESTORE);
                    }
                    if (!force && (current.users().hasUsers() || DemoDataService.businessRows(current.database().dsl()) > 0)) {
                        throw new UserFacingException(I18n.tr("restore.notEmpty", folder));
                    }
                }
            }
            BackupService.restoreInto(file, folder, () -> {
                try (CliStore store = StoreCommand.openStore(root, folder)) {
                    CliStore.Restore restored = store.restore();
                    restored.auditLog().firstBrokenEntry().ifPresent(n -> {
                        throw new UserFacingException(I18n.tr("restore.auditBroken", n));
                    });
                    // the head the backup's manifest recorded must be in the restored store, unchanged
                    AuditAnchors.inBackup(file).ifPresent(anchor -> {
                        var check = restored.auditLog().verify(new AnchorSet(List.of(anchor), AuditAnchors.FILE, 0,
                                AuditAnchors.BACKUPS, 1, 0, null, List.of()));
                        if (!check.ok()) {
                            throw new UserFacingException(I18n.tr("restore.anchorMismatch", file, anchor.seq()));
                        }
                    });
                    restored.backups().anchors().recordRestore("restore " + file.getFileName());
                }
            });
            spec.commandLine().getOut().println(I18n.tr("restore.done", info.agency(), info.createdAt(), folder));
            return 0;
        }
    }
}
