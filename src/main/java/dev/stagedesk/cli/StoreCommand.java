package dev.stagedesk.cli;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.InstanceLock;
import dev.stagedesk.db.StoreEncryption;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.security.Actor;
import java.io.Console;
import java.util.Map;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the store of the data folder: takes the folder's lock, opens, runs, closes. */
abstract class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        StagedeskCommand root = (StagedeskCommand) spec.root().userObject();
        DataFolder folder = root.folder();
        try (InstanceLock lock = InstanceLock.acquire(folder); AppContext app = openStore(folder, root.env)) {
            Actor actor = signIn(app, root.env);
            if (!root.languageGiven) {
                app.settings.language(actor).ifPresent(I18n::use); // the language chosen in the console's Settings
            }
            return run(app, actor);
        }
    }

    /**
     * Who runs the command: the user named by STAGEDESK_USER / STAGEDESK_PASSWORD, or asked for on a
     * terminal. A store with no users yet (before {@code init} or {@code demo} created them) is run by its
     * owner, as the console's first-run welcome is.
     */
    static Actor signIn(AppContext app, Map<String, String> env) {
        if (!app.users.hasUsers()) {
            return Actor.owner();
        }
        Console console = System.console();
        String user = env.get("STAGEDESK_USER");
        if (user == null || user.isBlank()) {
            if (console == null) {
                throw new UserFacingException(I18n.tr("cli.signIn.needed"));
            }
            user = console.readLine(I18n.tr("cli.signIn.user"));
        }
        char[] password = passwordFrom(env, console, I18n.tr("cli.signIn.password"));
        return app.users.signIn(user, password);
    }

    /** Opens the folder's store; an encrypted one with STAGEDESK_PASSPHRASE or a prompt on a terminal. */
    static AppContext openStore(DataFolder folder, Map<String, String> env) {
        return AppContext.open(folder, StoreEncryption.isEncrypted(folder) ? passphraseFrom(env) : null);
    }

    static char[] passphraseFrom(Map<String, String> env) {
        String fromEnv = env.get("STAGEDESK_PASSPHRASE");
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UserFacingException(I18n.tr("cli.passphrase.needed"));
        }
        char[] typed = console.readPassword(I18n.tr("cli.passphrase.prompt"));
        return typed == null ? new char[0] : typed;
    }

    /** STAGEDESK_PASSWORD, or a prompt without echo on a terminal. */
    static char[] passwordFrom(Map<String, String> env, Console console, String prompt) {
        String fromEnv = env.get("STAGEDESK_PASSWORD");
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        if (console == null) {
            throw new UserFacingException(I18n.tr("cli.signIn.needed"));
        }
        char[] typed = console.readPassword(prompt);
        return typed == null ? new char[0] : typed;
    }

    protected abstract int run(AppContext app, Actor actor) throws Exception;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
