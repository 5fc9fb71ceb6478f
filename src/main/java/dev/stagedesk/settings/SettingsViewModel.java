package dev.stagedesk.settings;

import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The agency settings form. */
public final class SettingsViewModel {
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty baseCurrency = new SimpleStringProperty("");
    public final StringProperty timeZone = new SimpleStringProperty("");
    public final StringProperty legalName = new SimpleStringProperty("");
    public final StringProperty addressLine1 = new SimpleStringProperty("");
    public final StringProperty postalCode = new SimpleStringProperty("");
    public final StringProperty city = new SimpleStringProperty("");
    public final StringProperty countryCode = new SimpleStringProperty("");
    public final StringProperty taxId = new SimpleStringProperty("");
    public final StringProperty email = new SimpleStringProperty("");
    public final StringProperty phone = new SimpleStringProperty("");
    public final StringProperty bankDetails = new SimpleStringProperty("");
    public final StringProperty defaultTaxRate = new SimpleStringProperty("");
    public final StringProperty holdExpiryDays = new SimpleStringProperty("");
    public final StringProperty challengeHours = new SimpleStringProperty("");
    public final StringProperty idleLockMinutes = new SimpleStringProperty("");
    public final StringProperty backupKeepDays = new SimpleStringProperty("");
    public final StringProperty savedMessage = new SimpleStringProperty("");

    private final SettingsService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final FormState state;
    private final Consumer<Throwable> onError;
    private Agency loaded;

    public SettingsViewModel(SettingsService service, Actor actor, TaskRunner tasks, Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.onError = onError;
        this.state = new FormState(tasks, onError);
    }

    public FormState state() {
        return state;
    }

    public void load() {
        tasks.run(service::requireAgency, this::fill, onError);
    }

    private void fill(Agency a) {
        loaded = a;
        AgencyDraft d = a.toDraft();
        name.set(d.name());
        baseCurrency.set(d.baseCurrency());
        timeZone.set(d.timeZone());
        legalName.set(t(d.legalName()));
        addressLine1.set(t(d.addressLine1()));
        postalCode.set(t(d.postalCode()));
        city.set(t(d.city()));
        countryCode.set(t(d.countryCode()));
        taxId.set(t(d.taxId()));
        email.set(t(d.email()));
        phone.set(t(d.phone()));
        bankDetails.set(t(d.bankDetails()));
        defaultTaxRate.set(Parse.percentText(d.defaultTaxRateBp()));
        holdExpiryDays.set(Integer.toString(d.holdExpiryDays()));
        challengeHours.set(Integer.toString(d.challengeHours()));
        idleLockMinutes.set(Integer.toString(d.idleLockMinutes()));
        backupKeepDays.set(Integer.toString(d.backupKeepDays()));
        state.clear();
    }

    public void save() {
        savedMessage.set("");
        if (loaded == null) {
            return;
        }
        Validator v = new Validator();
        int taxBp = Parse.percentBp("defaultTaxRate", defaultTaxRate.get(), v);
        Integer expiry = Parse.integer("holdExpiryDays", holdExpiryDays.get(), v);
        Integer challenge = Parse.integer("challengeHours", challengeHours.get(), v);
        Integer idle = Parse.integer("idleLockMinutes", idleLockMinutes.get(), v);
        Integer keep = Parse.integer("backupKeepDays", backupKeepDays.get(), v);
        if (idle == null && !v.hasErrors()) {
            v.add(new FieldError("idleLockMinutes", I18n.tr("validation.required")));
        }
        if (keep == null && !v.hasErrors()) {
            v.add(new FieldError("backupKeepDays", I18n.tr("validation.required")));
        }
        if (challenge == null && !v.hasErrors()) {
            v.add(new FieldError("challengeHours", I18n.tr("validation.required")));
        }
        if (expiry == null && !v.hasErrors()) {
            v.add(new FieldError("holdExpiryDays", I18n.tr("validation.required")));
        }
        if (v.hasErrors()) {
            state.show(v.errors());
            return;
        }
        AgencyDraft d = new AgencyDraft(name.get(), baseCurrency.get(), timeZone.get(), legalName.get(),
                addressLine1.get(), postalCode.get(), city.get(), countryCode.get(), taxId.get(), email.get(),
                phone.get(), bankDetails.get(), taxBp, expiry, challenge, idle, keep);
        state.submit(() -> service.update(actor, loaded.version(), d), saved -> {
            Format.useAgencyZone(saved.timeZone());
            fill(saved);
            savedMessage.set(I18n.tr("settings.saved"));
        });
    }

    private static String t(String s) {
        return s == null ? "" : s;
    }
}
