package dev.stagedesk.inquiry;

import dev.stagedesk.client.ClientRow;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** New inquiry: the fields as typed, checked here for form (dates, times, numbers) and by the service for sense. */
public final class InquiryFormViewModel {
    public final ObjectProperty<ClientRow> client = new SimpleObjectProperty<>();
    public final StringProperty eventType = new SimpleStringProperty("");
    public final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    public final StringProperty startTime = new SimpleStringProperty("19:00");
    public final StringProperty endTime = new SimpleStringProperty("23:00");
    public final BooleanProperty datesTbd = new SimpleBooleanProperty(false);
    public final ObjectProperty<UUID> venue = new SimpleObjectProperty<>();
    public final StringProperty freeAddress = new SimpleStringProperty("");
    public final StringProperty guestCount = new SimpleStringProperty("");
    public final StringProperty budget = new SimpleStringProperty("");
    public final ObjectProperty<String> source = new SimpleObjectProperty<>("PHONE");
    public final StringProperty notes = new SimpleStringProperty("");
    public final ObjectProperty<LocalDate> followUp = new SimpleObjectProperty<>();

    private final InquiryService service;
    private final Actor actor;
    private final FormState state;
    private final ZoneId zone;
    private final String currency;
    private final AmountStyle amounts;

    public InquiryFormViewModel(InquiryService service, Actor actor, TaskRunner tasks, Consumer<Throwable> onUnexpected,
                                ZoneId zone, String currency, AmountStyle amounts) {
        this.amounts = amounts;
        this.service = service;
        this.actor = actor;
        this.state = new FormState(tasks, onUnexpected);
        this.zone = zone;
        this.currency = currency;
    }

    public FormState state() {
        return state;
    }

    public void save(Consumer<Inquiry> onSaved) {
        Validator v = new Validator();
        // what the form can tell without the store, all at once (the service checks again, and the rest)
        v.check(client.get() != null, "client", I18n.tr("inquiry.clientRequired"));
        v.required("eventType", eventType.get(), 120);
        Instant start = null;
        Instant end = null;
        if (!datesTbd.get()) {
            v.check(date.get() != null, "date", I18n.tr("inquiry.dateOrTbd"));
            Validator times = new Validator();
            Instant[] window = Parse.window(date.get(), startTime.get(), endTime.get(), zone, "startTime", "endTime",
                    times);
            times.errors().stream().filter(e -> !e.field().equals("date")).forEach(v::add);
            if (window != null) {
                start = window[0];
                end = window[1];
            }
        }
        Integer guests = Parse.integer("guestCount", guestCount.get(), v);
        Long budgetMinor = null;
        if (!budget.get().isBlank()) {
            try {
                budgetMinor = MoneyFormat.parse(budget.get(), Currencies.require(currency), amounts);
            } catch (IllegalArgumentException e) {
                v.add(new FieldError("budget", e.getMessage()));
            }
        }
        if (v.hasErrors()) {
            state.show(v.errors());
            return;
        }
        InquiryDraft d = new InquiryDraft(client.get() == null ? null : client.get().id(), eventType.get(), start, end,
                zone.getId(), datesTbd.get(), venue.get(), freeAddress.get(), guests, budgetMinor, currency, source.get(),
                notes.get(), followUp.get());
        state.submit(() -> service.create(actor, d), onSaved);
    }
}
