package dev.stagedesk.app;

import dev.stagedesk.cli.Cli;
import dev.stagedesk.db.DataFolder;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import javafx.application.Application;

/**
 * {@code java -jar stagedesk.jar [--data DIR] [COMMAND]}: with a command, runs it without starting the GUI
 * toolkit; without one, opens the console.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        DataFolder folder = DataFolder.resolve(dataOption(args));
        System.setProperty("stagedesk.logdir", folder.logs().toString());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Cli.Outcome outcome = Cli.run(args, out, err, System.getenv(), new CliStores());
        if (!outcome.openGui()) {
            System.exit(outcome.exitCode());
        }
        Application.launch(StagedeskApp.class, "--data=" + folder.path());
    }

    /** The --data value, read before logging starts so the log goes to the right folder. */
    static String dataOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--data=")) {
                return args[i].substring("--data=".length());
            }
        }
        return null;
    }
}
