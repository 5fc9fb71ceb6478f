package dev.stagedesk.inquiry;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.catalogue.ServicePackage;
import dev.stagedesk.common.Display;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The quote sheet of an inquiry: versions on the left (status, total, what changed), the editor on the right
 * (package, lines, discount, tax, valid until, notes, live totals). "Save as new version" saves the form;
 * "Save PDF…" writes the selected version and, with "mark as sent", records that the client has it.
 */
final class QuoteSheet {
    private QuoteSheet() {
    }

    static void open(Node anchor, String title, QuoteFormViewModel vm, UiContext ui, Runnable onChange) {
        ModalHost host = ModalHost.of(anchor);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        heading.setWrapText(true);

        ListView<Quote> versions = new ListView<>(vm.versions);
        versions.setId("quoteVersions");
        versions.setPrefWidth(280);
        versions.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Quote q, boolean empty) {
                super.updateItem(q, empty);
                if (empty || q == null) {
                    setText(null);
                    return;
                }
                setWrapText(true);
                setPrefWidth(0);
                setText(tr("quote.versionLine", q.versionNo(), Display.label(q.status())
,
                        Format.money(q.totalMinor(), q.currency()))
                        + "\n" + String.join("\n", vm.changesOf(q)));
            }
        });
        vm.versions.addListener((ListChangeListener<Quote>) c -> {
            versions.refresh();
            versions.getSelectionModel().selectFirst();
        });
        versions.getSelectionModel().selectFirst();
        CheckBox markSent = new CheckBox(tr("quote.markSent"));
        markSent.setId("quoteMarkSent");
        markSent.setSelected(true);
        Button pdf = new Button(tr("quote.savePdf"));
        pdf.setId("quoteSavePdf");
        pdf.disableProperty().bind(versions.getSelectionModel().selectedItemProperty().isNull());
        pdf.setOnAction(e -> {
            Quote q = versions.getSelectionModel().getSelectedItem();
            ui.saveDialog().ask(anchor, tr("quote.savePdf"), QuoteDocuments.fileName(q), "pdf")
                    .ifPresent(file -> vm.savePdf(q, file, markSent.isSelected()));
        });
        VBox left = new VBox(8, new Label(tr("quote.versions")), versions, markSent, pdf);
        VBox.setVgrow(versions, Priority.ALWAYS);

        FormGrid grid = new FormGrid(vm.state());
        ComboBox<ServicePackage> pkg = grid.add(tr("quote.package"), "package",
                new ComboBox<>(FXCollections.observableArrayList(vm.loaded().packages())));
        pkg.setPromptText(vm.loaded().packages().isEmpty() ? tr("quote.noPackages") : tr("quote.choosePackage"));
        pkg.setConverter(new StringConverter<>() {
            @Override
            public String toString(ServicePackage p) {
                return p == null ? "" : p.name() + " — " + Format.money(p.basePriceMinor(),
                        p.currency());
            }

            @Override
            public ServicePackage fromString(String s) {
                return null;
            }
        });
        pkg.setValue(vm.pkg.get());
        pkg.setOnAction(e -> {
            if (pkg.getValue() != null && pkg.getValue() != vm.pkg.get()) {
                vm.applyPackage(pkg.getValue());
            }
        });
        VBox lineRows = new VBox(6);
        lineRows.setId("quoteLines");
        Runnable redraw = () -> {
            lineRows.getChildren().clear();
            for (int n = 0; n < vm.lines.size(); n++) {
                lineRows.getChildren().add(lineRow(vm, vm.lines.get(n), n));
            }
            Button add = new Button(tr("quote.addLine"));
            add.setId("quoteAddLine");
            add.setOnAction(e -> vm.addLine());
            lineRows.getChildren().add(add);
        };
        vm.lines.addListener((ListChangeListener<QuoteFormViewModel.LineRow>) c -> redraw.run());
        redraw.run();
        ScrollPane linesPane = grid.add(tr("quote.lines", vm.currency()), "lines", new ScrollPane(lineRows));
        linesPane.setFitToWidth(true);
        linesPane.setPrefViewportHeight(150);
        TextField discount = grid.add(tr("quote.discount", vm.currency()), "discount", new TextField());
        discount.textProperty().bindBidirectional(vm.discount);
        TextField tax = grid.add(tr("quote.taxRate"), "taxRate", new TextField());
        tax.textProperty().bindBidirectional(vm.taxRate);
        DatePicker until = grid.add(tr("quote.validUntil"), "validUntil", new DateField());
        until.valueProperty().bindBidirectional(vm.validUntil);
        TextArea notes = grid.add(tr("quote.notes"), "notes", new TextArea());
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.notes);
        Label totals = new Label();
        totals.setId("quoteTotals");
        totals.setWrapText(true);
        totals.textProperty().bind(vm.totals);
        totals.setStyle("-fx-font-weight: bold;");
        Label message = new Label();
        message.setId("quoteMessage");
        message.textProperty().bind(vm.message);
        VBox right = new VBox(8, grid, totals, message);
        HBox.setHgrow(right, Priority.ALWAYS);

        Button save = new Button(tr("quote.saveVersion"));
        save.setId("quoteSave");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.state().savingProperty());
        save.setOnAction(e -> vm.save(q -> onChange.run()));
        Button close = new Button(tr("action.close"));
        close.setId("quoteClose");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            host.close();
            onChange.run();
        });
        HBox buttons = new HBox(10, close, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        ScrollPane body = new ScrollPane(new HBox(16, left, right));
        body.setFitToWidth(true);
        body.maxHeightProperty().bind(host.heightProperty().subtract(170));
        VBox sheet = new VBox(12, heading, body, buttons);
        sheet.setId("quoteSheet");
        sheet.getStyleClass().add("modal-sheet");
        sheet.setPadding(new Insets(18));
        sheet.setMaxWidth(1040);
        sheet.setMaxHeight(Region.USE_PREF_SIZE);
        sheet.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.fire();
                e.consume();
            }
        });
        host.open(sheet);
    }

    private static HBox lineRow(QuoteFormViewModel vm, QuoteFormViewModel.LineRow row, int n) {
        TextField description = new TextField();
        description.setId("quoteLineDescription" + n);
        description.setPromptText(tr("quote.lineDescriptionPrompt"));
        description.textProperty().bindBidirectional(row.description);
        TextField quantity = new TextField();
        quantity.setId("quoteLineQuantity" + n);
        quantity.setPrefColumnCount(3);
        quantity.setPromptText(tr("document.quantity"));
        quantity.textProperty().bindBidirectional(row.quantity);
        TextField price = new TextField();
        price.setId("quoteLinePrice" + n);
        price.setPrefColumnCount(8);
        price.setPromptText(tr("document.unitPrice"));
        price.textProperty().bindBidirectional(row.unitPrice);
        Button remove = new Button("✕");
        remove.setId("quoteLineRemove" + n);
        remove.setOnAction(e -> vm.lines.remove(row));
        HBox box = new HBox(6, description, quantity, price, remove);
        HBox.setHgrow(description, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
