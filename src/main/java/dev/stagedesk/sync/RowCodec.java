package dev.stagedesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * A row of a synced table as JSON and back: every stored column by its lower-case name (columns the database
 * computes itself left out), values as text where JSON has no exact type (ids, instants, dates, decimals, bytes).
 */
public final class RowCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Columns the database computes (GENERATED ALWAYS AS): never written, never sent. RowCodecTest keeps it true. */
    static final Set<String> GENERATED = Set.of("booking.receivable_minor", "booking.length_minutes",
            "invoice.number_key", "payment.reference_key", "assignment.length_minutes");

    private RowCodec() {
    }

    /** The key's text for one key column value (the capture triggers and the codec agree on it). */
    public static String keyText(Object value) {
        return String.valueOf(value);
    }

    static String name(Field<?> f) {
        return f.getName().toLowerCase(Locale.ROOT);
    }

    /** The columns of a table that are stored and sent. */
    static List<Field<?>> columns(Table<?> table) {
        String t = table.getName().toLowerCase(Locale.ROOT);
        List<Field<?>> out = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (!GENERATED.contains(t + "." + name(f))) {
                out.add(f);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<TableField<?, ?>> keyFields(Table<?> table) {
        return (List<TableField<?, ?>>) (List<?>) table.getPrimaryKey().getFields();
    }

    public static String key(Table<?> table, Record r) {
        StringBuilder b = new StringBuilder();
        for (TableField<?, ?> f : keyFields(table)) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(keyText(r.get(f)));
        }
        return b.toString();
    }

    /** The condition that finds the row with this key. */
    public static Condition byKey(Table<?> table, String key) {
        List<TableField<?, ?>> fields = keyFields(table);
        String[] parts = key.split("\\|", -1);
        if (parts.length != fields.size()) {
            throw new IllegalArgumentException("key " + key + " does not fit " + table.getName());
        }
        Condition c = DSL.noCondition();
        for (int i = 0; i < parts.length; i++) {
            c = c.and(eq(fields.get(i), parts[i]));
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private static <T> Condition eq(Field<T> f, String text) {
        return f.eq((T) fromText(f.getType(), text));
    }

    /** The rows with these keys as they are now (absent keys are missing from the map). */
    public static Map<String, ObjectNode> read(DSLContext dsl, Table<?> table, Collection<String> keys) {
        Map<String, ObjectNode> out = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 200) {
            Condition any = DSL.noCondition();
            List<Condition> ors = new ArrayList<>();
            for (String k : all.subList(from, Math.min(all.size(), from + 200))) {
                ors.add(byKey(table, k));
            }
            any = DSL.or(ors);
            for (Record r : dsl.select(columns(table)).from(table).where(any).fetch()) {
                out.put(key(table, r), encode(table, r));
            }
        }
        return out;
    }

    public static ObjectNode encode(Table<?> table, Record r) {
        ObjectNode n = JSON.objectNode();
        for (Field<?> f : columns(table)) {
            Object v = r.get(f);
            String name = name(f);
            if (v == null) {
                n.putNull(name);
            } else if (v instanceof Integer i) {
                n.put(name, i);
            } else if (v instanceof Long l) {
                n.put(name, l);
            } else if (v instanceof Short s) {
                n.put(name, s);
            } else if (v instanceof Boolean b) {
                n.put(name, b);
            } else if (v instanceof Double d) {
                n.put(name, d);
            } else if (v instanceof Float fl) {
                n.put(name, fl);
            } else if (v instanceof byte[] bytes) {
                n.put(name, Base64.getEncoder().encodeToString(bytes));
            } else if (v instanceof BigDecimal d) {
                n.put(name, d.toPlainString());
            } else if (v instanceof OffsetDateTime o) {
                n.put(name, o.toInstant().toString());
            } else {
                n.put(name, v.toString());
            }
        }
        return n;
    }

    /** The row's values by field, ready to write. Throws when a column is missing or cannot be read. */
    public static Map<Field<?>, Object> decode(Table<?> table, JsonNode row) {
        Map<Field<?>, Object> out = new LinkedHashMap<>();
        for (Field<?> f : columns(table)) {
            String name = name(f);
            if (!row.has(name)) {
                throw new IllegalArgumentException(table.getName().toLowerCase(Locale.ROOT) + ": column " + name
                        + " is missing");
            }
            JsonNode v = row.get(name);
            out.put(f, v.isNull() ? null : value(f.getType(), v));
        }
        return out;
    }

    private static Object value(Class<?> type, JsonNode v) {
        if (type == Integer.class) {
            return v.asInt();
        } else if (type == Long.class) {
            return v.asLong();
        } else if (type == Short.class) {
            return (short) v.asInt();
        } else if (type == Boolean.class) {
            return v.asBoolean();
        } else if (type == Double.class) {
            return v.asDouble();
        } else if (type == Float.class) {
            return (float) v.asDouble();
        } else if (type == byte[].class) {
            return Base64.getDecoder().decode(v.asText());
        }
        return fromText(type, v.asText());
    }

    static Object fromText(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        } else if (type == UUID.class) {
            return UUID.fromString(text);
        } else if (type == Instant.class) {
            return Instant.parse(text);
        } else if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text);
        } else if (type == LocalDate.class) {
            return LocalDate.parse(text);
        } else if (type == LocalTime.class) {
            return LocalTime.parse(text);
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        } else if (type == BigDecimal.class) {
            return new BigDecimal(text);
        } else if (type == Integer.class) {
            return Integer.valueOf(text);
        } else if (type == Long.class) {
            return Long.valueOf(text);
        } else if (type == Short.class) {
            return Short.valueOf(text);
        } else if (type == Boolean.class) {
            return Boolean.valueOf(text);
        } else if (type == Double.class) {
            return Double.valueOf(text);
        }
        throw new IllegalArgumentException("cannot read a " + type.getSimpleName() + " from text");
    }

    public static void delete(DSLContext tx, Table<?> table, String key) {
        tx.deleteFrom(table).where(byKey(table, key)).execute();
    }

    /** Every row of a table, by key order, from {@code afterKey} on (exclusive), at most {@code limit}. */
    public static List<RowChange> page(DSLContext dsl, Table<?> table, long seq, List<String> keysAfter, int limit) {
        List<RowChange> out = new ArrayList<>();
        var q = dsl.select(columns(table)).from(table);
        List<TableField<?, ?>> kf = keyFields(table);
        Field<?>[] order = kf.toArray(new Field<?>[0]);
        var rows = keysAfter == null ? q.orderBy(order).limit(limit).fetch()
                : q.where(after(kf, keysAfter)).orderBy(order).limit(limit).fetch();
        String t = table.getName().toLowerCase(Locale.ROOT);
        for (Record r : rows) {
            out.add(new RowChange(seq, t, key(table, r), encode(table, r)));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition after(List<TableField<?, ?>> kf, List<String> values) {
        List<Field<?>> fields = new ArrayList<>(kf);
        Object[] vals = new Object[values.size()];
        for (int i = 0; i < vals.length; i++) {
            vals[i] = fromText(fields.get(i).getType(), values.get(i));
        }
        if (fields.size() == 1) {
            return ((Field) fields.get(0)).gt(vals[0]);
        }
        return DSL.row(fields).gt(DSL.row(vals));
    }

    /**
     * Writes many rows of one table (insert or replace by key) as one batch of one prepared statement: H2's
     * {@code MERGE ... KEY}, PostgreSQL's {@code INSERT ... ON CONFLICT DO UPDATE}.
     */
    public static void upsertAll(DSLContext tx, Table<?> table, List<? extends JsonNode> rows) {
        List<Map<Field<?>, Object>> values = new ArrayList<>(rows.size());
        for (JsonNode r : rows) {
            values.add(decode(table, r));
        }
        writeAll(tx, table, columns(table), values);
    }

    /** Writes rows given as values by field (every field in {@code fields}), in batches. */
    public static void writeAll(DSLContext tx, Table<?> table, List<Field<?>> fields,
                                List<Map<Field<?>, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String t = table.getName().toLowerCase(Locale.ROOT);
        List<String> cols = fields.stream().map(RowCodec::name).toList();
        List<String> keys = keyFields(table).stream().map(f -> name(f)).toList();
        String sql;
        if (tx.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            // PostgreSQL is told a timestamp's type (its driver sends instants as text)
            List<String> typedMarks = new ArrayList<>();
            for (Field<?> f : fields) {
                typedMarks.add(f.getType() == Instant.class || f.getType() == OffsetDateTime.class
                        ? "CAST(? AS TIMESTAMP WITH TIME ZONE)" : "?");
            }
            String marks = String.join(", ", typedMarks);
            List<String> sets = new ArrayList<>();
            for (String c : cols) {
                if (!keys.contains(c)) {
                    sets.add(c + " = EXCLUDED." + c);
                }
            }
            sql = "INSERT INTO " + t + " (" + String.join(", ", cols) + ") VALUES (" + marks + ") ON CONFLICT ("
                    + String.join(", ", keys) + ") DO " + (sets.isEmpty() ? "NOTHING" : "UPDATE SET "
                    + String.join(", ", sets));
        } else {
            String marks = String.join(", ", java.util.Collections.nCopies(cols.size(), "?"));
            sql = "MERGE INTO " + t + " (" + String.join(", ", cols) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + marks + ")";
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            // typed placeholders: each value is bound as its column's type (timestamps, ids, bytes)
            Object[] typed = new Object[fields.size()];
            for (int i = 0; i < typed.length; i++) {
                typed[i] = DSL.val(null, fields.get(i).getDataType());
            }
            var batch = tx.batch(tx.query(sql, typed));
            for (Map<Field<?>, Object> r : rows.subList(from, Math.min(rows.size(), from + 1000))) {
                Object[] binds = new Object[fields.size()];
                for (int i = 0; i < binds.length; i++) {
                    binds[i] = r.get(fields.get(i));
                }
                batch = batch.bind(binds);
            }
            batch.execute();
        }
    }

    /** Removes many rows of one table by key, in batches. */
    public static void deleteAll(DSLContext tx, Table<?> table, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<TableField<?, ?>> kf = keyFields(table);
        StringBuilder where = new StringBuilder();
        for (TableField<?, ?> f : kf) {
            where.append(where.length() == 0 ? "" : " AND ").append(name(f)).append(" = ?");
        }
        String sql = "DELETE FROM " + table.getName().toLowerCase(Locale.ROOT) + " WHERE " + where;
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 1000) {
            Object[] typed = new Object[kf.size()];
            for (int i = 0; i < typed.length; i++) {
                typed[i] = DSL.val(null, kf.get(i).getDataType());
            }
            var batch = tx.batch(tx.query(sql, typed));
            for (String key : all.subList(from, Math.min(all.size(), from + 1000))) {
                String[] parts = key.split("\\|", -1);
                Object[] binds = new Object[kf.size()];
                for (int i = 0; i < binds.length; i++) {
                    binds[i] = fromText(kf.get(i).getType(), parts[i]);
                }
                batch = batch.bind(binds);
            }
            batch.execute();
        }
    }
}
