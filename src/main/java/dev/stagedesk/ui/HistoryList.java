package dev.stagedesk.ui;

import dev.stagedesk.audit.AuditLine;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.scene.control.ListView;

/**
 * A record's audit entries, oldest first, as sentences: "4 Dec 2026 14:30  ana  Assigned The Electric Orchestra as
 * Lead, fee 800.00 EUR" (times in the agency's time zone; see {@link dev.stagedesk.audit.AuditDescriber}).
 */
public final class HistoryList extends ListView<String> {

    public HistoryList(UUID recordId, Function<UUID, List<AuditLine>> load, UiContext ui) {
        setId("history");
        setPrefHeight(130);
        ui.tasks().run(() -> load.apply(recordId), lines -> getItems().setAll(lines.stream()
                .map(l -> l.when() + "  " + l.who() + "  " + l.sentence()).toList()), ui.errors());
    }
}
