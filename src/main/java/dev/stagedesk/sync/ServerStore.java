package dev.stagedesk.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.db.JdbcTarget;
import dev.stagedesk.db.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Where the endpoint keeps its data: the registry of agencies, codes and devices ({@link #control()}, migrated from
 * {@code db/control}), and one store per agency with the whole service graph on it. Either H2 files in a folder
 * (nothing to install: {@code control} and {@code agencies/<store>}), or one PostgreSQL database: the registry in
 * the schema {@code stagedesk_control}, each agency in a schema of its own. Files an agency keeps (attachments)
 * go to {@code files/<store>} under the data folder either way.
 */
public final class ServerStore implements AutoCloseable {
    /** Builds an agency's services on its opened store (the composition root's part). */
    @FunctionalInterface
    public interface AgencyOpener {
        AgencyRuntime open(Database store, DataFolder files);
    }

    static final String CONTROL_SCHEMA = "stagedesk_control";

    private final DSLContext control;
    private final Runnable closeControl;
    private final Path dir;
    private final JdbcTarget server;
    private final AgencyOpener opener;

    private ServerStore(DSLContext control, Runnable closeControl, Path dir, JdbcTarget server, AgencyOpener opener) {
        this.control = control;
        this.closeControl = closeControl;
        this.dir = dir;
        this.server = server;
        this.opener = opener;
    }

    /** The endpoint's data in H2 files under {@code dir}. */
    public static ServerStore h2(Path dir, AgencyOpener opener) {
        folder(dir.resolve("agencies"));
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("control").toAbsolutePath()
                + ";WRITE_DELAY=0", "sa", "");
        Flyway.configure().dataSource(pool).locations("classpath:db/control").table("control_schema_history").load()
                .migrate();
        return new ServerStore(DSL.using(pool, Vendor.H2.dialect()), pool::dispose, dir, null, opener);
    }

    /**
     * The endpoint's data on a database server ({@code jdbc:postgresql://host/db}); {@code dir} holds the agencies'
     * files. Several endpoint processes may share the database.
     */
    public static ServerStore jdbc(String url, String user, String password, Path dir, AgencyOpener opener) {
        Vendor vendor = Vendor.of(url);
        folder(dir);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("stagedesk-control");
        config.setConnectionInitSql(String.join("; ", vendor.useSchema(CONTROL_SCHEMA)));
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/control").table("control_schema_history")
                    .schemas(CONTROL_SCHEMA).defaultSchema(CONTROL_SCHEMA).createSchemas(true).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new ServerStore(DSL.using(pool, vendor.dialect(), vendor.settings()), pool::close, dir,
                new JdbcTarget(url, user, password, CONTROL_SCHEMA, 4), opener);
    }

    private static void folder(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the server's data folder " + p + ": " + e.getMessage(), e);
        }
    }

    public DSLContext control() {
        return control;
    }

    /** Opens (creating and migrating the first time) an agency's store, with the capture triggers in place. */
    public AgencyRuntime openAgency(UUID agencyId, String storeName) {
        Database db;
        DataFolder files;
        if (server == null) {
            files = new DataFolder(dir.resolve("agencies").resolve(storeName));
            db = Database.open(files);
        } else {
            files = new DataFolder(dir.resolve("files").resolve(storeName));
            db = Database.open(server.withSchema(storeName));
        }
        Triggers.install(db.dsl());
        return opener.open(db, files);
    }

    @Override
    public void close() {
        closeControl.run();
    }
}
