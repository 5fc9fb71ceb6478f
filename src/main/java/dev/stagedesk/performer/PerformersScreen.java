package dev.stagedesk.performer;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.attachment.AttachmentService;
import dev.stagedesk.attachment.AttachmentsPane;
import dev.stagedesk.audit.AuditLine;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.Sheet;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
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
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The roster: search, and filters by act, genre, city and active; a performer's profile as a form (contacts,
 * acts, genres, fee, commission, withholding, home base, notes); and their availability: a month with each day
 * free, on hold, booked or blocked, and the blocked periods and weekly blocks to add or remove.
 */
public final class PerformersScreen implements Screen {
    public record Deps(PerformerQuery query, PerformerService service, AvailabilityService availability,
                       PerformerMonth months, CommandBus bus, Supplier<ZoneId> zone, Supplier<String> currency,
                       Function<UUID, List<AuditLine>> history, Clock clock,
                       AttachmentService attachments) {
    }

    private final Deps deps;
    private final UiContext ui;
    private final ListScreen<PerformerRow> list;
    private final Label message;

    public PerformersScreen(Deps deps, UiContext ui) {
        this.deps = deps;
        this.ui = ui;
        CheckBox activeOnly = new CheckBox(tr("filter.activeOnly"));
        activeOnly.setId("performersActiveOnly");
        TextField act = filterField("performersAct", tr("performer.filterAct"));
        TextField genre = filterField("performersGenre", tr("performer.filterGenre"));
        TextField city = filterField("performersCity", tr("performer.filterCity"));
        list = new ListScreen<>(tr("area.performers"), "performers", ui, 100, r -> deps.query().page(ui.actor(), r,
                new PerformerQuery.Filter(activeOnly.isSelected(), act.getText(), genre.getText(), city.getText())));
        var t = list.table();
        message = t.message();
        t.column(tr("performer.stageName"), "stageName", PerformerRow::stageName, 220);
        t.column(tr("performer.acts"), "acts", PerformerRow::acts, 160);
        t.column(tr("performer.genres"), "genres", PerformerRow::genres, 140);
        t.column(tr("performer.homeCity"), "homeCity", r -> Format.text(r.homeCity()), 120);
        t.numberColumn(tr("performer.defaultFee"), "fee", r -> Format.money(r.defaultFeeMinor(), r.currency()), 130);
        t.numberColumn(tr("performer.commission"), "commission", r -> Format.percent(r.commissionBp()), 100);
        t.column(tr("performer.active"), "active", r -> r.active() ? tr("common.yes") : tr("common.no"), 70);
        for (var field : List.of(act, genre, city)) {
            field.textProperty().addListener((o, a, b) -> t.viewModel().firstPage());
        }
        activeOnly.selectedProperty().addListener((o, a, b) -> t.viewModel().firstPage());
        t.addFilters(act, genre, city, activeOnly);
        if (ui.actor().can(Permission.PERFORMERS_EDIT)) {
            t.addTools(list.actionButton("newPerformer", tr("performer.new"), () -> openForm(null), false),
                    list.actionButton("editPerformer", tr("action.edit"), () -> openForm(selected()), true));
        }
        t.addTools(list.actionButton("performerAvailability", tr("performer.availability"),
                () -> openAvailability(selected()), true));
        if (ui.actor().can(Permission.BOOKINGS_VIEW_ALL)) {
            t.addTools(list.actionButton("performerDocuments", tr("performer.documents"),
                    () -> openDocuments(selected()), true));
        }
        list.historyAction("performerHistory", PerformerRow::id, PerformerRow::stageName, deps.history(), ui);
        message.setId("performersMessage");
    }

    private static TextField filterField(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(8);
        return f;
    }

    private PerformerRow selected() {
        return list.table().table().getSelectionModel().getSelectedItem();
    }

    @Override
    public Node node() {
        return list.node();
    }

    @Override
    public void activate() {
        list.activate();
    }

    private void done(String text) {
        message.setText(text);
        list.table().viewModel().reload();
    }

    @Override
    public boolean open(String entity, UUID id) {
        if (!PerformerService.ENTITY.equals(entity)) {
            return false;
        }
        if (ui.actor().can(Permission.PERFORMERS_EDIT)) {
            ui.tasks().run(() -> deps.service().find(id).orElseThrow(() -> new NotFoundException(
                    tr("record.notFound", tr("entity.performer"), id))), this::form, ui.errors());
        } else {
            ui.tasks().run(() -> deps.service().find(id).map(Performer::stageName).orElse(""),
                    name -> list.table().reveal(name, r -> r.id().equals(id)), ui.errors());
        }
        return true;
    }

    private void openForm(PerformerRow row) {
        ui.tasks().run(() -> row == null ? null : deps.service().find(row.id()).orElse(null), p -> form(p),
                ui.errors());
    }

    private void form(Performer p) {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField stage = text(grid, "stageName", tr("performer.stageName"), p == null ? "" : p.stageName());
        TextField legal = text(grid, "legalName", tr("performer.legalName"), p == null ? "" : p.legalName());
        TextField email = text(grid, "email", tr("performer.email"), p == null ? "" : p.email());
        TextField phone = text(grid, "phone", tr("performer.phone"), p == null ? "" : p.phone());
        TextField acts = text(grid, "acts", tr("performer.acts"), p == null ? "" : String.join(", ", p.acts()));
        acts.setPromptText(tr("performer.listPrompt"));
        TextField genres = text(grid, "genres", tr("performer.genres"), p == null ? "" : String.join(", ", p.genres()));
        String currencyCode = p == null ? deps.currency().get() : p.currency();
        TextField currency = text(grid, "currency", tr("performer.currency"), currencyCode);
        TextField fee = text(grid, "defaultFee", tr("performer.defaultFee"), p == null ? ""
                : ui.amounts().input(p.defaultFeeMinor(), Currencies.require(p.currency())));
        TextField commission = text(grid, "commission", tr("performer.commission") + " (%)",
                p == null ? "" : Parse.percentText(p.commissionBp()));
        TextField withholding = text(grid, "withholding", tr("performer.withholding") + " (%)",
                p == null ? "" : Parse.percentText(p.withholdingBp()));
        TextField homeCity = text(grid, "homeCity", tr("performer.homeCity"), p == null ? "" : p.homeCity());
        TextField lat = text(grid, "homeLatitude", tr("performer.latitude"), p == null ? ""
                : Parse.decimalText(p.homeLatitude()));
        TextField lon = text(grid, "homeLongitude", tr("performer.longitude"), p == null ? ""
                : Parse.decimalText(p.homeLongitude()));
        CheckBox active = grid.add(tr("performer.active"), "active", new CheckBox());
        active.setSelected(p == null || p.active());
        TextArea notes = grid.add(tr("performer.notes"), "notes", new TextArea(p == null || p.notes() == null ? ""
                : p.notes()));
        notes.setPrefRowCount(3);
        FormDialog.show(list.node(), p == null ? tr("performer.new") : tr("performer.editTitle", p.stageName()), grid,
                state, close -> {
                    Validator v = new Validator();
                    String code = currency.getText().strip().toUpperCase(Locale.ROOT);
                    Long feeMinor = MoneyParse.money("defaultFee", fee.getText(), code, ui.amounts(), v);
                    int commissionBp = commission.getText().isBlank() ? 0
                            : Parse.percentBp("commission", commission.getText(), v);
                    int withholdingBp = withholding.getText().isBlank() ? 0
                            : Parse.percentBp("withholding", withholding.getText(), v);
                    Double latitude = Parse.decimal("homeLatitude", lat.getText(), v);
                    Double longitude = Parse.decimal("homeLongitude", lon.getText(), v);
                    if (v.hasErrors()) {
                        state.show(v.errors());
                        return;
                    }
                    PerformerDraft d = new PerformerDraft(stage.getText(), legal.getText(), email.getText(),
                            phone.getText(), PerformerRepository.split(acts.getText().replace(',', ';')),
                            PerformerRepository.split(genres.getText().replace(',', ';')), feeMinor == null ? 0 : feeMinor,
                            code, commissionBp, withholdingBp, homeCity.getText(), latitude, longitude,
                            active.isSelected(), notes.getText());
                    state.submit(() -> p == null ? deps.service().create(ui.actor(), d)
                            : deps.bus().execute(ui.actor(), new PerformerService.UpdatePerformer(p.id(), p.version(), d)),
                            saved -> {
                                close.run();
                                done(tr("performer.saved", saved.stageName()));
                            });
                });
    }

    private static TextField text(FormGrid grid, String field, String label, String value) {
        TextField f = grid.add(label, field, new TextField(value == null ? "" : value));
        f.setId(field);
        return f;
    }

    /** The month view and the blocks, in a sheet of their own. */
    private void openAvailability(PerformerRow row) {
        ZoneId zone = deps.zone().get();
        YearMonth[] shown = {YearMonth.now(deps.clock().withZone(zone))};
        Label title = new Label(tr("performer.availabilityOf", row.stageName()));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label monthLabel = new Label();
        monthLabel.setId("availabilityMonth");
        GridPane days = new GridPane();
        days.setId("availabilityDays");
        days.setHgap(4);
        days.setVgap(4);
        ListView<PerformerMonth.Block> blocks = new ListView<>();
        blocks.setId("availabilityBlocks");
        blocks.setPrefHeight(120);
        blocks.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PerformerMonth.Block b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : describe(b, zone));
            }
        });
        Runnable[] load = new Runnable[1];
        load[0] = () -> ui.tasks().run(() -> deps.months().month(ui.actor(), row.id(), shown[0], zone), m -> {
            monthLabel.setText(Format.monthYear(shown[0]));
            days.getChildren().clear();
            for (int i = 0; i < 7; i++) {
                Label head = new Label(Format.dayShort(DayOfWeek.of(i + 1)));
                head.getStyleClass().add("muted");
                days.add(head, i, 0);
            }
            int offset = shown[0].atDay(1).getDayOfWeek().getValue() - 1;
            m.days().forEach((date, state) -> {
                Label cell = new Label(Integer.toString(date.getDayOfMonth()));
                cell.setId("day-" + date);
                cell.getStyleClass().addAll("availability-day", "availability-" + state.name().toLowerCase(Locale.ROOT));
                cell.setMinSize(44, 30);
                cell.setAlignment(Pos.CENTER);
                cell.setUserData(state);
                Tooltip.install(cell, new Tooltip(
                        Display.label(state)));
                int index = offset + date.getDayOfMonth() - 1;
                days.add(cell, index % 7, 1 + index / 7);
            });
            blocks.getItems().setAll(m.blocks());
        }, ui.errors());
        Button previous = new Button("‹");
        previous.setId("availabilityPrevious");
        previous.setOnAction(e -> {
            shown[0] = shown[0].minusMonths(1);
            load[0].run();
        });
        Button next = new Button("›");
        next.setId("availabilityNext");
        next.setOnAction(e -> {
            shown[0] = shown[0].plusMonths(1);
            load[0].run();
        });
        HBox legend = new HBox(10);
        for (PerformerMonth.DayState s : PerformerMonth.DayState.values()) {
            Label l = new Label(Display.label(s));
            l.getStyleClass().addAll("availability-day", "availability-" + s.name().toLowerCase(Locale.ROOT));
            l.setPadding(new Insets(2, 8, 2, 8));
            legend.getChildren().add(l);
        }
        HBox nav = new HBox(8, previous, monthLabel, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(10, title, nav, days, legend, new Label(tr("performer.blocks")), blocks);
        if (ui.actor().can(Permission.PERFORMERS_EDIT)) {
            Button period = new Button(tr("performer.blockPeriod"));
            period.setId("blockPeriod");
            period.setOnAction(e -> blockPeriod(row, zone, load[0]));
            Button weekly = new Button(tr("performer.blockWeekly"));
            weekly.setId("blockWeekly");
            weekly.setOnAction(e -> blockWeekly(row, load[0]));
            Button remove = new Button(tr("performer.removeBlock"));
            remove.setId("removeBlock");
            remove.disableProperty().bind(blocks.getSelectionModel().selectedItemProperty().isNull());
            remove.setOnAction(e -> ui.tasks().run(() -> deps.bus().execute(ui.actor(),
                    new AvailabilityService.RemoveBlock(blocks.getSelectionModel().getSelectedItem().id())),
                    ignored -> load[0].run(), ui.errors()));
            body.getChildren().add(new HBox(8, period, weekly, remove));
        }
        Sheet.show(list.node(), "availabilitySheet", 560, "closeAvailability", body);
        load[0].run();
    }

    /** Contracts, riders, photos: the performer's files, copied into the data folder like a booking's. */
    private void openDocuments(PerformerRow row) {
        Label title = new Label(tr("performer.documentsOf", row.stageName()));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label note = new Label();
        note.setId("documentsMessage");
        var pane = new AttachmentsPane(deps.attachments(), ui, PerformerService.ENTITY,
                row.id(), deps.zone().get().getId(), ui.actor().can(Permission.BOOKINGS_EDIT), note::setText);
        Sheet.show(list.node(), "documentsSheet", 560, "closeDocuments", title, pane, note);
    }

    private static String describe(PerformerMonth.Block b, ZoneId zone) {
        if (b.day() != null) {
            return tr("performer.weeklyBlock", Format.day(DayOfWeek.of(b.day())),
                    b.from(), b.to(), b.reason());
        }
        return Format.dateTime(b.startsAt(), zone.getId()) + " – " + Format.dateTime(b.endsAt(), zone.getId()) + ": "
                + b.reason();
    }

    private void blockPeriod(PerformerRow row, ZoneId zone, Runnable reload) {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField reason = grid.add(tr("performer.blockReason"), "reason", new TextField());
        reason.setId("blockReason");
        reason.setPromptText(tr("performer.blockReasonPrompt"));
        DatePicker from = grid.add(tr("statement.from"), "startsAt", new DateField(LocalDate.now(deps.clock())));
        from.setId("blockFrom");
        DatePicker to = grid.add(tr("performer.blockUntil"), "endsAt", new DateField(LocalDate.now(deps.clock())));
        to.setId("blockTo");
        FormDialog.show(list.node(), tr("performer.blockPeriod"), grid, state, close -> {
            if (from.getValue() == null || to.getValue() == null) {
                state.show(List.of(new FieldError(from.getValue() == null ? "startsAt" : "endsAt",
                        tr("validation.required"))));
                return;
            }
            // whole days: from the first day's start to the end of the last day
            Instant start = from.getValue().atStartOfDay(zone).toInstant();
            Instant end = to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
            state.submit(() -> deps.availability().block(ui.actor(), row.id(), reason.getText(), start, end), id -> {
                close.run();
                reload.run();
            });
        });
    }

    private void blockWeekly(PerformerRow row, Runnable reload) {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField reason = grid.add(tr("performer.blockReason"), "reason", new TextField());
        ComboBox<DayOfWeek> day = grid.add(tr("performer.weekday"), "day", new ComboBox<>());
        day.getItems().setAll(DayOfWeek.values());
        day.setValue(DayOfWeek.MONDAY);
        TextField from = grid.add(tr("performer.fromTime"), "from", new TextField("09:00"));
        TextField to = grid.add(tr("performer.toTime"), "to", new TextField("17:00"));
        FormDialog.show(list.node(), tr("performer.blockWeekly"), grid, state, close -> {
            Validator v = new Validator();
            var f = Parse.time("from", from.getText(), v);
            var t = Parse.time("to", to.getText(), v);
            if (v.hasErrors()) {
                state.show(v.errors());
                return;
            }
            state.submit(() -> deps.availability().blockWeekly(ui.actor(), row.id(), reason.getText(), day.getValue(),
                    f, t), id -> {
                close.run();
                reload.run();
            });
        });
    }
}
