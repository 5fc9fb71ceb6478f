package dev.stagedesk.booking;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Display;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.UiContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.controlsfx.control.SearchableComboBox;

/**
 * The booking's performers, as forms: assign one (with "who is available?" to pick from, and an admin's
 * override reason when the check finds a conflict), remove one, mark payouts paid. Every form goes through
 * {@link AssignmentService}, as the command line does.
 */
public final class AssignmentForms {
    private final BookingsScreen.Deps deps;
    private final UiContext ui;
    private final Node anchor;
    private final Consumer<String> done;

    AssignmentForms(BookingsScreen.Deps deps, UiContext ui, Node anchor, Consumer<String> done) {
        this.deps = deps;
        this.ui = ui;
        this.anchor = anchor;
        this.done = done;
    }

    void openAssign(Booking b) {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        // the override reason sits right under the form's message, so a long conflict message never pushes it out
        // of view; it appears once the check has found a conflict (the message asks for it)
        TextField override = null;
        if (ui.actor().can(Permission.CONFLICTS_OVERRIDE)) {
            TextField reasonField = grid.add(tr("assignment.overrideReason"), "overrideReason", new TextField());
            reasonField.setId("assignOverride");
            reasonField.setPromptText(tr("assignment.overridePrompt"));
            reasonField.setManaged(false);
            reasonField.setVisible(false);
            state.generalErrorProperty().addListener((o, was, now) -> {
                if (now != null && !now.isEmpty() && !reasonField.isVisible()) {
                    reasonField.setManaged(true);
                    reasonField.setVisible(true);
                    Platform.runLater(reasonField::requestFocus);
                }
            });
            override = reasonField;
        }
        SearchableComboBox<PerformerChoice> performer = grid.add(tr("hold.performer"), "performer",
                new SearchableComboBox<>());
        performer.setId("assignWho");
        performer.setMaxWidth(Double.MAX_VALUE);
        TextField act = grid.add(tr("assignment.act"), "act", new TextField());
        act.setId("assignAct");
        act.setPromptText(tr("assignment.anyAct"));
        TableView<AvailableQuery.Candidate> free = grid.add(tr("assignment.available"), "available", new TableView<>());
        free.setId("availableTable");
        free.setPrefHeight(170);
        free.setPlaceholder(new Label(tr("assignment.noneAvailable")));
        BookingDetailView.col(free, tr("hold.performer"), AvailableQuery.Candidate::stageName, 150);
        BookingDetailView.col(free, tr("performer.homeCity"), c -> Format.text(c.homeCity()), 110);
        BookingDetailView.col(free, tr("assignment.distance"), c -> c.km() == null ? "" : Math.round(c.km()) + " km", 80);
        BookingDetailView.col(free, tr("performer.defaultFee"), c -> Format.money(c.defaultFeeMinor(), c.currency()), 110);
        TextField role = grid.add(tr("assignment.role"), "role", new TextField());
        role.setId("assignRole");
        role.setPromptText(tr("assignment.defaultRole"));
        TextField payout = grid.add(tr("assignment.payout") + " (" + b.currency() + ")", "payout", new TextField());
        payout.setId("assignPayout");
        payout.setPromptText(tr("assignment.defaultFeePrompt"));
        TextField call = grid.add(tr("assignment.callTime"), "callTime", new TextField());
        call.setId("assignCallTime");
        call.setPromptText(tr("assignment.callTimePrompt"));
        // one look-up per keystroke; an answer to an older text than the one typed now is dropped
        Runnable lookUp = () -> {
            String asked = act.getText();
            ui.tasks().run(() -> deps.available().available(ui.actor(), b.id(), asked), found -> {
                if (asked.equals(act.getText())) {
                    free.getItems().setAll(found);
                }
            }, ui.errors());
        };
        act.textProperty().addListener((o, was, now) -> lookUp.run());
        free.getSelectionModel().selectedItemProperty().addListener((o, was, c) -> {
            if (c != null) {
                performer.getItems().stream().filter(p -> p.id().equals(c.performerId())).findFirst()
                        .ifPresent(performer::setValue);
            }
        });
        ui.tasks().run(() -> deps.performers().choices(ui.actor(), 10_000), performer.getItems()::setAll, ui.errors());
        lookUp.run();
        TextField overrideField = override;
        FormDialog.show(anchor, tr("assignment.assignTitle", b.number()), grid, state, close -> {
            Validator v = new Validator();
            PerformerChoice who = performer.getValue();
            if (who == null) {
                v.add(new FieldError("performer", tr("assignment.unknownPerformer")));
            }
            Long payoutMinor = MoneyParse.money("payout", payout.getText(), b.currency(), ui.amounts(), v);
            Instant callTime = AssignmentFormViewModel.callTime(b, call.getText(), v);
            if (!v.errors().isEmpty()) {
                state.show(v.errors());
                return;
            }
            Instant chosenCall = callTime;
            String reason = overrideField == null ? null : overrideField.getText();
            state.submit(() -> deps.assignments().assign(ui.actor(), b.id(), who.id(), role.getText(), payoutMinor,
                    chosenCall, reason), id -> {
                close.run();
                done.accept(tr("assignment.assigned", who.stageName(), b.number()));
            });
        });
    }

    /**
     * Role, payout, call time and the agency's commission and withholding on this gig; the sheet holds the
     * assignment's version from when it opened ({@link AssignmentFormViewModel}).
     */
    void openEdit(AssignmentFormViewModel vm) {
        var a = vm.assignment();
        FormGrid grid = new FormGrid(vm.state());
        bind(grid.add(tr("assignment.role"), "role", new TextField()), "editRole", vm.role);
        bind(grid.add(tr("assignment.payout") + " (" + a.currency() + ")", "payout", new TextField()), "editPayout",
                vm.payout);
        bind(grid.add(tr("assignment.callTime"), "callTime", new TextField()), "editCallTime", vm.callTime);
        bind(grid.add(tr("performer.commission") + " (%)", "commission", new TextField()), "editCommission",
                vm.commission);
        bind(grid.add(tr("performer.withholding") + " (%)", "withholding", new TextField()), "editWithholding",
                vm.withholding);
        FormDialog.show(anchor, tr("assignment.editTitle", a.performer(), vm.bookingNumber()), grid, vm.state(),
                close -> vm.save(text -> {
                    close.run();
                    done.accept(text);
                }));
    }

    private static void bind(TextField field, String id, StringProperty value) {
        field.setId(id);
        field.textProperty().bindBidirectional(value);
    }

    void openMarkPaid(List<BookingDetail.AssignmentView> chosen) {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        openMarkPaid(anchor, ui, deps.assignments(), LocalDate.now(deps.clock()),
                chosen.stream().map(BookingDetail.AssignmentView::id).toList(), state, grid,
                n -> done.accept(tr("payout.markedPaid", n)));
    }

    /** The "mark paid" sheet, shared with the outstanding payouts screen: date, method, reference; all or none. */
    public static void openMarkPaid(Node anchor, UiContext ui, AssignmentService assignments, LocalDate today,
                             List<UUID> ids, FormState state, FormGrid grid, Consumer<Integer> paid) {
        DatePicker paidOn = grid.add(tr("payout.paidOn"), "paidOn", new DateField(today));
        paidOn.setId("payoutPaidOn");
        ComboBox<String> method = grid.add(tr("payout.method"), "method", new ComboBox<>());
        method.setId("payoutMethod");
        method.getItems().setAll(AssignmentService.PAYOUT_METHODS.split(";"));
        CodeLabels.on(method, Display.CodeSet.PaymentMethod);
        method.setValue("BANK_TRANSFER");
        TextField reference = grid.add(tr("payout.reference"), "reference", new TextField());
        reference.setId("payoutReference");
        FormDialog.show(anchor, tr("payout.markPaidTitle", ids.size()), grid, state, close -> state.submit(
                () -> assignments.markPaid(ui.actor(), ids, paidOn.getValue(), method.getValue(), reference.getText()),
                n -> {
                    close.run();
                    paid.accept(n);
                }));
    }
}
