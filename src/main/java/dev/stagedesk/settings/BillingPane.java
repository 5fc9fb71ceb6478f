package dev.stagedesk.settings;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Display;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Settings' Billing tab: deposit defaults for new bookings, due dates, invoice numbering patterns, the logo, and the
 * document language (quotes and invoices of clients without a language of their own, performer statements).
 */
final class BillingPane extends VBox {
    private final SettingsService settings;
    private final UiContext ui;
    private final FormState state;
    private final ComboBox<String> kind = new ComboBox<>();
    private final TextField value = new TextField();
    private final ComboBox<String> basis = new ComboBox<>();
    private final TextField depositDays = new TextField();
    private final TextField balanceDays = new TextField();
    private final TextField invoiceDays = new TextField();
    private final TextField invoicePattern = new TextField();
    private final TextField creditPattern = new TextField();
    private final TextField logo = new TextField();
    private final ComboBox<String> documentLanguage = new ComboBox<>();
    private final Label saved = new Label();
    private String baseCurrency = "EUR";

    BillingPane(SettingsService settings, UiContext ui) {
        super(10);
        this.settings = settings;
        this.ui = ui;
        this.state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        kind.getItems().setAll("PERCENT", "AMOUNT");
        CodeLabels.on(kind, Display.CodeSet.DepositKind);
        grid.add(tr("money.depositKind"), "depositKind", kind).setId("billingKind");
        grid.add(tr("settings.depositValue"), "depositValue", value).setId("billingValue");
        basis.getItems().setAll("BOOKING", "EVENT");
        CodeLabels.on(basis, Display.CodeSet.DueBasis);
        grid.add(tr("money.depositBasis"), "depositDueBasis", basis).setId("billingBasis");
        grid.add(tr("money.depositDays"), "depositDueDays", depositDays).setId("billingDepositDays");
        grid.add(tr("money.balanceDays"), "balanceDueDaysBefore", balanceDays).setId("billingBalanceDays");
        grid.add(tr("settings.invoiceDueDays"), "invoiceDueDays", invoiceDays).setId("billingInvoiceDays");
        grid.add(tr("settings.invoicePattern"), "invoicePattern", invoicePattern).setId("billingInvoicePattern");
        grid.add(tr("settings.creditNotePattern"), "creditNotePattern", creditPattern).setId("billingCreditPattern");
        grid.add(tr("settings.logoPath"), "logoPath", logo).setId("billingLogo");
        documentLanguage.getItems().setAll(Language.codes());
        documentLanguage.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : Language.ofCode(code).map(Language::endonym).orElse(code);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        grid.add(tr("settings.documentLanguage"), "documentLanguage", documentLanguage).setId("billingDocumentLanguage");
        Button choose = new Button(tr("settings.chooseLogo"));
        choose.setOnAction(e -> ui.openDialog().ask(this, tr("settings.chooseLogo"))
                .ifPresent(p -> logo.setText(p.toString())));
        Button save = new Button(tr("action.save"));
        save.setId("saveBilling");
        save.setDisable(!ui.actor().can(Permission.SETTINGS_EDIT));
        save.setOnAction(e -> save());
        saved.setId("billingSaved");
        HBox actions = new HBox(10, save, choose, saved);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(tr("settings.billingHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        getChildren().addAll(hint, grid, actions);
    }

    void load() {
        ui.tasks().run(() -> settings.agency().isEmpty() ? null
                : new Object[] {settings.billing(), settings.requireAgency().baseCurrency().getCurrencyCode()}, r -> {
            if (r == null) {
                return; // before the agency is set up
            }
            BillingSettings b = (BillingSettings) r[0];
            kind.setValue(b.depositKind());
            value.setText("PERCENT".equals(b.depositKind()) ? Parse.percentText((int) b.depositValue())
                    : ui.amounts().input(b.depositValue(), Currencies.require((String) r[1])));
            basis.setValue(b.depositDueBasis());
            depositDays.setText(Integer.toString(b.depositDueDays()));
            balanceDays.setText(Integer.toString(b.balanceDueDaysBefore()));
            invoiceDays.setText(Integer.toString(b.invoiceDueDays()));
            baseCurrency = (String) r[1];
            invoicePattern.setText(b.invoicePattern());
            creditPattern.setText(b.creditNotePattern());
            logo.setText(b.logoPath() == null ? "" : b.logoPath());
            documentLanguage.setValue(b.documentLanguage());
        }, ui.errors());
    }

    private void save() {
        Validator v = new Validator();
        String currency = baseCurrency;
        long amount = "PERCENT".equals(kind.getValue()) ? Parse.percentBp("depositValue", value.getText(), v)
                : Objects.requireNonNullElse(MoneyParse.money("depositValue", value.getText(), currency, ui.amounts(), v), 0L);
        Integer d = Parse.integer("depositDueDays", depositDays.getText(), v);
        Integer bd = Parse.integer("balanceDueDaysBefore", balanceDays.getText(), v);
        Integer id = Parse.integer("invoiceDueDays", invoiceDays.getText(), v);
        if (v.hasErrors()) {
            state.show(v.errors());
            return;
        }
        BillingSettings b = new BillingSettings(kind.getValue(), amount, basis.getValue(), d == null ? 0 : d,
                bd == null ? 0 : bd, id == null ? 0 : id, invoicePattern.getText(), creditPattern.getText(), logo.getText(),
                documentLanguage.getValue());
        state.submit(() -> {
            settings.updateBilling(ui.actor(), b);
            return null;
        }, x -> saved.setText(tr("settings.billingSaved")));
    }
}
