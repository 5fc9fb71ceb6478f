package dev.stagedesk.cli;

import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.UserFacingException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs the command line. Exit status: 0 success, 2 bad input or a refused operation (message on stderr), 1 an
 * internal error (details in the log file).
 */
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    /** What {@link #run} decided: an exit code, or that the console should open. */
    public record Outcome(int exitCode, boolean openGui, StagedeskCommand root) {
    }

    private Cli() {
    }

    /**
     * Runs one command line. {@code stores}: how commands open the data folder's store (the composition root's
     * {@code app.CliStores}). Its messages speak --lang, else STAGEDESK_LANG, else the signed-in user's choice, else
     * the system's language; the language before is restored afterwards.
     */
    public static Outcome run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
                              CliStore.Opener stores) {
        Language before = I18n.language();
        try {
            return execute(args, out, err, env, stores);
        } finally {
            I18n.use(before);
        }
    }

    private static Outcome execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
                                   CliStore.Opener stores) {
        StagedeskCommand root = new StagedeskCommand();
        root.env = env;
        root.stores = stores;
        Optional<Language> fromEnv = Language.ofCode(env.get("STAGEDESK_LANG"));
        fromEnv.ifPresent(I18n::use);
        root.languageGiven = fromEnv.isPresent();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        // picocli's own UUID conversion is the JDK's lenient one: a mistyped id would name another record
        cl.registerConverter(UUID.class, text -> {
            UUID id = Parse.strictUuid(text == null ? null : text.strip());
            if (id == null) {
                throw new CommandLine.TypeConversionException(I18n.tr("validation.uuid", text));
            }
            return id;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = unwrap(e);
            if (cause instanceof UserFacingException) {
                commandLine.getErr().println(cause.getMessage());
                LOG.info("Refused: {}", cause.getMessage());
                return 2;
            }
            LOG.error("Internal error running {}", String.join(" ", args), e);
            commandLine.getErr().println(I18n.tr("cli.internalError", String.valueOf(cause.getMessage())));
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return new Outcome(code, root.guiRequested && code == 0, root);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (!(t instanceof UserFacingException) && t.getCause() != null && t.getCause() != t) {
            if (t instanceof CommandBus.BatchItemException || t instanceof RuntimeException
                    && t.getCause() instanceof UserFacingException) {
                t = t.getCause();
            } else {
                break;
            }
        }
        return t;
    }
}
