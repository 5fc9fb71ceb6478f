package dev.stagedesk.app;

import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.StoreEncryption;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.SettingsService;

/**
 * Encrypts the store, changes its passphrase or removes its encryption, for the console and the command line
 * alike: checks the actor, closes the open store, converts and verifies it (StoreEncryption), reopens it and
 * records the change in the audit log. On failure the store is reopened as it was and the error rethrown.
 */
public final class StoreConversion {
    private StoreConversion() {
    }

    /**
     * @param open    the open store; closed by this call
     * @param current the store's passphrase now (null: not encrypted)
     * @param next    the new passphrase (null: store it unencrypted)
     * @return the store reopened with {@code next}
     */
    public static AppContext change(AppContext open, Actor actor, char[] current, char[] next) {
        actor.require(Permission.SETTINGS_EDIT);
        if (next != null) {
            StoreEncryption.validateNew(next, null);
        }
        DataFolder folder = open.folder;
        open.close();
        try {
            StoreEncryption.change(folder, current, next);
        } catch (RuntimeException e) {
            throw new ReopenedAfterFailure(AppContext.open(folder, current), e);
        }
        AppContext reopened = AppContext.open(folder, next);
        reopened.bus.execute(actor, new SettingsService.RecordStoreEncryption(next != null));
        return reopened;
    }

    /** The conversion failed; the store is unchanged and open again as {@link #store()}. */
    public static final class ReopenedAfterFailure extends RuntimeException {
        private final transient AppContext store;

        ReopenedAfterFailure(AppContext store, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.store = store;
        }

        public AppContext store() {
            return store;
        }
    }
}
