package dev.stagedesk.db;

/**
 * A store on a database server or any JDBC URL, in one schema: {@code jdbc:postgresql://host/db} (the sync
 * endpoint, one schema per agency) or {@code jdbc:h2:...} (tests, and the endpoint's embedded mode).
 *
 * @param maxConnections the pool's size
 */
public record JdbcTarget(String url, String user, String password, String schema, int maxConnections) {
    public JdbcTarget {
        Vendor.of(url);
        Vendor.requireSchemaName(schema);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
    }

    public JdbcTarget(String url, String user, String password, String schema) {
        this(url, user, password, schema, 8);
    }

    public Vendor vendor() {
        return Vendor.of(url);
    }

    /** The same server and credentials, another agency's schema. */
    public JdbcTarget withSchema(String otherSchema) {
        return new JdbcTarget(url, user, password, otherSchema, maxConnections);
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + url + ", schema " + schema + "]"; // never the password
    }
}
