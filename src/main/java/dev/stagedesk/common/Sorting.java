package dev.stagedesk.common;

import java.util.Map;
import org.jooq.Field;
import org.jooq.SortField;

/** Maps a list's sort key to an ORDER BY, with the id as tie-breaker so pages never overlap. */
public final class Sorting {
    private Sorting() {
    }

    public static SortField<?>[] orderBy(PageRequest request, Map<String, Field<?>> sorts, String defaultKey,
                                         Field<?> id) {
        Field<?> sort = sorts.getOrDefault(request.sortKey() == null ? defaultKey : request.sortKey(),
                sorts.get(defaultKey));
        SortField<?> primary = request.ascending() ? sort.asc().nullsLast() : sort.desc().nullsLast();
        return new SortField<?>[] {primary, id.asc()};
    }
}
