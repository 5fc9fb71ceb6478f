package dev.stagedesk.cli;

import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.InstanceLock;
import dev.stagedesk.db.StoreEncryption;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.UserService;
import java.io.Console;
import java.util.Map;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the store of the data folder: takes the folder's lock, opens, runs, closes. It is
 * handed the services it uses ({@code S}, one of {@link CliStore}'s records), not the whole store.
 */
abstract class StoreCommand<S> implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Function<CliStore, S> uses;

    StoreCommand(Function<CliStore, S> uses) {
        this.uses = uses;
    }

    @Override
    public final Integer call() throws Exception {
        StagedeskCommand root = (StagedeskCommand) spec.root().userObject();
        DataFolder folder = root.folder();
        try (InstanceLock lock = InstanceLock.acquire(folder); CliStore store = openStore(root, folder)) {
            Actor actor = signIn(store.users(), root.env);
            if (!root.languageGiven) {
                store.language(actor).ifPresent(I18n::use); // the language chosen in the console's Settings
            }
            return run(uses.apply(store), actor);
        }
    }

    /**
     * Who runs the command: the user named by STAGEDESK_USER / STAGEDESK_PASSWORD, or asked for on a
     * terminal. A store with no users yet (before {@code init} or {@code demo} created them) is run by its
     * owner, as the console's first-run welcome is.
     */
    static Actor signIn(UserService users, Map<String, String> env) {
        if (!users.hasUsers()) {
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
        return users.signIn(user, password);
    }

    /** Opens the folder's store; an encrypted one with STAGEDESK_PASSPHRASE or a prompt on a terminal. */
    static CliStore openStore(StagedeskCommand root, DataFolder folder) {
        return root.stores.open(folder, StoreEncryption.isEncrypted(folder) ? passphraseFrom(root.env) : null);
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

    protected abstract int run(S app, Actor actor) throws Exception;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
