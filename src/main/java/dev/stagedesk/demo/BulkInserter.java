package dev.stagedesk.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.conf.ParamType;

/** Fast loading for generated data: one prepared INSERT (rendered by jOOQ) executed in JDBC batches. */
final class BulkInserter implements AutoCloseable {
    private static final int BATCH = 2000;

    private final PreparedStatement statement;
    private final int width;
    private final List<BulkInserter> parents = new ArrayList<>();
    private int pending;
    private long rows;

    BulkInserter(DSLContext dsl, Connection connection, Table<?> table, List<Field<?>> fields) throws SQLException {
        Object[] params = new Object[fields.size()];
        String sql = dsl.insertInto(table).columns(fields).values(Arrays.asList(params)).getSQL(ParamType.INDEXED);
        this.statement = connection.prepareStatement(sql);
        this.width = fields.size();
    }

    /** Rows here reference rows of {@code parent}: its pending batch is written before each of ours. */
    BulkInserter after(BulkInserter... parent) {
        parents.addAll(List.of(parent));
        return this;
    }

    void add(Object... values) throws SQLException {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, jdbc(values[i]));
        }
        statement.addBatch();
        rows++;
        if (++pending == BATCH) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private static Object jdbc(Object value) {
        if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (value instanceof Timestamp) {
            return value;
        }
        return value;
    }

    /** Writes the pending batch (and first its parents' pending batches). */
    void flush() throws SQLException {
        for (BulkInserter p : parents) {
            p.flush();
        }
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
        statement.close();
    }
}
