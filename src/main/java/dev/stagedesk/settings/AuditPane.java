package dev.stagedesk.settings;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.audit.AuditEntry;
import dev.stagedesk.audit.AuditFilter;
import dev.stagedesk.audit.AuditLog;
import dev.stagedesk.ui.PagedListViewModel;
import dev.stagedesk.ui.PagedTable;
import dev.stagedesk.ui.UiContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The audit log, newest first: filters by user, record kind, action and date; search in the changes. */
public final class AuditPane extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final PagedTable<AuditEntry> table;

    public AuditPane(AuditLog log, UiContext ui) {
        TextField user = new TextField();
        user.setId("auditUser");
        user.setPromptText(tr("audit.user"));
        user.setPrefColumnCount(8);
        ComboBox<String> entity = new ComboBox<>(FXCollections.observableArrayList(
                List.of("", "client", "venue", "performer", "user", "agency", "store")));
        entity.setId("auditEntity");
        entity.setPromptText(tr("audit.entity"));
        TextField action = new TextField();
        action.setId("auditAction");
        action.setPromptText(tr("audit.action"));
        action.setPrefColumnCount(8);
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPromptText(tr("audit.from"));
        from.setPrefWidth(130);
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPromptText(tr("audit.to"));
        to.setPrefWidth(130);
        PagedListViewModel<AuditEntry> vm = new PagedListViewModel<>(ui.tasks(), 100, r -> log.page(ui.actor(),
                new AuditFilter(user.getText(), entity.getValue(), action.getText(), from.getValue(), to.getValue()), r),
                ui.errors());
        table = new PagedTable<>(vm, "audit");
        table.enableExport(ui, tr("export.audit"), "audit");
        table.column(tr("audit.when"), null, e -> WHEN.format(e.occurredAt().atZone(ZoneId.systemDefault())), 150);
        table.column(tr("audit.user"), null, AuditEntry::actor, 100);
        table.column(tr("audit.action"), null, AuditEntry::action, 110);
        table.column(tr("audit.entity"), null, AuditEntry::entityType, 90);
        table.column(tr("audit.changes"), null, AuditEntry::changes, 420);
        table.addTools(user, entity, action, from, to);
        user.setOnAction(e -> vm.firstPage());
        action.setOnAction(e -> vm.firstPage());
        entity.valueProperty().addListener((o, a, b) -> vm.firstPage());
        from.valueProperty().addListener((o, a, b) -> vm.firstPage());
        to.valueProperty().addListener((o, a, b) -> vm.firstPage());
        table.setPrefHeight(520);
        getChildren().add(table);
    }

    public void reload() {
        table.viewModel().reload();
    }
}
