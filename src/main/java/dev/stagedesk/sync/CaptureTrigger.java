package dev.stagedesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * H2 row trigger on every synced table: notes the key of each row inserted, updated or deleted in
 * {@code sync_dirty}, in the writing transaction. On a desktop those are the rows its own commands changed; on the
 * endpoint, the rows a mutation changed, which it then records as changes.
 */
public final class CaptureTrigger implements Trigger {
    private String table;
    private int[] keyColumns;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        this.table = tableName.toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = conn.getMetaData().getPrimaryKeys(null, schemaName, tableName)) {
            List<Object[]> found = new ArrayList<>();
            while (rs.next()) {
                found.add(new Object[] {rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME")});
            }
            found.sort((a, b) -> Short.compare((Short) a[0], (Short) b[0]));
            found.forEach(f -> keys.add((String) f[1]));
        }
        keyColumns = new int[keys.size()];
        try (ResultSet rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                int i = keys.indexOf(rs.getString("COLUMN_NAME"));
                if (i >= 0) {
                    keyColumns[i] = rs.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (Capture.suspended()) {
            return;
        }
        note(conn, oldRow);
        if (newRow != null && (oldRow == null || !key(newRow).equals(key(oldRow)))) {
            note(conn, newRow);
        }
    }

    private void note(Connection conn, Object[] row) throws SQLException {
        if (row == null) {
            return;
        }
        try (PreparedStatement st = conn.prepareStatement(
                "MERGE INTO sync_dirty (table_name, row_key) KEY (table_name, row_key) VALUES (?, ?)")) {
            st.setString(1, table);
            st.setString(2, key(row));
            st.executeUpdate();
        }
    }

    private String key(Object[] row) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keyColumns.length; i++) {
            if (i > 0) {
                b.append('|');
            }
            b.append(RowCodec.keyText(row[keyColumns[i]]));
        }
        return b.toString();
    }
}
