package dev.stagedesk.common;

import java.util.List;

/** One page of a list and the number of rows that match in all. */
public record Page<T>(List<T> rows, int total, int offset) {
}
