package dev.stagedesk.common;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Select;
import org.jooq.Table;

/** Counts matches, but stops after {@link Page#COUNT_CAP} + 1: enough to say "10,000+". */
public final class Counting {
    private Counting() {
    }

    public static int capped(DSLContext dsl, Table<?> table, Condition where) {
        return dsl.fetchCount(dsl.selectOne().from(table).where(where).limit(Page.COUNT_CAP + 1));
    }

    public static int capped(DSLContext dsl, Select<?> select) {
        return dsl.fetchCount(dsl.selectOne().from(select.asTable("matches")).limit(Page.COUNT_CAP + 1));
    }
}
