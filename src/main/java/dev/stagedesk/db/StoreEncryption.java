package dev.stagedesk.db;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.h2.api.ErrorCode;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional encryption of the store at rest with H2's AES file encryption.
 *
 * <p>H2 derives the file key from the password with only 10 PBKDF2 rounds and splits its password at the first
 * space, so the passphrase is first stretched with Argon2id (about 64 MiB, 3 passes) into a hex string: guessing
 * passphrases against a stolen laptop's store costs what guessing sign-in passwords does.
 *
 * <p>Changing the encryption (plain to encrypted, a new passphrase, or back to plain) works on the closed store:
 * it copies the file aside, converts it, reopens it with the new passphrase and compares every table's row
 * count and the audit chain's head with the original. Only then is the copy deleted; on any failure the copy
 * is put back and the store is as it was.
 */
public final class StoreEncryption {
    private static final Logger LOG = LoggerFactory.getLogger(StoreEncryption.class);
    private static final byte[] HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SALT = "stagedesk-store-key-v1".getBytes(StandardCharsets.US_ASCII);
    public static final int MIN_PASSPHRASE = 10;

    private StoreEncryption() {
    }

    public static Path storeFile(DataFolder folder) {
        return folder.storeBase().resolveSibling(folder.storeBase().getFileName() + ".mv.db");
    }

    /** Whether the store file exists and is encrypted (H2 starts encrypted files with a plain header). */
    public static boolean isEncrypted(DataFolder folder) {
        Path file = storeFile(folder);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file password H2 gets for a passphrase (see the class comment). */
    static String fileKey(char[] passphrase) {
        byte[] key = new byte[32];
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(SALT).withMemoryAsKB(64 * 1024)
                .withIterations(3).withParallelism(1).build());
        gen.generateBytes(passphrase, key);
        return HexFormat.of().formatHex(key);
    }

    /** H2 URL options and password for opening the store with {@code passphrase} (null: not encrypted). */
    static String urlOptions(char[] passphrase) {
        return passphrase == null ? "" : ";CIPHER=AES";
    }

    static String password(char[] passphrase) {
        // H2 takes "<file password> <user password>"; the user password is empty
        return passphrase == null ? "" : fileKey(passphrase) + " ";
    }

    /** Checks a new passphrase and its repetition; the message names the field. */
    public static void validateNew(char[] passphrase, char[] repeat) {
        Validator v = new Validator();
        v.check(passphrase != null && passphrase.length >= MIN_PASSPHRASE, "passphrase",
                I18n.tr("encryption.passphraseShort", MIN_PASSPHRASE));
        v.check(repeat == null || Arrays.equals(passphrase, repeat), "repeatPassphrase", I18n.tr("encryption.differ"));
        v.throwIfAny();
    }

    /**
     * Converts the closed store from {@code current} to {@code next} (either null for "not encrypted"), keeping
     * a copy until the converted store is verified.
     */
    public static void change(DataFolder folder, char[] current, char[] next) {
        Path store = storeFile(folder);
        if (!Files.isRegularFile(store)) {
            throw new UserFacingException(I18n.tr("encryption.noStore", folder));
        }
        if ((current != null) != isEncrypted(folder)) {
            throw new UserFacingException(I18n.tr(current == null ? "encryption.isEncrypted" : "encryption.notEncrypted"));
        }
        Map<String, String> before = fingerprint(folder, current);
        Path copy = store.resolveSibling(store.getFileName() + ".before-encryption-change");
        try {
            Files.copy(store, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the store aside: " + e.getMessage(), e);
        }
        try {
            String dir = store.getParent().toAbsolutePath().toString();
            String name = folder.storeBase().getFileName().toString();
            ChangeFileEncryption.execute(dir, name, "AES", current == null ? null : fileKey(current).toCharArray(),
                    next == null ? null : fileKey(next).toCharArray(), true);
            Map<String, String> after = fingerprint(folder, next);
            if (!after.equals(before)) {
                throw new IllegalStateException("The converted store differs from the original: " + before + " / " + after);
            }
            Files.delete(copy);
            LOG.info("Store encryption changed in {}: now {}", folder, next == null ? "not encrypted" : "AES");
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                Files.move(copy, store, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw new IllegalStateException("Could not change the store's encryption; the store is unchanged: "
                    + e.getMessage(), e);
        }
    }

    /** Row count of every table and the audit chain's head: what must survive a conversion unchanged. */
    private static Map<String, String> fingerprint(DataFolder folder, char[] passphrase) {
        String url = "jdbc:h2:file:" + folder.storeBase().toAbsolutePath() + urlOptions(passphrase) + ";ACCESS_MODE_DATA=r";
        Map<String, String> m = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "sa", password(passphrase));
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM PUBLIC.\"" + t + "\"")) {
                    rs.next();
                    m.put(t, Long.toString(rs.getLong(1)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                m.put("audit head", rs.next() ? String.valueOf(rs.getString(1)) : "");
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        return m;
    }

    /** A wrong passphrase becomes a message a person understands; anything else stays an error. */
    public static RuntimeException translate(SQLException e) {
        if (e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1 || e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
            return new UserFacingException(I18n.tr("encryption.wrongPassphrase"));
        }
        return new IllegalStateException(e.getMessage(), e);
    }
}
