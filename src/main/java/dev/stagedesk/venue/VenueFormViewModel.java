package dev.stagedesk.venue;

import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The venue form. Coordinates and capacity are typed as text and read strictly. */
public final class VenueFormViewModel {
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty addressLine1 = new SimpleStringProperty("");
    public final StringProperty addressLine2 = new SimpleStringProperty("");
    public final StringProperty postalCode = new SimpleStringProperty("");
    public final StringProperty city = new SimpleStringProperty("");
    public final StringProperty region = new SimpleStringProperty("");
    public final StringProperty countryCode = new SimpleStringProperty("");
    public final StringProperty latitude = new SimpleStringProperty("");
    public final StringProperty longitude = new SimpleStringProperty("");
    public final StringProperty capacity = new SimpleStringProperty("");
    public final StringProperty contactName = new SimpleStringProperty("");
    public final StringProperty contactPhone = new SimpleStringProperty("");
    public final StringProperty notes = new SimpleStringProperty("");

    private final VenueService service;
    private final Actor actor;
    private final FormState state;
    private final Venue original;

    public VenueFormViewModel(VenueService service, Actor actor, TaskRunner tasks, Consumer<Throwable> onUnexpected,
                              Venue original) {
        this.service = service;
        this.actor = actor;
        this.state = new FormState(tasks, onUnexpected);
        this.original = original;
        if (original != null) {
            name.set(t(original.name()));
            addressLine1.set(t(original.addressLine1()));
            addressLine2.set(t(original.addressLine2()));
            postalCode.set(t(original.postalCode()));
            city.set(t(original.city()));
            region.set(t(original.region()));
            countryCode.set(t(original.countryCode()));
            latitude.set(Parse.decimalText(original.latitude()));
            longitude.set(Parse.decimalText(original.longitude()));
            capacity.set(original.capacity() == null ? "" : original.capacity().toString());
            contactName.set(t(original.contactName()));
            contactPhone.set(t(original.contactPhone()));
            notes.set(t(original.notes()));
        }
    }

    public FormState state() {
        return state;
    }

    public boolean isNew() {
        return original == null;
    }

    public void save(Consumer<Venue> onSaved) {
        Validator v = new Validator();
        Double lat = Parse.decimal("latitude", latitude.get(), v);
        Double lon = Parse.decimal("longitude", longitude.get(), v);
        Integer cap = Parse.integer("capacity", capacity.get(), v);
        if (v.hasErrors()) {
            state.show(v.errors());
            return;
        }
        VenueDraft d = new VenueDraft(name.get(), addressLine1.get(), addressLine2.get(), postalCode.get(), city.get(),
                region.get(), countryCode.get(), lat, lon, cap, contactName.get(), contactPhone.get(), notes.get());
        state.submit(() -> original == null ? service.create(actor, d)
                : service.update(actor, original.id(), original.version(), d), onSaved);
    }

    private static String t(String s) {
        return s == null ? "" : s;
    }
}
