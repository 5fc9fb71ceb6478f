package dev.stagedesk.booking;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.client.ClientQuery;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.ui.LookupField;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.venue.VenueQuery;
import dev.stagedesk.venue.VenueRow;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.Property;
import org.controlsfx.control.SearchableComboBox;

/** The client, venue and performer filters that narrow bookings (the bookings list, the calendar). */
public final class BookingFilterFields {
    private BookingFilterFields() {
    }

    /** A client picked by typing part of its name; {@code id} names the field ("bookingsClient"). */
    public static LookupField<ClientRow> client(String id, ClientQuery clients, UiContext ui, Property<ClientRow> value) {
        LookupField<ClientRow> field = new LookupField<>(id, tr("filter.client"),
                text -> clients.suggest(ui.actor(), text, 10), ClientRow::name, (c, text) -> text.equals(c.name()));
        field.setPrefColumnCount(12);
        field.value().bindBidirectional(value);
        return field;
    }

    public static LookupField<VenueRow> venue(String id, VenueQuery venues, Property<VenueRow> value) {
        LookupField<VenueRow> field = new LookupField<>(id, tr("filter.venue"), text -> venues.suggest(text, 10),
                VenueRow::name, (v, text) -> text.equals(v.name()));
        field.setPrefColumnCount(12);
        field.value().bindBidirectional(value);
        return field;
    }

    /** Every performer to pick from (read in the background), the first entry "any". */
    public static SearchableComboBox<PerformerChoice> performer(String id, PerformerQuery performers, UiContext ui,
                                                               Property<PerformerChoice> value) {
        SearchableComboBox<PerformerChoice> box = new SearchableComboBox<>();
        box.setId(id);
        box.setPromptText(tr("filter.performer"));
        box.setPrefWidth(180);
        box.valueProperty().bindBidirectional(value);
        ui.tasks().run(() -> {
            List<PerformerChoice> choices = new ArrayList<>();
            choices.add(null);
            choices.addAll(performers.choices(ui.actor(), 10_000));
            return choices;
        }, box.getItems()::setAll, ui.errors());
        return box;
    }
}
