package dev.stagedesk.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose every connection has one agency's schema current: for a pool shared by several schemas
 * (each checkout sets it again, one round trip), and for H2, whose pool has no initial statement.
 */
final class SchemaDataSource implements DataSource {
    private final DataSource delegate;
    private final List<String> useSchema;

    SchemaDataSource(DataSource delegate, Vendor vendor, String schema) {
        this.delegate = delegate;
        this.useSchema = vendor.useSchema(schema);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return prepared(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return prepared(delegate.getConnection(username, password));
    }

    private Connection prepared(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            for (String sql : useSchema) {
                st.execute(sql);
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
