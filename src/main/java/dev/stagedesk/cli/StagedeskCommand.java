package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import dev.stagedesk.db.DataFolder;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stagedesk [--data DIR] [COMMAND]}: without a command, the console opens. */
@Command(name = "stagedesk", mixinStandardHelpOptions = true, version = "Stagedesk 0.1.0",
        description = "Operations console for performer-booking agencies. Without a command, opens the console.",
        subcommands = {InitCommand.class, DemoCommand.class, ExportCommand.class, ImportCommand.class,
            AuditCommand.class, BackupCommand.class, RestoreCommand.class, EncryptCommand.class, BenchCommand.class,
            QuoteCommand.class, StatementCommand.class, InvoiceCommand.class, CreditNoteCommand.class,
            PaymentCommand.class, ReportCommand.class, NotificationsCommand.class, SearchCommand.class,
            RouteCommand.class, PlaceCommand.Geocode.class, PlaceCommand.Radius.class, DueCommand.class,
            ServeCommand.class, SyncCommand.class})
public final class StagedeskCommand implements Runnable {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: STAGEDESK_DATA, else the platform's per-user data folder).")
    String data;

    boolean guiRequested;

    @Spec
    CommandSpec spec;

    /** Whether --lang or STAGEDESK_LANG named the language (else the signed-in user's choice of Settings counts). */
    boolean languageGiven;

    /** Messages in this language: {@code en} or {@code de} (read as the option is parsed, so before the command runs). */
    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of messages: en or de (default: STAGEDESK_LANG, else the signed-in user's choice in "
                    + "Settings, else the system's).")
    void language(String code) {
        I18n.use(Language.ofCode(code).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), I18n.tr("validation.oneOf", code, String.join(", ", Language.codes())))));
        languageGiven = true;
    }

    /** The process environment (tests pass their own). */
    Map<String, String> env = Map.of();

    /** Opens the data folder's store (the composition root's, given to {@link Cli#run}). */
    CliStore.Opener stores;

    @Override
    public void run() {
        guiRequested = true;
    }

    public DataFolder folder() {
        return DataFolder.resolve(data);
    }
}
