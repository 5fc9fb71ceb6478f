package dev.stagedesk.settings;

import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.Role;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import dev.stagedesk.performer.PerformerChoice;
import java.util.EnumMap;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** New user, edit user (roles, active), reset password, or change one's own password. */
public final class UserFormViewModel {
    /** What the form is for. */
    public enum Mode { CREATE, EDIT, RESET_PASSWORD, OWN_PASSWORD }

    public static final PerformerChoice NO_PERFORMER = new PerformerChoice(null, I18n.tr("users.noPerformer"), null);

    public final StringProperty username = new SimpleStringProperty("");
    public final StringProperty displayName = new SimpleStringProperty("");
    public final StringProperty email = new SimpleStringProperty("");
    public final BooleanProperty active = new SimpleBooleanProperty(true);
    public final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    /** The performer record a performer user is; {@link #NO_PERFORMER} for none. */
    public final ObjectProperty<PerformerChoice> performer = new SimpleObjectProperty<>(NO_PERFORMER);
    public final ObservableList<PerformerChoice> performerChoices = FXCollections.observableArrayList(NO_PERFORMER);
    public final StringProperty currentPassword = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty repeatPassword = new SimpleStringProperty("");

    private final UserService service;
    private final Actor actor;
    private final FormState state;
    private final Mode mode;
    private final User original;

    public UserFormViewModel(UserService service, Actor actor, TaskRunner tasks, Consumer<Throwable> onUnexpected,
                             Mode mode, User original) {
        this.service = service;
        this.actor = actor;
        this.state = new FormState(tasks, onUnexpected);
        this.mode = mode;
        this.original = original;
        for (Role r : Role.values()) {
            roles.put(r, new SimpleBooleanProperty(original != null && original.roles().contains(r)));
        }
        if (original != null) {
            username.set(original.username());
            displayName.set(original.displayName());
            email.set(original.email() == null ? "" : original.email());
            active.set(original.active());
        }
    }

    /** The performers to pick from; selects the one the user is linked to. */
    public void setPerformerChoices(List<PerformerChoice> choices) {
        performerChoices.setAll(NO_PERFORMER);
        performerChoices.addAll(choices);
        UUID linked = original == null ? null : original.performerId();
        performer.set(choices.stream().filter(c -> c.id().equals(linked)).findFirst().orElse(NO_PERFORMER));
    }

    private UUID performerId() {
        return performer.get() == null ? null : performer.get().id();
    }

    public FormState state() {
        return state;
    }

    public Mode mode() {
        return mode;
    }

    public void save(Consumer<User> onSaved) {
        if (mode != Mode.EDIT && !password.get().equals(repeatPassword.get())) {
            state.show(List.of(new FieldError("repeatPassword", I18n.tr("welcome.passwordsDiffer"))));
            return;
        }
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        roles.forEach((r, p) -> {
            if (p.get()) {
                chosen.add(r);
            }
        });
        char[] secret = password.get().toCharArray();
        state.submit(() -> switch (mode) {
            case CREATE -> service.create(actor, username.get(), displayName.get(), email.get(), chosen, performerId(),
                    secret);
            case EDIT -> service.update(actor, original.id(), original.version(), displayName.get(), email.get(), chosen,
                    active.get(), performerId());
            case RESET_PASSWORD -> service.resetPassword(actor, original.id(), secret);
            case OWN_PASSWORD -> service.changeOwnPassword(actor, currentPassword.get().toCharArray(), secret);
        }, onSaved);
    }
}
