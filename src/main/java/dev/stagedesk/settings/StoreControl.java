package dev.stagedesk.settings;

/** What the console offers Settings about the store file itself (its encryption); the app implements it. */
public interface StoreControl {
    /** For screens shown without the application around them (tests of other features). */
    StoreControl NONE = new StoreControl() {
        @Override
        public boolean encrypted() {
            return false;
        }

        @Override
        public boolean isCurrentPassphrase(char[] passphrase) {
            return false;
        }

        @Override
        public void changeEncryption(char[] next) {
            throw new UnsupportedOperationException("no store control here");
        }
    };

    boolean encrypted();

    /** Whether this is the passphrase the store was opened with. */
    boolean isCurrentPassphrase(char[] passphrase);

    /**
     * Converts the store to {@code next} (null: unencrypted) in the background; the console closes the store,
     * converts and verifies it, and reopens on it (or, if it fails, on the unchanged store with a message).
     */
    void changeEncryption(char[] next);
}
