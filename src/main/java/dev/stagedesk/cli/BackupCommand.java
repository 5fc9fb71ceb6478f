package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.Agency;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Writes a consistent backup of the store and its attachments to a zip file (administrators).")
final class BackupCommand extends StoreCommand<CliStore.Backup> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (.zip).")
    Path out;

    BackupCommand() {
        super(CliStore::backup);
    }

    @Override
    protected int run(CliStore.Backup app, Actor actor) {
        var info = app.backups().backup(actor, out, app.settings().agency().map(Agency::name).orElse(""));
        out().println(I18n.tr("backup.done", out.toAbsolutePath(), info.schemaVersion()));
        return 0;
    }
}
