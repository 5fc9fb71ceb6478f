package dev.stagedesk.catalogue;

import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The package form. Duration is typed as "2:30" or minutes, the price as a decimal in the package's currency. */
public final class PackageFormViewModel {
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty description = new SimpleStringProperty("");
    public final StringProperty duration = new SimpleStringProperty("");
    public final StringProperty basePrice = new SimpleStringProperty("");
    public final StringProperty currency = new SimpleStringProperty("");
    public final StringProperty performersNeeded = new SimpleStringProperty("1");
    public final StringProperty performerAct = new SimpleStringProperty("");
    public final BooleanProperty active = new SimpleBooleanProperty(true);

    private final PackageService service;
    private final Actor actor;
    private final FormState state;
    private final ServicePackage original;
    private final AmountStyle amounts;

    public PackageFormViewModel(PackageService service, Actor actor, TaskRunner tasks, Consumer<Throwable> onUnexpected,
                                ServicePackage original, String defaultCurrency, AmountStyle amounts) {
        this.amounts = amounts;
        this.service = service;
        this.actor = actor;
        this.state = new FormState(tasks, onUnexpected);
        this.original = original;
        currency.set(defaultCurrency);
        if (original != null) {
            name.set(original.name());
            description.set(original.description() == null ? "" : original.description());
            duration.set(Parse.minutesText(original.durationMinutes()));
            basePrice.set(amounts.input(original.basePriceMinor(), Currencies.require(original.currency())));
            currency.set(original.currency());
            performersNeeded.set(Integer.toString(original.performersNeeded()));
            performerAct.set(original.performerAct() == null ? "" : original.performerAct());
            active.set(original.active());
        }
    }

    public FormState state() {
        return state;
    }

    public boolean isNew() {
        return original == null;
    }

    public void save(Consumer<ServicePackage> onSaved) {
        Validator v = new Validator();
        String code = currency.get() == null ? "" : currency.get().strip().toUpperCase(Locale.ROOT);
        Integer minutes = Parse.minutes("duration", duration.get(), v);
        Long price = MoneyParse.money("basePrice", basePrice.get(), code, amounts, v);
        Integer needed = Parse.integer("performersNeeded", performersNeeded.get(), v);
        if (v.hasErrors()) {
            state.show(v.errors());
            return;
        }
        PackageDraft d = new PackageDraft(name.get(), description.get(), minutes, price, code, needed,
                performerAct.get(), active.get());
        state.submit(() -> original == null ? service.create(actor, d)
                : service.update(actor, original.id(), original.version(), d), onSaved);
    }
}
