package dev.stagedesk.client;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.audit.AuditLine;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.HistoryList;
import dev.stagedesk.ui.ModalHost;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.PagedTable;
import dev.stagedesk.ui.RecordListTools;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.ui.UndoBar;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

/** The clients list with its tools: new, edit (double-click or Enter), delete (Delete) with undo, filters. */
public final class ClientsPane extends BorderPane {
    private final ClientListViewModel vm;
    private final ClientService service;
    private final UiContext ui;

    private final Function<UUID, List<AuditLine>> history;

    /** {@code history}: a client's audit entries, shown in its edit form. */
    public ClientsPane(ClientQuery query, ClientService service, Function<UUID, List<AuditLine>> history, UiContext ui) {
        this.service = service;
        this.history = history;
        this.ui = ui;
        this.vm = new ClientListViewModel(query, service, ui.actor(), ui.tasks(), ui.errors());
        PagedTable<ClientRow> table = new PagedTable<>(vm.list(), "clients");
        if (ui.actor().can(Permission.DATA_EXPORT)) {
            table.enableExport(ui, tr("export.clients"), "clients");
        }
        table.column(tr("client.name"), "name", ClientRow::name, 220);
        table.column(tr("client.kind"), "kind", r -> Display.label(r.kind()), 90);
        table.column(tr("client.contactName"), "contact", r -> Format.text(r.contactName()), 160);
        table.column(tr("client.email"), "email", r -> Format.text(r.email()), 220);
        table.column(tr("client.phone"), null, r -> Format.text(r.phone()), 140);
        table.column(tr("client.city"), "city", r -> Format.text(r.city()), 120);
        table.column(tr("client.countryCode"), "country", r -> Format.text(r.countryCode()), 70);

        ComboBox<ClientKind> kind = new ComboBox<>(FXCollections.observableArrayList(null, ClientKind.PERSON,
                ClientKind.COMPANY));
        kind.setId("clientsKindFilter");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClientKind k) {
                return k == null ? tr("filter.allKinds") : Display.label(k);
            }

            @Override
            public ClientKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindFilter);
        TextField city = new TextField();
        city.setId("clientsCityFilter");
        city.setPromptText(tr("filter.city"));
        city.setPrefColumnCount(10);
        city.textProperty().bindBidirectional(vm.cityFilter);
        CheckBox deleted = new CheckBox(tr("filter.showDeleted"));
        deleted.setId("clientsShowDeleted");
        deleted.selectedProperty().bindBidirectional(vm.showDeleted);
        Button add = new Button(tr("clients.new"));
        add.setId("newClient");
        add.setOnAction(e -> openForm(null));
        table.addTools(kind, city, deleted, add);
        RecordListTools.install(table, "Client", ClientRow::deleted, this::openRow, vm::delete);
        setTop(new UndoBar(vm.undo, "clients"));
        setCenter(table);
    }

    public void reload() {
        vm.list().reload();
    }

    /** Opens one client's form (from a search result or a notification). */
    public void open(UUID id) {
        ui.tasks().run(() -> service.find(id).orElseThrow(() -> new NotFoundException(
                tr("record.notFound", tr("entity.client"), id))),
                found -> ModalHost.whenShown(this, () -> openForm(found)), ui.errors());
    }

    private void openRow(ClientRow row) {
        vm.open(row, this::openForm);
    }

    private void openForm(Client client) {
        ClientFormViewModel form = new ClientFormViewModel(service, ui.actor(), ui.tasks(), ui.errors(), client);
        FormGrid grid = new FormGrid(form.state());
        bind(grid.add(tr("client.name"), "name", new TextField()), form.name);
        ComboBox<ClientKind> kind = grid.add(tr("client.kind"), "kind",
                new ComboBox<>(FXCollections.observableArrayList(ClientKind.values())));
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClientKind k) {
                return k == null ? "" : Display.label(k);
            }

            @Override
            public ClientKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(form.kind);
        bind(grid.add(tr("client.contactName"), "contactName", new TextField()), form.contactName);
        bind(grid.add(tr("client.email"), "email", new TextField()), form.email);
        bind(grid.add(tr("client.phone"), "phone", new TextField()), form.phone);
        bind(grid.add(tr("client.addressLine1"), "addressLine1", new TextField()), form.addressLine1);
        bind(grid.add(tr("client.addressLine2"), "addressLine2", new TextField()), form.addressLine2);
        bind(grid.add(tr("client.postalCode"), "postalCode", new TextField()), form.postalCode);
        bind(grid.add(tr("client.city"), "city", new TextField()), form.city);
        bind(grid.add(tr("client.region"), "region", new TextField()), form.region);
        bind(grid.add(tr("client.countryCode"), "countryCode", new TextField()), form.countryCode);
        bind(grid.add(tr("client.taxId"), "taxId", new TextField()), form.taxId);
        grid.add(tr("client.language"), "language", languageChoice(form));
        TextArea notes = grid.add(tr("client.notes"), "notes", new TextArea());
        notes.setPrefRowCount(3);
        notes.textProperty().bindBidirectional(form.notes);
        if (client != null) {
            grid.add(tr("history.title"), "historyList", new HistoryList(client.id(), history, ui));
        }
        FormDialog.show(this,
                tr(form.isNew() ? "clients.new" : "clients.edit"), grid, form.state(),
                close -> form.save(saved -> {
                    close.run();
                    vm.list().reload();
                }));
    }

    /** Agency default / English / Deutsch: the language of the quotes and invoices the client receives. */
    private static ComboBox<String> languageChoice(ClientFormViewModel form) {
        ComboBox<String> box = new ComboBox<>();
        box.setId("clientLanguage");
        box.getItems().add("");
        box.getItems().addAll(Language.codes());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null || code.isEmpty() ? tr("client.languageAgency")
                        : Language.ofCode(code).map(Language::endonym).orElse(code);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(form.language);
        return box;
    }

    private static void bind(TextField field, StringProperty property) {
        field.textProperty().bindBidirectional(property);
    }
}
