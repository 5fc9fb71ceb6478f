package dev.stagedesk.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
 * commit is handed to the operating system before the command returns. Measured cost and the SIGKILL proof
 * are in docs/BENCHMARKS.md and DurabilityTest.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final String url;

    private Database(JdbcConnectionPool pool, String url) {
        this.pool = pool;
        this.url = url;
        this.dsl = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false));
    }

    /** Opens (creating if needed) and migrates the store of a data folder. */
    public static Database open(DataFolder folder) {
        return openUrl("jdbc:h2:file:" + folder.storeBase().toAbsolutePath() + ";WRITE_DELAY=0");
    }

    /** Opens any H2 URL; tests and benchmarks use this to compare settings. */
    public static Database openUrl(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        LOG.info("Store open: {}", url);
        return new Database(pool, url);
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
    public void backupTo(java.nio.file.Path zip) {
        dsl.execute("BACKUP TO " + DSL.inline(zip.toAbsolutePath().toString()));
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
        LOG.info("Store closed: {}", url);
    }
}
