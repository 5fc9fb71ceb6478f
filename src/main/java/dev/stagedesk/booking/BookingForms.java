package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.catalogue.ServicePackage;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.settings.Agency;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.LookupField;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.venue.VenueRow;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/** The "New booking" sheet: one booking, or a series of them ("every first Friday until June"). */
final class BookingForms {
    private BookingForms() {
    }

    /** How often a new booking repeats; NONE for a single booking. */
    enum Repeat { NONE, WEEKLY, FORTNIGHTLY, MONTHLY }

    record Loaded(Agency agency, List<ServicePackage> packages, List<PerformerChoice> performers) {
    }

    static void openNew(BookingsScreen.Deps deps, UiContext ui, Node anchor, Consumer<String> done) {
        ui.tasks().run(() -> new Loaded(deps.settings().requireAgency(), deps.packages().choices(ui.actor()),
                deps.performers().choices(ui.actor(), 10_000)), loaded -> show(deps, ui, anchor, loaded, done),
                ui.errors());
    }

    private static void show(BookingsScreen.Deps deps, UiContext ui, Node anchor, Loaded loaded, Consumer<String> done) {
        NewBooking sheet = new NewBooking(deps, ui, loaded);
        FormDialog.show(anchor, tr("booking.new"), sheet.grid, sheet.state, close -> sheet.save(text -> {
            close.run();
            done.accept(text);
        }));
    }

    /** The fields of the "New booking" sheet, in the order they are shown, and what Save does with them. */
    private static final class NewBooking {
        private final BookingsScreen.Deps deps;
        private final UiContext ui;
        private final String currency;
        private final FormState state;
        private final FormGrid grid;
        private final ComboBox<ServicePackage> pkg;
        private final TextField title;
        private final LookupField<ClientRow> client;
        private final LookupField<VenueRow> venue;
        private final DatePicker date;
        private final TextField start;
        private final TextField end;
        private final TextField zone;
        private final TextField fee;
        private final TextField tax;
        private final TextField slots;
        private final ComboBox<BookingStatus> status;
        private final ListView<PerformerChoice> chosen = new ListView<>();
        private final TextField contact;
        private final TextArea notes;
        private final ComboBox<Repeat> repeat;
        private final DatePicker until;

        NewBooking(BookingsScreen.Deps deps, UiContext ui, Loaded loaded) {
            this.deps = deps;
            this.ui = ui;
            Agency agency = loaded.agency();
            currency = agency.baseCurrency().getCurrencyCode();
            state = new FormState(ui.tasks(), ui.errors());
            grid = new FormGrid(state);
            pkg = grid.add(tr("quote.package"), "package", packageChoice(loaded.packages()));
            title = grid.add(tr("booking.title"), "title", new TextField());
            client = grid.add(tr("booking.client"), "client", new LookupField<>("bookingClient",
                    tr("inquiry.clientPrompt"), text -> deps.clients().suggest(ui.actor(), text, 10), ClientRow::name,
                    (c, text) -> text.equals(c.name())));
            client.setId("client");
            venue = grid.add(tr("booking.venue"), "venue", new LookupField<>("bookingVenue",
                    tr("booking.venuePrompt"), text -> deps.venues().suggest(text, 10),
                    v -> v.name() + ", " + v.city(), (v, text) -> text.equals(v.name() + ", " + v.city())));
            venue.setId("venue");
            date = grid.add(tr("booking.date"), "date", new DateField());
            start = grid.add(tr("inquiry.startTime"), "startsAt", new TextField("20:00"));
            end = grid.add(tr("inquiry.endTime"), "endsAt", new TextField("23:00"));
            zone = grid.add(tr("booking.timeZone"), "timeZone", new TextField(agency.timeZone().getId()));
            fee = grid.add(tr("booking.fee") + " (" + currency + ")", "fee", new TextField());
            tax = grid.add(tr("quote.taxRate"), "taxRate", new TextField(Parse.percentText(agency.defaultTaxRateBp())));
            slots = grid.add(tr("booking.slots"), "slotsNeeded", new TextField("1"));
            pkg.setOnAction(e -> fillFromPackage());
            status = grid.add(tr("booking.status"), "status",
                    new ComboBox<>(FXCollections.observableArrayList(BookingStatus.HOLD, BookingStatus.CONFIRMED)));
            status.setValue(BookingStatus.HOLD);
            CodeLabels.on(status, BookingStatus.class);
            Label performers = grid.add(tr("booking.performers"), "performers", new Label());
            performers.setGraphic(performerPicker(loaded.performers()));
            performers.setMaxWidth(Double.MAX_VALUE);
            contact = grid.add(tr("booking.contactOnDay"), "contactOnDay", new TextField());
            notes = grid.add(tr("booking.notes"), "notes", new TextArea());
            notes.setPrefRowCount(2);
            repeat = grid.add(tr("series.repeat"), "repeat", repeatChoice());
            until = grid.add(tr("series.until"), "until", new DateField());
            until.disableProperty().bind(repeat.valueProperty().isEqualTo(Repeat.NONE));
        }

        /** The agency's packages in its currency, by name. */
        private ComboBox<ServicePackage> packageChoice(List<ServicePackage> packages) {
            ComboBox<ServicePackage> box = new ComboBox<>(FXCollections.observableArrayList(packages.stream()
                    .filter(p -> p.currency().equals(currency)).toList()));
            box.setPromptText(tr("quote.choosePackage"));
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(ServicePackage p) {
                    return p == null ? "" : p.name();
                }

                @Override
                public ServicePackage fromString(String s) {
                    return null;
                }
            });
            return box;
        }

        /** A package chosen: its name (unless a title was typed), price, performers needed and length. */
        private void fillFromPackage() {
            ServicePackage p = pkg.getValue();
            if (p == null) {
                return;
            }
            if (title.getText().isBlank()) {
                title.setText(p.name());
            }
            fee.setText(ui.amounts().input(p.basePriceMinor(), Currencies.require(p.currency())));
            slots.setText(Integer.toString(p.performersNeeded()));
            Validator ignore = new Validator();
            LocalTime from = Parse.time("startsAt", start.getText(), ignore);
            if (from != null) {
                end.setText(from.plusMinutes(Math.min(p.durationMinutes(), 23 * 60 + 59)).toString());
            }
        }

        /** A searchable box to pick performers from, Add and Remove, and the ones chosen. */
        private VBox performerPicker(List<PerformerChoice> performers) {
            SearchableComboBox<PerformerChoice> pick = new SearchableComboBox<>(FXCollections.observableArrayList(
                    performers));
            pick.setId("bookingPerformerPick");
            pick.setMaxWidth(Double.MAX_VALUE);
            chosen.setId("bookingPerformers");
            chosen.setPrefHeight(70);
            Button add = new Button(tr("booking.addPerformer"));
            add.setId("bookingAddPerformer");
            add.setOnAction(e -> {
                if (pick.getValue() != null && !chosen.getItems().contains(pick.getValue())) {
                    chosen.getItems().add(pick.getValue());
                }
            });
            Button remove = new Button(tr("attachment.remove"));
            remove.setOnAction(e -> chosen.getItems().remove(chosen.getSelectionModel().getSelectedItem()));
            HBox pickRow = new HBox(6, pick, add, remove);
            HBox.setHgrow(pick, Priority.ALWAYS);
            return new VBox(6, pickRow, chosen);
        }

        private static ComboBox<Repeat> repeatChoice() {
            ComboBox<Repeat> box = new ComboBox<>(FXCollections.observableArrayList(Repeat.values()));
            box.setValue(Repeat.NONE);
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Repeat r) {
                    return r == null ? "" : tr("series.repeat." + r.name());
                }

                @Override
                public Repeat fromString(String s) {
                    return null;
                }
            });
            return box;
        }

        /** The booking as typed, or null with the field errors shown. */
        private BookingDraft draft() {
            Validator v = new Validator();
            ZoneId z = null;
            try {
                z = ZoneId.of(zone.getText().strip());
            } catch (DateTimeException ex) {
                v.add(new FieldError("timeZone", tr("agency.timeZone.unknown", zone.getText())));
            }
            Instant[] window = z == null ? null : Parse.window(date.getValue(), start.getText(), end.getText(), z,
                    "startsAt", "endsAt", v);
            Long feeMinor = MoneyParse.money("fee", fee.getText(), currency, ui.amounts(), v);
            if (feeMinor == null && !v.errors().stream().anyMatch(x -> x.field().equals("fee"))) {
                v.add(new FieldError("fee", tr("validation.required")));
            }
            int bp = Parse.percentBp("taxRate", tax.getText(), v);
            Integer needed = Parse.integer("slotsNeeded", slots.getText(), v);
            v.check(client.value().get() != null, "client", tr("inquiry.clientRequired"));
            v.check(repeat.getValue() == Repeat.NONE || until.getValue() != null, "until", tr("validation.required"));
            if (v.hasErrors()) {
                state.show(v.errors());
                return null;
            }
            ServicePackage p = pkg.getValue();
            return new BookingDraft(title.getText(), client.value().get().id(),
                    venue.value().get() == null ? null : venue.value().get().id(), p == null ? null : p.id(),
                    window[0], window[1], z.getId(), currency, feeMinor, bp, needed == null ? 1 : needed,
                    contact.getText(), notes.getText());
        }

        /** One booking, or the series of them; {@code done} gets what the list says afterwards. */
        void save(Consumer<String> done) {
            BookingDraft draft = draft();
            if (draft == null) {
                return;
            }
            List<UUID> people = new ArrayList<>(chosen.getItems().stream().map(PerformerChoice::id).toList());
            Repeat r = repeat.getValue();
            if (r == Repeat.NONE) {
                state.submit(() -> deps.service().create(ui.actor(), draft, status.getValue(), people),
                        b -> done.accept(tr("booking.created", b.number())));
            } else {
                SeriesRule rule = new SeriesRule(r == Repeat.MONTHLY ? SeriesRule.Frequency.MONTHLY_WEEKDAY
                        : SeriesRule.Frequency.WEEKLY, r == Repeat.FORTNIGHTLY ? 2 : 1, until.getValue());
                state.submit(() -> deps.bus().execute(ui.actor(), new BookingService.CreateSeries(draft,
                        status.getValue(), people, rule)), made -> done.accept(tr("series.created", made.size(),
                        made.get(0).number(), made.get(made.size() - 1).number())));
            }
        }
    }
}
