package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.ADMIN;
import static dev.stagedesk.cli.CliTest.PASSWORD;
import static dev.stagedesk.cli.CliTest.runAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.StoreEncryption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data at rest: encrypt a store, use it, change the passphrase, back it up and restore it, decrypt it. */
class EncryptCliTest {
    @TempDir
    Path tmp;

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>(ADMIN);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void encryptUseChangeBackUpRestoreAndDecrypt() throws Exception {
        Path store = tmp.resolve("store");
        String data = store.toString();
        assertThat(runAs(ADMIN, "--data", data, "demo", "--size", "small", "--password", PASSWORD).code()).isZero();
        String plain = runAs(ADMIN, "--data", data, "export", "clients").out();
        Path file = store.resolve("stagedesk.mv.db");
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).contains("Berlin");

        var tooShort = runAs(env("STAGEDESK_NEW_PASSPHRASE", "short"), "--data", data, "encrypt");
        assertThat(tooShort.code()).isEqualTo(2);
        assertThat(tooShort.err()).contains("at least 10 characters");
        assertThat(StoreEncryption.isEncrypted(new DataFolder(store))).isFalse();

        var encrypted = runAs(env("STAGEDESK_NEW_PASSPHRASE", "blue whale sings"), "--data", data, "encrypt");
        assertThat(encrypted.code()).as(encrypted.err()).isZero();
        assertThat(encrypted.out()).contains("is encrypted");
        assertThat(StoreEncryption.isEncrypted(new DataFolder(store))).isTrue();
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).doesNotContain("Berlin");
        assertThat(Files.list(store).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-encryption"));

        var noPassphrase = runAs(ADMIN, "--data", data, "export", "clients");
        assertThat(noPassphrase.code()).isEqualTo(2);
        assertThat(noPassphrase.err()).contains("STAGEDESK_PASSPHRASE");
        var wrong = runAs(env("STAGEDESK_PASSPHRASE", "grey whale sings"), "--data", data, "export", "clients");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("The passphrase is not right.");
        Map<String, String> open = env("STAGEDESK_PASSPHRASE", "blue whale sings");
        assertThat(runAs(open, "--data", data, "export", "clients").out()).isEqualTo(plain);
        assertThat(runAs(open, "--data", data, "audit", "verify").out()).contains("intact");

        var changed = runAs(env("STAGEDESK_PASSPHRASE", "blue whale sings", "STAGEDESK_NEW_PASSPHRASE",
                "green frog jumps"), "--data", data, "encrypt");
        assertThat(changed.code()).as(changed.err()).isZero();
        Map<String, String> reopened = env("STAGEDESK_PASSPHRASE", "green frog jumps");
        assertThat(runAs(reopened, "--data", data, "export", "clients").out()).isEqualTo(plain);
        assertThat(runAs(open, "--data", data, "export", "clients").code()).isEqualTo(2);

        Path zip = tmp.resolve("backup.zip");
        assertThat(runAs(reopened, "--data", data, "backup", "--out", zip.toString()).code()).isZero();
        Path other = tmp.resolve("restored");
        var restored = runAs(reopened, "--data", other.toString(), "restore", zip.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(StoreEncryption.isEncrypted(new DataFolder(other))).isTrue();
        assertThat(runAs(reopened, "--data", other.toString(), "export", "clients").out()).isEqualTo(plain);

        var removed = runAs(reopened, "--data", data, "encrypt", "--remove");
        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(StoreEncryption.isEncrypted(new DataFolder(store))).isFalse();
        assertThat(runAs(ADMIN, "--data", data, "export", "clients").out()).isEqualTo(plain);
        var audit = runAs(ADMIN, "--data", data, "audit", "verify");
        assertThat(audit.out()).contains("intact");

        var coordinator = runAs(Map.of("STAGEDESK_USER", "coordinator", "STAGEDESK_PASSWORD", PASSWORD,
                "STAGEDESK_NEW_PASSPHRASE", "blue whale sings"), "--data", data, "encrypt");
        assertThat(coordinator.code()).isEqualTo(2);
        assertThat(coordinator.err()).contains("You do not have permission to");
        assertThat(StoreEncryption.isEncrypted(new DataFolder(store))).isFalse();
    }

    @Test
    void aFailedConversionLeavesTheStoreAsItWas() throws Exception {
        Path store = tmp.resolve("s");
        assertThat(runAs(ADMIN, "--data", store.toString(), "demo", "--size", "small", "--password", PASSWORD).code())
                .isZero();
        String before = runAs(ADMIN, "--data", store.toString(), "export", "venues").out();
        DataFolder folder = new DataFolder(store);
        // claims a passphrase for a plain store: refused before anything is touched
        Assertions.assertThatThrownBy(() -> StoreEncryption.change(folder, "not the one".toCharArray(),
                "blue whale sings".toCharArray())).hasMessageContaining("not encrypted");
        StoreEncryption.change(folder, null, "blue whale sings".toCharArray());
        // a wrong current passphrase: the conversion fails and the copy is put back
        Assertions.assertThatThrownBy(() -> StoreEncryption.change(folder,
                "grey whale sings".toCharArray(), null)).hasMessageContaining("passphrase is not right");
        assertThat(StoreEncryption.isEncrypted(folder)).isTrue();
        assertThat(Files.list(store).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-encryption"));
        assertThat(runAs(env("STAGEDESK_PASSPHRASE", "blue whale sings"), "--data", store.toString(), "export", "venues")
                .out()).isEqualTo(before);
    }
}
