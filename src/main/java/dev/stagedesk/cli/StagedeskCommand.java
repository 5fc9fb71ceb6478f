package dev.stagedesk.cli;

import dev.stagedesk.db.DataFolder;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stagedesk [--data DIR] [COMMAND]}: without a command, the console opens. */
@Command(name = "stagedesk", mixinStandardHelpOptions = true, version = "Stagedesk 0.1.0",
        description = "Operations console for performer-booking agencies. Without a command, opens the console.",
        subcommands = {InitCommand.class, DemoCommand.class, ExportCommand.class, ImportCommand.class,
            AuditCommand.class, BackupCommand.class, RestoreCommand.class, EncryptCommand.class, BenchCommand.class,
            QuoteCommand.class, StatementCommand.class, InvoiceCommand.class, CreditNoteCommand.class,
            PaymentCommand.class, ReportCommand.class, NotificationsCommand.class, SearchCommand.class,
            RouteCommand.class, PlaceCommand.Geocode.class, PlaceCommand.Radius.class, DueCommand.class})
public final class StagedeskCommand implements Runnable {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: STAGEDESK_DATA, else the platform's per-user data folder).")
    String data;

    boolean guiRequested;

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
