package dev.stagedesk.settings;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.audit.AuditEntry;
import dev.stagedesk.audit.AuditFilter;
import dev.stagedesk.audit.AuditLine;
import dev.stagedesk.audit.AuditLog;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.Page;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.PagedListViewModel;
import dev.stagedesk.ui.PagedTable;
import dev.stagedesk.ui.UiContext;
import java.util.Arrays;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The audit log, newest first, as sentences with names and times in the agency's time zone
 * ({@link dev.stagedesk.audit.AuditDescriber}): filters by user, record kind, action and date; search in the changes.
 */
public final class AuditPane extends VBox {
    private final PagedTable<AuditLine> table;

    public AuditPane(AuditLog log, UiContext ui) {
        TextField user = new TextField();
        user.setId("auditUser");
        user.setPromptText(tr("audit.user"));
        user.setPrefColumnCount(8);
        ComboBox<String> entity = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.asList(null, "booking", "client", "venue", "performer", "inquiry", "quote", "invoice",
                        "user", "agency", "store")));
        CodeLabels.on(entity, Display.CodeSet.RecordKind, tr("audit.anyRecord"));
        entity.setId("auditEntity");
        entity.setPromptText(tr("audit.entity"));
        TextField action = new TextField();
        action.setId("auditAction");
        action.setPromptText(tr("audit.action"));
        action.setPrefColumnCount(8);
        DatePicker from = new DateField();
        from.setId("auditFrom");
        from.setPromptText(tr("audit.from"));
        from.setPrefWidth(130);
        DatePicker to = new DateField();
        to.setId("auditTo");
        to.setPromptText(tr("audit.to"));
        to.setPrefWidth(130);
        PagedListViewModel<AuditLine> vm = new PagedListViewModel<>(ui.tasks(), 100, r -> {
            Page<AuditEntry> page = log.page(ui.actor(), new AuditFilter(user.getText(),
                    entity.getValue(), action.getText(), from.getValue(), to.getValue()), r);
            return new Page<>(log.describer().describe(page.rows()), page.total(), page.offset(),
                    page.totalIsLowerBound());
        }, ui.errors());
        table = new PagedTable<>(vm, "audit");
        table.enableExport(ui, tr("export.audit"), "audit");
        table.column(tr("audit.when"), null, AuditLine::when, 150);
        table.column(tr("audit.user"), null, AuditLine::who, 100);
        table.column(tr("audit.entity"), null, AuditLine::record, 200);
        table.column(tr("audit.what"), null, AuditLine::sentence, 480);
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
