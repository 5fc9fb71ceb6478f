package dev.stagedesk.sync;

import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TableField;

/** Puts the capture triggers on every synced table of a store (H2: {@link CaptureTrigger}; PostgreSQL: plpgsql). */
public final class Triggers {
    private Triggers() {
    }

    public static void install(DSLContext dsl) {
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            installPostgres(dsl);
            return;
        }
        for (String t : SyncTables.get().names()) {
            dsl.execute("CREATE TRIGGER IF NOT EXISTS sync_capture_" + t + " AFTER INSERT, UPDATE, DELETE ON " + t
                    + " FOR EACH ROW CALL '" + CaptureTrigger.class.getName() + "'");
        }
    }

    private static void installPostgres(DSLContext dsl) {
        dsl.execute("""
                CREATE OR REPLACE FUNCTION sync_capture() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    k text;
                    r jsonb;
                    i int;
                BEGIN
                    FOREACH r IN ARRAY ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
                                             CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END] LOOP
                        CONTINUE WHEN r IS NULL;
                        k := NULL;
                        FOR i IN 0 .. TG_NARGS - 1 LOOP
                            k := CASE WHEN k IS NULL THEN '' ELSE k || '|' END || (r ->> TG_ARGV[i]);
                        END LOOP;
                        INSERT INTO sync_dirty (table_name, row_key) VALUES (TG_TABLE_NAME, k)
                            ON CONFLICT DO NOTHING;
                    END LOOP;
                    RETURN NULL;
                END $$""");
        for (String t : SyncTables.get().names()) {
            List<TableField<?, ?>> keys = RowCodec.keyFields(SyncTables.get().table(t));
            StringBuilder args = new StringBuilder();
            for (TableField<?, ?> k : keys) {
                if (args.length() > 0) {
                    args.append(", ");
                }
                args.append('\'').append(k.getName().toLowerCase(Locale.ROOT)).append('\'');
            }
            // replaced in one statement (PostgreSQL 14+): another endpoint process writing meanwhile never finds a
            // table without its trigger
            dsl.execute("CREATE OR REPLACE TRIGGER sync_capture_" + t + " AFTER INSERT OR UPDATE OR DELETE ON " + t
                    + " FOR EACH ROW EXECUTE FUNCTION sync_capture(" + args + ")");
        }
    }
}
