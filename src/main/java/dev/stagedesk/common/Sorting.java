package dev.stagedesk.common;

import java.util.Map;
import org.jooq.Field;
import org.jooq.SortField;

/** Maps a list's sort key to an ORDER BY, with the id as tie-breaker so pages never overlap. */
public final class Sorting {
    private Sorting() {
    }

    /** Sorted as the user asked, or by {@code defaultKey} ascending when they have not chosen. */
    public static SortField<?>[] orderBy(PageRequest request, Map<String, Field<?>> sorts, String defaultKey,
                                         Field<?> id) {
        return orderBy(request, sorts, defaultKey, true, id);
    }

    /** Sorted as the user asked, or by {@code defaultKey} in {@code defaultAscending} order (newest first ...). */
    public static SortField<?>[] orderBy(PageRequest request, Map<String, Field<?>> sorts, String defaultKey,
                                         boolean defaultAscending, Field<?> id) {
        boolean chosen = request.sortKey() != null && sorts.containsKey(request.sortKey());
        Field<?> sort = sorts.get(chosen ? request.sortKey() : defaultKey);
        boolean asc = chosen ? request.ascending() : defaultAscending;
        // the tie-breaker runs the same way as the sort, so H2 can read a (sort, id) index forwards or backwards
        // instead of sorting every match (the newest-first inquiries list took 5.5 s at 1M with id ascending)
        return new SortField<?>[] {asc ? sort.asc().nullsLast() : sort.desc().nullsLast(), asc ? id.asc() : id.desc()};
    }
}
