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
            all.add(searchColumn.contains(word));
        }
        return DSL.and(all);
    }
}
