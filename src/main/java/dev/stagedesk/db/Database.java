package dev.stagedesk.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
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
 *
 * <p>The sync endpoint opens one store per agency, each in its own schema, on PostgreSQL or H2
 * ({@link #open(JdbcTarget)}, {@link #openSchema}): the same migrations translated per {@link Vendor}, the same
 * jOOQ classes, every connection with the agency's schema current.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * H2's page cache. Its default (16 MB) is far below the working set of a large store: lists and reports over
     * a 1M-booking store re-read pages from disk. 128 MB fits a desktop comfortably.
     */
    static final int CACHE_KB = 128 * 1024;

    private final DataSource dataSource;
    /** Gives the pool back (disposes it), or nothing when the pool is someone else's. */
    private final Runnable release;
    private final Vendor vendor;
    /** The agency's schema, or null for the desktop's store (H2's PUBLIC). */
    private final String schema;
    private final DSLContext dsl;
    private final String url;
    private final CrashRecovery crashRecovery;
    private boolean closed;

    private Database(DataSource dataSource, Runnable release, Vendor vendor, String schema, String url,
                     CrashRecovery crashRecovery) {
        this.dataSource = dataSource;
        this.release = release;
        this.vendor = vendor;
        this.schema = schema;
        this.url = url;
        this.crashRecovery = crashRecovery;
        this.dsl = DSL.using(dataSource, vendor.dialect(), vendor.settings());
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
            flyway(pool, Vendor.H2, null).migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        LOG.info("Store open: {}", url);
        return new Database(pool, pool::dispose, Vendor.H2, null, url, crashRecovery);
    }

    /**
     * Opens (creating and migrating) one schema of a database given by its JDBC URL, with a pool of its own: an
     * agency's store on PostgreSQL ({@code jdbc:postgresql://...}, a HikariCP pool whose connections start with
     * the schema as their search path) or on H2. Closing the Database closes the pool.
     */
    public static Database open(JdbcTarget target) {
        Vendor vendor = target.vendor();
        if (vendor == Vendor.H2) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(target.url(), target.user(), target.password());
            pool.setMaxConnections(Math.max(2, target.maxConnections()));
            return openOwned(pool, pool::dispose, vendor, target.schema(), target.url());
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        // Flyway holds two connections while it migrates (its lock, the migration)
        config.setMaximumPoolSize(Math.max(2, target.maxConnections()));
        config.setMinimumIdle(1);
        config.setPoolName("stagedesk-" + target.schema());
        // set once per physical connection, outside any transaction (a SET inside one that rolls back is undone)
        config.setConnectionInitSql(String.join("; ", vendor.useSchema(target.schema())));
        // Flyway creates the schema through the same pool: a search path naming a schema not there yet is fine
        HikariDataSource pool = new HikariDataSource(config);
        return openOwned(pool, pool, pool::close, vendor, target.schema(), target.url());
    }

    private static Database openOwned(DataSource pool, Runnable release, Vendor vendor, String schema, String url) {
        return openOwned(pool, new SchemaDataSource(pool, vendor, schema), release, vendor, schema, url);
    }

    private static Database openOwned(DataSource raw, DataSource inSchema, Runnable release, Vendor vendor,
                                      String schema, String url) {
        try {
            flyway(raw, vendor, schema).migrate();
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        LOG.info("Store open: {} (schema {})", url, schema);
        return new Database(inSchema, release, vendor, schema, url, null);
    }

    /**
     * Opens (creating and migrating) one schema over a data source the caller owns and may share between
     * schemas, e.g. the sync endpoint's one pool for every agency: each connection handed out gets the schema as
     * its current one first. Closing the Database leaves the data source open.
     */
    public static Database openSchema(DataSource dataSource, Vendor vendor, String schema) {
        Vendor.requireSchemaName(schema);
        flyway(dataSource, vendor, schema).migrate();
        LOG.info("Store open: {} schema {}", vendor, schema);
        return new Database(new SchemaDataSource(dataSource, vendor, schema), () -> { }, vendor, schema,
                vendor + ":" + schema, null);
    }

    /** Flyway over a vendor's migrations; in {@code schema} (created if missing) unless null (H2's PUBLIC). */
    private static Flyway flyway(DataSource ds, Vendor vendor, String schema) {
        var config = Flyway.configure().dataSource(ds).locations(vendor.migrations());
        if (schema != null) {
            config = config.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        return config.load();
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
        var current = flyway(dataSource, vendor, schema).info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    /** A consistent copy of the open store as a zip (H2's online BACKUP), while others keep working. */
    public void backupTo(Path zip) {
        requireH2("a backup copy");
        dsl.execute("BACKUP TO " + DSL.inline(zip.toAbsolutePath().toString()));
    }

    /**
     * Rewrites the store file without the space left behind by bulk writes (a demo store shrinks about tenfold)
     * and closes the store. Nothing may use this Database afterwards but {@link #close()}.
     */
    public void compactAndClose() {
        requireH2("compacting");
        LOG.info("Compacting the store: {}", url);
        try (var conn = dataSource.getConnection(); var st = conn.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // H2 reports its own shutdown to the statement that asked for it
            if (e.getErrorCode() != ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                throw new IllegalStateException("Could not compact the store: " + e.getMessage(), e);
            }
        }
    }

    /** H2's file operations (BACKUP TO, SHUTDOWN COMPACT); a PostgreSQL server is backed up by its own tools. */
    private void requireH2(String what) {
        if (vendor != Vendor.H2) {
            throw new UnsupportedOperationException("Not on " + vendor + ": " + what + " is H2's (pg_dump backs up a "
                    + "PostgreSQL store)");
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** The store's connections (with its schema current, for a store opened in a schema). */
    public DataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The agency's schema, or null for the desktop's store. */
    public String schema() {
        return schema;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (!closed) {
            release.run();
        }
        if (crashRecovery != null && !closed) {
            crashRecovery.markClosed();
        }
        closed = true;
        LOG.info("Store closed: {}", url);
    }
}
