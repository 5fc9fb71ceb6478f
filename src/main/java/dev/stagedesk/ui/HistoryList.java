package dev.stagedesk.ui;

import dev.stagedesk.audit.AuditEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.scene.control.ListView;

/** A record's audit entries, oldest first: "2026-11-21 10:00 ana update {...}". */
public final class HistoryList extends ListView<String> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public HistoryList(UUID recordId, Function<UUID, List<AuditEntry>> load, UiContext ui) {
        setId("history");
        setPrefHeight(130);
        ui.tasks().run(() -> load.apply(recordId), entries -> getItems().setAll(entries.stream()
                .map(e -> WHEN.format(e.occurredAt().atZone(ZoneId.systemDefault())) + "  " + e.actor() + "  "
                        + e.action() + "  " + e.changes()).toList()), ui.errors());
    }
}
