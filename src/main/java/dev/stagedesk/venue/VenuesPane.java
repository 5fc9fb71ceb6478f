package dev.stagedesk.venue;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.security.Permission;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.StringProperty;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.PagedTable;
import dev.stagedesk.ui.RecordListTools;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.ui.UndoBar;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

/** The venues list with its tools: new, edit (double-click or Enter), delete (Delete) with undo, filters. */
public final class VenuesPane extends BorderPane {
    private final VenueListViewModel vm;
    private final VenueService service;
    private final UiContext ui;
    private Places placeTools;

    /**
     * The map's place tools as the venue form uses them: the map feature (above venues) implements them
     * ({@code map.PlaceTools#forVenues}).
     */
    public interface Places {
        /** "Look up address": fills the coordinates of what {@code address} gives. */
        Button lookUp(Supplier<String> address, BiConsumer<String, String> set, Label note);

        /** "Pick on map…", starting at the coordinates typed so far ({@code "lat, lon"}, or text that is none). */
        Button pick(Supplier<String> typed, BiConsumer<String, String> set);
    }

    /** Adds "Look up address" and "Pick on map" to the form (the map's tools; absent in tests that do not need them). */
    public void setPlaceTools(Places tools) {
        this.placeTools = tools;
    }

    public VenuesPane(VenueQuery query, VenueService service, UiContext ui) {
        this.service = service;
        this.ui = ui;
        this.vm = new VenueListViewModel(query, service, ui.actor(), ui.tasks(), ui.errors());
        PagedTable<VenueRow> table = new PagedTable<>(vm.list(), "venues");
        if (ui.actor().can(Permission.DATA_EXPORT)) {
            table.enableExport(ui, tr("export.venues"), "venues");
        }
        table.column(tr("venue.name"), "name", VenueRow::name, 240);
        table.column(tr("venue.addressLine1"), "address", r -> Format.text(r.addressLine1()), 200);
        table.column(tr("venue.city"), "city", VenueRow::city, 130);
        table.column(tr("venue.countryCode"), "country", r -> Format.text(r.countryCode()), 70);
        table.numberColumn(tr("venue.capacity"), "capacity",
                r -> r.capacity() == null ? "" : String.format("%,d", r.capacity()), 90);
        table.numberColumn(tr("venue.latitude"), null, r -> Format.coordinate(r.latitude()), 100);
        table.numberColumn(tr("venue.longitude"), null, r -> Format.coordinate(r.longitude()), 100);

        TextField city = new TextField();
        city.setId("venuesCityFilter");
        city.setPromptText(tr("filter.city"));
        city.setPrefColumnCount(10);
        city.textProperty().bindBidirectional(vm.cityFilter);
        CheckBox noCoordinates = new CheckBox(tr("filter.missingCoordinates"));
        noCoordinates.setId("venuesMissingCoordinates");
        noCoordinates.selectedProperty().bindBidirectional(vm.missingCoordinates);
        CheckBox deleted = new CheckBox(tr("filter.showDeleted"));
        deleted.setId("venuesShowDeleted");
        deleted.selectedProperty().bindBidirectional(vm.showDeleted);
        Button add = new Button(tr("venues.new"));
        add.setId("newVenue");
        add.setOnAction(e -> openForm(null));
        table.addTools(city, noCoordinates, deleted, add);
        RecordListTools.install(table, "Venue", VenueRow::deleted, this::openRow, vm::delete);
        setTop(new UndoBar(vm.undo, "venues"));
        setCenter(table);
    }

    public void reload() {
        vm.list().reload();
    }

    /** Opens one venue's form (from a search result or a notification). */
    public void open(UUID id) {
        ui.tasks().run(() -> service.find(id).orElseThrow(() -> new NotFoundException(
                tr("record.notFound", tr("entity.venue"), id))),
                found -> ModalHost.whenShown(this, () -> openForm(found)), ui.errors());
    }

    private void openRow(VenueRow row) {
        vm.open(row, this::openForm);
    }

    private void openForm(Venue venue) {
        VenueFormViewModel form = new VenueFormViewModel(service, ui.actor(), ui.tasks(), ui.errors(), venue);
        FormGrid grid = new FormGrid(form.state());
        bind(grid.add(tr("venue.name"), "name", new TextField()), form.name);
        bind(grid.add(tr("venue.addressLine1"), "addressLine1", new TextField()), form.addressLine1);
        bind(grid.add(tr("venue.addressLine2"), "addressLine2", new TextField()), form.addressLine2);
        bind(grid.add(tr("venue.postalCode"), "postalCode", new TextField()), form.postalCode);
        bind(grid.add(tr("venue.city"), "city", new TextField()), form.city);
        bind(grid.add(tr("venue.region"), "region", new TextField()), form.region);
        bind(grid.add(tr("venue.countryCode"), "countryCode", new TextField()), form.countryCode);
        bind(grid.add(tr("venue.latitude"), "latitude", new TextField()), form.latitude);
        bind(grid.add(tr("venue.longitude"), "longitude", new TextField()), form.longitude);
        if (placeTools != null) {
            BiConsumer<String, String> set = (lat, lon) -> {
                form.latitude.set(lat);
                form.longitude.set(lon);
            };
            Label found = new Label();
            grid.add("", "lookUp", placeTools.lookUp(() -> String.join(", ", Stream.of(form.name.get(),
                    form.addressLine1.get(), form.postalCode.get(), form.city.get(), form.countryCode.get())
                    .filter(x -> x != null && !x.isBlank()).toList()), set, found));
            grid.add("", "lookUpNote", found);
            grid.add("", "pick", placeTools.pick(() -> form.latitude.get() + ", " + form.longitude.get(), set));
        }
        bind(grid.add(tr("venue.capacity"), "capacity", new TextField()), form.capacity);
        bind(grid.add(tr("venue.contactName"), "contactName", new TextField()), form.contactName);
        bind(grid.add(tr("venue.contactPhone"), "contactPhone", new TextField()), form.contactPhone);
        TextArea notes = grid.add(tr("venue.notes"), "notes", new TextArea());
        notes.setPrefRowCount(3);
        notes.textProperty().bindBidirectional(form.notes);
        FormDialog.show(this,
                tr(form.isNew() ? "venues.new" : "venues.edit"), grid, form.state(),
                close -> form.save(saved -> {
                    close.run();
                    vm.list().reload();
                }));
    }

    private static void bind(TextField field, StringProperty property) {
        field.textProperty().bindBidirectional(property);
    }
}
