package dev.stagedesk.settings;

import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.Role;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Display;
import dev.stagedesk.settings.UserFormViewModel.Mode;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.performer.PerformerChoice;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.controlsfx.control.SearchableComboBox;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Users of the store (administrators manage them) and "Change my password" for everyone. */
public final class UsersPane extends VBox {

    private final UserService service;
    private final UiContext ui;
    private final TableView<User> table = new TableView<>();
    private final Function<Actor, List<PerformerChoice>> performers;
    private final Map<UUID, String> performerNames = new HashMap<>();

    /** The agency's zone (reads the store: off the FX thread); last sign-ins are shown in it. */
    private final Supplier<ZoneId> agencyZone;
    private volatile ZoneId zone = Format.agencyZone();

    public UsersPane(UserService service, Function<Actor, List<PerformerChoice>> performers, UiContext ui,
                     Supplier<ZoneId> agencyZone) {
        super(8);
        this.agencyZone = agencyZone;
        this.service = service;
        this.performers = performers;
        this.ui = ui;
        Button own = new Button(tr("users.changeOwnPassword"));
        own.setId("changeOwnPassword");
        own.setOnAction(e -> openForm(Mode.OWN_PASSWORD, null));
        HBox ownRow = new HBox(8, own);
        if (!ui.actor().can(Permission.USERS_MANAGE)) {
            getChildren().add(ownRow);
            return;
        }
        table.setId("usersTable");
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(tr("users.username"), User::username);
        column(tr("users.displayName"), User::displayName);
        column(tr("users.roles"), u -> u.roles().stream().map(r -> Display.label(r))
                .collect(Collectors.joining(", ")));
        column(tr("users.performer"), u -> u.performerId() == null ? "" : performerName(u));
        column(tr("users.active"), u -> u.active() ? tr("common.yes") : tr("common.no"));
        column(tr("users.lastSignIn"), u -> u.lastSignInAt() == null ? ""
                : Format.dateTime(u.lastSignInAt(), zone));
        Button add = new Button(tr("users.new"));
        add.setId("newUser");
        add.setOnAction(e -> openForm(Mode.CREATE, null));
        Button edit = new Button(tr("action.edit"));
        edit.setId("editUser");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> openForm(Mode.EDIT, table.getSelectionModel().getSelectedItem()));
        Button reset = new Button(tr("users.resetPassword"));
        reset.setId("resetPassword");
        reset.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reset.setOnAction(e -> openForm(Mode.RESET_PASSWORD, table.getSelectionModel().getSelectedItem()));
        ownRow.getChildren().addAll(0, List.of(add, edit, reset));
        ownRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(table, ownRow);
    }

    private void column(String title, Function<User, String> value) {
        TableColumn<User, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        table.getColumns().add(c);
    }

    public void reload() {
        if (ui.actor().can(Permission.USERS_MANAGE)) {
            ui.tasks().run(() -> new Object[] {service.all(), performers.apply(ui.actor()), agencyZone.get()}, r -> {
                zone = (ZoneId) r[2];
                performerNames.clear();
                for (PerformerChoice c : this.<PerformerChoice>cast(r[1])) {
                    performerNames.put(c.id(), c.stageName());
                }
                table.getItems().setAll(this.<User>cast(r[0]));
            }, ui.errors());
        }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> cast(Object o) {
        return (List<T>) o;
    }

    private String performerName(User u) {
        return performerNames.getOrDefault(u.performerId(), "?");
    }

    private void openForm(Mode mode, User user) {
        if (mode == Mode.CREATE || mode == Mode.EDIT) {
            ui.tasks().run(() -> performers.apply(ui.actor()), choices -> openForm(mode, user, choices), ui.errors());
        } else {
            openForm(mode, user, List.of());
        }
    }

    private void openForm(Mode mode, User user, List<PerformerChoice> choices) {
        UserFormViewModel form = new UserFormViewModel(service, ui.actor(), ui.tasks(), ui.errors(), mode, user);
        form.setPerformerChoices(choices);
        FormGrid grid = new FormGrid(form.state());
        if (mode == Mode.CREATE || mode == Mode.EDIT) {
            TextField name = grid.add(tr("users.username"), "username", new TextField());
            name.textProperty().bindBidirectional(form.username);
            name.setDisable(mode == Mode.EDIT);
            grid.add(tr("users.displayName"), "displayName", new TextField()).textProperty()
                    .bindBidirectional(form.displayName);
            grid.add(tr("users.email"), "email", new TextField()).textProperty().bindBidirectional(form.email);
            HBox roleBoxes = new HBox(12);
            for (Role r : Role.values()) {
                CheckBox box = new CheckBox(Display.label(r));
                box.setId("role" + r.name());
                box.selectedProperty().bindBidirectional(form.roles.get(r));
                roleBoxes.getChildren().add(box);
            }
            grid.add(tr("users.roles"), "roles", new Label()).setGraphic(roleBoxes);
            SearchableComboBox<PerformerChoice> performer = grid.add(tr("users.performer"), "performer",
                    new SearchableComboBox<>(form.performerChoices));
            performer.setId("userPerformer");
            performer.setMaxWidth(Double.MAX_VALUE);
            performer.valueProperty().bindBidirectional(form.performer);
            if (mode == Mode.EDIT) {
                CheckBox active = grid.add(tr("users.active"), "active", new CheckBox());
                active.selectedProperty().bindBidirectional(form.active);
            }
        }
        if (mode == Mode.OWN_PASSWORD) {
            grid.add(tr("users.currentPassword"), "currentPassword", new PasswordField()).textProperty()
                    .bindBidirectional(form.currentPassword);
        }
        if (mode != Mode.EDIT) {
            grid.add(tr("users.password"), mode == Mode.OWN_PASSWORD ? "newPassword" : "password", new PasswordField())
                    .textProperty().bindBidirectional(form.password);
            grid.add(tr("welcome.repeatPassword"), "repeatPassword", new PasswordField()).textProperty()
                    .bindBidirectional(form.repeatPassword);
        }
        String title = switch (mode) {
            case CREATE -> tr("users.new");
            case EDIT -> tr("users.edit", user.username());
            case RESET_PASSWORD -> tr("users.resetPasswordFor", user.username());
            case OWN_PASSWORD -> tr("users.changeOwnPassword");
        };
        FormDialog.show(this, title, grid, form.state(), close -> form.save(saved -> {
            close.run();
            reload();
        }));
    }
}
