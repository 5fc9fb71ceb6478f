package dev.stagedesk.common;

/** What a list screen asks for: search text, sort column, direction and the window of rows. */
public record PageRequest(String search, String sortKey, boolean ascending, int offset, int limit) {
    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
        search = search == null ? "" : search;
    }

    public static PageRequest first(int limit) {
        return new PageRequest("", null, true, 0, limit);
    }

    public PageRequest withSearch(String text) {
        return new PageRequest(text, sortKey, ascending, 0, limit);
    }

    public PageRequest withSort(String key, boolean asc) {
        return new PageRequest(search, key, asc, 0, limit);
    }

    public PageRequest withOffset(int newOffset) {
        return new PageRequest(search, sortKey, ascending, newOffset, limit);
    }
}
