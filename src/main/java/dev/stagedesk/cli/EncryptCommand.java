package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.InstanceLock;
import dev.stagedesk.db.StoreEncryption;
import dev.stagedesk.security.Actor;
import java.io.Console;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = {"Encrypts the store with a passphrase (AES), or gives an encrypted store a new passphrase "
                + "(administrators). The store is converted, reopened and checked before the old file is removed.",
            "The new passphrase comes from STAGEDESK_NEW_PASSPHRASE or is asked for twice on a terminal; the current "
                + "one of an encrypted store from STAGEDESK_PASSPHRASE or a prompt."})
final class EncryptCommand implements Callable<Integer> {
    @Option(names = "--remove", description = "Store the data unencrypted again.")
    boolean remove;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        StagedeskCommand root = (StagedeskCommand) spec.root().userObject();
        DataFolder folder = root.folder();
        try (InstanceLock lock = InstanceLock.acquire(folder)) {
            boolean encrypted = StoreEncryption.isEncrypted(folder);
            if (remove && !encrypted) {
                throw new UserFacingException(I18n.tr("encryption.notEncrypted"));
            }
            char[] current = encrypted ? StoreCommand.passphraseFrom(root.env) : null;
            CliStore store = root.stores.open(folder, current);
            try {
                Actor actor = StoreCommand.signIn(store.users(), root.env);
                char[] next = remove ? null : newPassphrase(root.env);
                store = store.changeEncryption(actor, current, next);
            } finally {
                store.close();
            }
            spec.commandLine().getOut().println(I18n.tr(remove ? "cli.encrypt.removed" : encrypted
                    ? "cli.encrypt.changed" : "cli.encrypt.done", folder));
            return 0;
        }
    }

    private static char[] newPassphrase(Map<String, String> env) {
        String fromEnv = env.get("STAGEDESK_NEW_PASSPHRASE");
        if (fromEnv != null) {
            StoreEncryption.validateNew(fromEnv.toCharArray(), null);
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UserFacingException(I18n.tr("cli.encrypt.newNeeded"));
        }
        char[] first = console.readPassword(I18n.tr("cli.encrypt.newPrompt"));
        char[] again = console.readPassword(I18n.tr("cli.encrypt.repeatPrompt"));
        StoreEncryption.validateNew(first, again);
        return first;
    }
}
