package dev.stagedesk.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row as the endpoint holds it after a change: the whole row (columns as JSON), or its deletion.
 *
 * @param seq   the change sequence number that produced this state of the row
 * @param table the table (lower case, as in the migrations)
 * @param key   the row's primary key as text (several key columns joined by '|')
 * @param row   the row's columns, or null when the row was deleted
 */
public record RowChange(long seq, String table, String key, ObjectNode row) {
    public boolean deleted() {
        return row == null;
    }
}
