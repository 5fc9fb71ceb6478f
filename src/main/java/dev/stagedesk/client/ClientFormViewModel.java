package dev.stagedesk.client;

import dev.stagedesk.common.Language;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The client form: one property per field; save creates or updates through the service. */
public final class ClientFormViewModel {
    public final ObjectProperty<ClientKind> kind = new SimpleObjectProperty<>(ClientKind.PERSON);
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty contactName = new SimpleStringProperty("");
    public final StringProperty email = new SimpleStringProperty("");
    public final StringProperty phone = new SimpleStringProperty("");
    public final StringProperty addressLine1 = new SimpleStringProperty("");
    public final StringProperty addressLine2 = new SimpleStringProperty("");
    public final StringProperty postalCode = new SimpleStringProperty("");
    public final StringProperty city = new SimpleStringProperty("");
    public final StringProperty region = new SimpleStringProperty("");
    public final StringProperty countryCode = new SimpleStringProperty("");
    public final StringProperty taxId = new SimpleStringProperty("");
    public final StringProperty notes = new SimpleStringProperty("");
    /** The code of the language of the client's documents ("de"); "" for the agency's document language. */
    public final StringProperty language = new SimpleStringProperty("");

    private final ClientService service;
    private final Actor actor;
    private final FormState state;
    private final Client original;

    /** {@code original} null for a new client. */
    public ClientFormViewModel(ClientService service, Actor actor, TaskRunner tasks, Consumer<Throwable> onUnexpected,
                               Client original) {
        this.service = service;
        this.actor = actor;
        this.state = new FormState(tasks, onUnexpected);
        this.original = original;
        if (original != null) {
            kind.set(original.kind());
            name.set(text(original.name()));
            contactName.set(text(original.contactName()));
            email.set(text(original.email()));
            phone.set(text(original.phone()));
            addressLine1.set(text(original.addressLine1()));
            addressLine2.set(text(original.addressLine2()));
            postalCode.set(text(original.postalCode()));
            city.set(text(original.city()));
            region.set(text(original.region()));
            countryCode.set(text(original.countryCode()));
            taxId.set(text(original.taxId()));
            notes.set(text(original.notes()));
            language.set(original.language() == null ? "" : original.language().code());
        }
    }

    public FormState state() {
        return state;
    }

    public boolean isNew() {
        return original == null;
    }

    public ClientDraft draft() {
        return new ClientDraft(kind.get(), name.get(), contactName.get(), email.get(), phone.get(), addressLine1.get(),
                addressLine2.get(), postalCode.get(), city.get(), region.get(), countryCode.get(), taxId.get(),
                notes.get(), Language.ofCode(language.get()).orElse(null));
    }

    public void save(Consumer<Client> onSaved) {
        ClientDraft d = draft();
        state.submit(() -> original == null ? service.create(actor, d)
                : service.update(actor, original.id(), original.version(), d), onSaved);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
