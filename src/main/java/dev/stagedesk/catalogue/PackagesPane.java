package dev.stagedesk.catalogue;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.I18n;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.PagedListViewModel;
import dev.stagedesk.ui.PagedTable;
import dev.stagedesk.common.Parse;
import dev.stagedesk.ui.RecordListTools;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.ui.UndoBar;
import dev.stagedesk.ui.UndoDelete;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

/** The service catalogue (Settings → Packages): everyone who quotes reads it; administrators change it. */
public final class PackagesPane extends BorderPane {
    private final PackageService service;
    private final UiContext ui;
    private final Supplier<String> baseCurrency;
    private final PagedListViewModel<ServicePackage> list;
    private final UndoDelete undo = new UndoDelete();

    public PackagesPane(PackageQuery query, PackageService service, Supplier<String> baseCurrency, UiContext ui) {
        this.service = service;
        this.ui = ui;
        this.baseCurrency = baseCurrency;
        SimpleBooleanProperty inactive = new SimpleBooleanProperty();
        SimpleBooleanProperty deleted = new SimpleBooleanProperty();
        list = new PagedListViewModel<>(ui.tasks(), 100,
                r -> query.page(ui.actor(), r, inactive.get(), deleted.get()), ui.errors());
        inactive.addListener((o, a, b) -> list.firstPage());
        deleted.addListener((o, a, b) -> list.firstPage());
        PagedTable<ServicePackage> table = new PagedTable<>(list, "packages");
        table.column(tr("package.name"), "name", ServicePackage::name, 240);
        table.column(tr("package.act"), "act", p -> Format.text(p.performerAct()), 140);
        table.numberColumn(tr("package.performersNeeded"), null, p -> Integer.toString(p.performersNeeded()), 90);
        table.numberColumn(tr("package.duration"), "duration", p -> Parse.minutesText(p.durationMinutes()), 90);
        table.numberColumn(tr("package.basePrice"), "price", p -> Format.money(p.basePriceMinor(), p.currency()), 130);
        table.column(tr("package.active"), null, p -> p.active() ? tr("common.yes") : tr("common.no"), 70);
        CheckBox showInactive = new CheckBox(tr("package.showInactive"));
        showInactive.setId("packagesShowInactive");
        showInactive.selectedProperty().bindBidirectional(inactive);
        table.addTools(showInactive);
        if (ui.actor().can(Permission.PACKAGES_EDIT)) {
            CheckBox showDeleted = new CheckBox(tr("filter.showDeleted"));
            showDeleted.setId("packagesShowDeleted");
            showDeleted.selectedProperty().bindBidirectional(deleted);
            Button add = new Button(tr("package.new"));
            add.setId("newPackage");
            add.setOnAction(e -> openForm(null));
            table.addTools(showDeleted, add);
            RecordListTools.install(table, "Package", p -> p.deletedAt() != null, this::openForm, this::delete);
        }
        setTop(new UndoBar(undo, "packages"));
        setCenter(table);
    }

    public void reload() {
        list.reload();
    }

    private void delete(ServicePackage p) {
        ui.tasks().run(() -> service.delete(ui.actor(), p.id()), gone -> {
            undo.offer(I18n.tr("package.deleted", gone.name()), () -> ui.tasks().run(
                    () -> service.restore(ui.actor(), gone.id()), back -> list.reload(), ui.errors()));
            list.reload();
        }, ui.errors());
    }

    private void openForm(ServicePackage original) {
        ui.tasks().run(baseCurrency::get, currency -> openForm(original, currency), ui.errors());
    }

    private void openForm(ServicePackage original, String defaultCurrency) {
        PackageFormViewModel form = new PackageFormViewModel(service, ui.actor(), ui.tasks(), ui.errors(), original,
                defaultCurrency, ui.amounts());
        FormGrid grid = new FormGrid(form.state());
        grid.add(tr("package.name"), "name", new TextField()).textProperty().bindBidirectional(form.name);
        TextArea description = grid.add(tr("package.description"), "description", new TextArea());
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(form.description);
        TextField duration = grid.add(tr("package.durationHint"), "duration", new TextField());
        duration.setPromptText("4:00");
        duration.textProperty().bindBidirectional(form.duration);
        grid.add(tr("package.basePrice"), "basePrice", new TextField()).textProperty()
                .bindBidirectional(form.basePrice);
        TextField currency = grid.add(tr("package.currency"), "currency", new TextField());
        currency.setPrefColumnCount(4);
        currency.textProperty().bindBidirectional(form.currency);
        grid.add(tr("package.performersNeeded"), "performersNeeded", new TextField()).textProperty()
                .bindBidirectional(form.performersNeeded);
        grid.add(tr("package.act"), "performerAct", new TextField()).textProperty()
                .bindBidirectional(form.performerAct);
        grid.add(tr("package.active"), "active", new CheckBox()).selectedProperty().bindBidirectional(form.active);
        FormDialog.show(this, tr(form.isNew() ? "package.new" : "package.edit"), grid, form.state(),
                close -> form.save(saved -> {
                    close.run();
                    list.reload();
                }));
    }

}
