package dev.stagedesk.db;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: an H2 file in the data folder, migrated by Flyway at every open, queried with jOOQ.
 *
 * <p>Durability: H2 otherwise writes committed transactions to disk up to 500 ms later (WRITE_DELAY). A save
 * the user saw succeed must survive the process being killed, so the store opens with WRITE_DELAY=0: each
 * commit is handed to the operating system before the command returns. H2 can still miss the newest of those
 * commits when it opens a store after a kill; {@link CrashRecovery} finds them first. Measured cost and the
 * SIGKILL proof are in docs/BENCHMARKS.md and DurabilityTest.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * H2's page cache. Its default (16 MB) is far below the working set of a large store: lists and reports over
     * a 1M-booking store re-read pages from disk. 128 MB fits a desktop comfortably.
     */
    static final int CACHE_KB = 128 * 1024;

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final String url;
    private final CrashRecovery crashRecovery;
    private boolean closed;

    private Database(JdbcConnectionPool pool, String url, CrashRecovery crashRecovery) {
        this.pool = pool;
        this.url = url;
        this.crashRecovery = crashRecovery;
        this.dsl = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false));
    }

    /** Opens (creating if needed) and migrates the store of a data folder. */
    public static Database open(DataFolder folder) {
        return open(folder, null);
    }

    /**
     * Opens an encrypted store with its passphrase (null for a plain store). A wrong passphrase is a
     * {@link dev.stagedesk.common.UserFacingException} ("The passphrase is not right").
     */
    public static Database open(DataFolder folder, char[] passphrase) {
        if (passphrase == null && StoreEncryption.isEncrypted(folder)) {
            throw new UserFacingException(I18n.tr("encryption.needed"));
        }
        String url = "jdbc:h2:file:" + folder.storeBase().toAbsolutePath() + ";WRITE_DELAY=0;CACHE_SIZE=" + CACHE_KB
                + StoreEncryption.urlOptions(passphrase);
        String password = StoreEncryption.password(passphrase);
        CrashRecovery recovery = new CrashRecovery(folder);
        if (recovery.previousSessionCrashed()) {
            recovery.recover(passphrase == null ? null : password.substring(0, password.indexOf(' ')));
        }
        Database db = openUrl(url, password, recovery);
        recovery.markOpen();
        return db;
    }

    /** Opens any H2 URL; tests and benchmarks use this to compare settings. */
    public static Database openUrl(String url) {
        return openUrl(url, "", null);
    }

    private static Database openUrl(String url, String password, CrashRecovery crashRecovery) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", password);
        pool.setMaxConnections(16);
        try (var probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreEncryption.translate(e);
        }
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        LOG.info("Store open: {}", url);
        return new Database(pool, url, crashRecovery);
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    /** The newest schema version this build knows (the highest migration on the class path). */
    public static String latestSchemaVersion() {
        var info = Flyway.configure().dataSource("jdbc:h2:mem:schema-probe", "sa", "")
                .locations("classpath:db/migration").load().info();
        String latest = null;
        for (var m : info.all()) {
            if (m.getVersion() != null) {
                latest = m.getVersion().getVersion();
            }
        }
        return latest;
    }

    /** The schema version of this store. */
    public String schemaVersion() {
        var current = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    /** A consistent copy of the open store as a zip (H2's online BACKUP), while others keep working. */
    public void backupTo(Path zip) {
        dsl.execute("BACKUP TO " + DSL.inline(zip.toAbsolutePath().toString()));
    }

    /**
     * Rewrites the store file without the space left behind by bulk writes (a demo store shrinks about tenfold)
     * and closes the store. Nothing may use this Database afterwards but {@link #close()}.
     */
    public void compactAndClose() {
        LOG.info("Compacting the store: {}", url);
        try (var conn = pool.getConnection(); var st = conn.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // H2 reports its own shutdown to the statement that asked for it
            if (e.getErrorCode() != ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                throw new IllegalStateException("Could not compact the store: " + e.getMessage(), e);
            }
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        pool.dispose();
        if (crashRecovery != null && !closed) {
            crashRecovery.markClosed();
        }
        closed = true;
        LOG.info("Store closed: {}", url);
    }
}
