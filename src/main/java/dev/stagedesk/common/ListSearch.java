package dev.stagedesk.common;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Turns typed search text into conditions on a folded search column: every word must appear somewhere. */
public final class ListSearch {
    private ListSearch() {
    }

    public static Condition matches(Field<String> searchColumn, String text) {
        String folded = SearchText.fold(text);
        if (folded.isEmpty()) {
            return DSL.noCondition();
        }
        List<Condition> all = new ArrayList<>();
        for (String word : folded.split(" ")) {
            // a substring test, not LIKE: no pattern to build for each row, and no wildcard characters to escape
            all.add(DSL.position(searchColumn, DSL.val(word)).gt(0));
        }
        return DSL.and(all);
    }
}
