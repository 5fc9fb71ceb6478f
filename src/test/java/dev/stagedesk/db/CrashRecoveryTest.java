package dev.stagedesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open mark and the recovery scan; DurabilityTest shows the scan finding commits H2 alone would miss. */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void theOpenMarkExistsExactlyWhileTheStoreIsOpen() {
        DataFolder folder = new DataFolder(dir);
        CrashRecovery recovery = new CrashRecovery(folder);
        assertThat(recovery.previousSessionCrashed()).isFalse();
        try (Database db = Database.open(folder)) {
            assertThat(recovery.previousSessionCrashed()).as("what the next open sees if this process dies now")
                    .isTrue();
        }
        assertThat(recovery.previousSessionCrashed()).isFalse();
    }

    @Test
    void scansAPlainAndAnEncryptedStoreAndOpensThemAfterwards() {
        DataFolder folder = new DataFolder(dir);
        try (Database db = Database.open(folder)) {
            db.dsl().execute("CREATE TABLE recovery_probe(x INT)");
            db.dsl().execute("INSERT INTO recovery_probe VALUES (7)");
        }
        assertThat(new CrashRecovery(folder).recover(null)).isTrue();
        try (Database db = Database.open(folder)) {
            assertThat(db.dsl().fetchValue("SELECT x FROM recovery_probe")).isEqualTo(7);
        }

        char[] passphrase = "blue whale sings".toCharArray();
        StoreEncryption.change(folder, null, passphrase);
        assertThat(new CrashRecovery(folder).recover(StoreEncryption.fileKey("not the passphrase".toCharArray())))
                .as("a wrong key fails the scan and leaves the store alone").isFalse();
        assertThat(new CrashRecovery(folder).recover(StoreEncryption.fileKey(passphrase))).isTrue();
        try (Database db = Database.open(folder, passphrase)) {
            assertThat(db.dsl().fetchValue("SELECT x FROM recovery_probe")).isEqualTo(7);
        }
    }
}
