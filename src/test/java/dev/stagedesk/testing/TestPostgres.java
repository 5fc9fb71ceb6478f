package dev.stagedesk.testing;

import dev.stagedesk.db.Database;
import dev.stagedesk.db.JdbcTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the whole test JVM, started on first use, with a fresh schema per store. With
 * {@code -Dstagedesk.test.store=postgres}, {@link TestStore} opens every store here instead of on an H2 file, so
 * a feature's tests show whether its commands and queries run on the sync endpoint's PostgreSQL store too.
 */
public final class TestPostgres {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final Map<Path, String> BY_FOLDER = new ConcurrentHashMap<>();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** Whether this run puts the tests' stores on PostgreSQL. */
    public static boolean wanted() {
        return "postgres".equals(System.getProperty("stagedesk.test.store"));
    }

    /**
     * The store of a test's data folder: a new, migrated, empty schema the first time, the same schema when the
     * test opens the folder again (as the desktop reopens its file).
     */
    public static Database store(Path folder) {
        String schema = BY_FOLDER.computeIfAbsent(folder.toAbsolutePath().normalize(),
                f -> "test_" + SCHEMAS.incrementAndGet());
        return Database.open(target(schema));
    }

    /** The same schema again, through a second pool (another desktop or request on the same store). */
    public static Database reopen(Database store) {
        return Database.open(target(store.schema()));
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** A new, empty database on the embedded server (a sync endpoint's own), as a JDBC URL; user and password postgres. */
    public static String freshDatabase() {
        String name = "endpoint_" + DATABASES.incrementAndGet();
        try (var c = java.sql.DriverManager.getConnection(url(), "postgres", "postgres");
             var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static JdbcTarget target(String schema) {
        return new JdbcTarget(url(), "postgres", "postgres", schema, 4);
    }

    private static synchronized String url() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is ending; the data folder is temporary
                }
            }));
        }
        return server.getJdbcUrl("postgres", "postgres");
    }
}
