package dev.stagedesk.demo;

import java.util.Map;

/** How many rows of each kind the generator wrote, in the order it wrote them. */
public record DemoSummary(Map<String, Long> counts) {
    public long count(String kind) {
        return counts.getOrDefault(kind, 0L);
    }
}
