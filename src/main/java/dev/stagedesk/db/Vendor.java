package dev.stagedesk.db;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.Settings;

/**
 * The database products a store runs on: the desktop's embedded H2 file, and PostgreSQL for the sync endpoint.
 * Each has its own folder of migrations (the same versions, {@code MigrationFoldersTest}), its jOOQ dialect and
 * the statement that makes an agency's schema the current one on a connection.
 */
public enum Vendor {
    H2(SQLDialect.H2, "classpath:db/migration"),
    POSTGRES(SQLDialect.POSTGRES, "classpath:db/postgresql");

    /**
     * An agency's schema: lower case, so H2 (which quotes it as Flyway created it) and PostgreSQL (which folds
     * unquoted names to lower case) name the same schema, and nothing in it needs escaping.
     */
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final SQLDialect dialect;
    private final String migrations;

    Vendor(SQLDialect dialect, String migrations) {
        this.dialect = dialect;
        this.migrations = migrations;
    }

    /** The vendor a JDBC URL names ({@code jdbc:h2:...}, {@code jdbc:postgresql://...}). */
    public static Vendor of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("Not an H2 or PostgreSQL JDBC URL: " + jdbcUrl);
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** Where Flyway finds this vendor's migrations. */
    public String migrations() {
        return migrations;
    }

    /**
     * jOOQ's settings for this vendor. The generated classes come from H2 and name everything in upper case,
     * quoted ({@code "BOOKING"."ID"}); PostgreSQL created the tables from unquoted names, so in lower case: jOOQ
     * renders names in lower case there ({@code "booking"."id"}), still quoted (a column may be a keyword).
     */
    public Settings settings() {
        Settings settings = new Settings().withExecuteLogging(false);
        return this == POSTGRES ? settings.withRenderNameCase(RenderNameCase.LOWER) : settings;
    }

    /** The statements that make {@code schema} current (and leave {@code public} reachable after it). */
    public List<String> useSchema(String schema) {
        String quoted = '"' + requireSchemaName(schema) + '"';
        return switch (this) {
            case H2 -> List.of("SET SCHEMA " + quoted, "SET SCHEMA_SEARCH_PATH " + quoted + ", PUBLIC");
            case POSTGRES -> List.of("SET search_path TO " + quoted + ", public");
        };
    }

    /** Refuses a schema name that is not lower-case letters, digits and underscores (at most 63). */
    public static String requireSchemaName(String schema) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("A schema name is lower-case letters, digits and _ (at most 63): "
                    + schema);
        }
        return schema;
    }
}
