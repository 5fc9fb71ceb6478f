package dev.stagedesk.app;

import dev.stagedesk.common.Ids;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.sync.AgencyRuntime;
import dev.stagedesk.sync.ServerStore;
import dev.stagedesk.sync.Triggers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The sync endpoint's stores, built here because each agency gets the whole service graph ({@link AppContext}) on
 * its own database: H2 files in a folder (the endpoint's registry in {@code control}, each agency in
 * {@code agencies/<store>}).
 */
public final class ServerStores {
    private ServerStores() {
    }

    /** The endpoint's data in H2 files under {@code dir}: nothing to install. */
    public static ServerStore h2(Path dir, Clock clock) {
        try {
            Files.createDirectories(dir.resolve("agencies"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the server's data folder " + dir + ": " + e.getMessage(), e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("control").toAbsolutePath()
                + ";WRITE_DELAY=0", "sa", "");
        Flyway.configure().dataSource(pool).locations("classpath:db/control").table("control_schema_history").load()
                .migrate();
        DSLContext control = DSL.using(pool, SQLDialect.H2);
        return new ServerStore() {
            @Override
            public DSLContext control() {
                return control;
            }

            @Override
            public AgencyRuntime openAgency(UUID agencyId, String storeName) {
                DataFolder folder = new DataFolder(dir.resolve("agencies").resolve(storeName));
                AppContext app = new AppContext(folder, Database.open(folder), clock, Ids.timeOrdered());
                Triggers.install(app.database.dsl());
                return runtime(app);
            }

            @Override
            public void close() {
                pool.dispose();
            }
        };
    }

    static AgencyRuntime runtime(AppContext app) {
        return new AgencyRuntime(app.database.dsl(), app.bus, () -> app.dueRules.runDue().total(), app::close);
    }
}
