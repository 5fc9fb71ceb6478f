package dev.stagedesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open mark and the recovery scan; DurabilityTest shows the scan finding commits H2 alone would miss. */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void theOpenMarkExistsExactlyWhileTheStoreIsOpen() throws Exception {
        DataFolder folder = new DataFolder(dir);
        Path mark = dir.resolve("stagedesk.open");
        assertThat(new CrashRecovery(folder).previousSessionCrashed()).isFalse();
        try (Database db = Database.open(folder)) {
            assertThat(mark).as("what the next process sees if this one dies now").exists();
            assertThat(new CrashRecovery(folder).previousSessionCrashed())
                    .as("a second open in this process: the store is open, not crashed").isFalse();
            try (Database second = Database.open(folder)) {
                assertThat(second.dsl().fetchValue("SELECT 1")).isEqualTo(1);
            }
            assertThat(mark).as("still open through the first Database").exists();
        }
        assertThat(mark).doesNotExist();

        Files.writeString(mark, "left behind by a killed process");
        assertThat(new CrashRecovery(folder).previousSessionCrashed()).isTrue();
        try (Database db = Database.open(folder)) {
            assertThat(db.dsl().fetchValue("SELECT 1")).isEqualTo(1);
        }
        assertThat(mark).doesNotExist();
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
