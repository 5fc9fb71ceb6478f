package dev.stagedesk.common;

import java.util.List;

/**
 * One page of a list and how many rows match in all. Counting stops at {@link #COUNT_CAP}: past that,
 * {@code totalIsLowerBound} is true and a list says "of 10,000+" (an exact count of a broad match would
 * cost more than the page itself).
 */
public record Page<T>(List<T> rows, int total, int offset, boolean totalIsLowerBound) {
    public static final int COUNT_CAP = 10_000;

    public Page(List<T> rows, int total, int offset) {
        this(rows, total, offset, false);
    }

    /** A page from a count made with {@link Counting#capped}. */
    public static <T> Page<T> ofCapped(List<T> rows, int cappedCount, int offset) {
        boolean more = cappedCount > COUNT_CAP;
        return new Page<>(rows, more ? Math.max(COUNT_CAP, offset + rows.size()) : cappedCount, offset, more);
    }
}
