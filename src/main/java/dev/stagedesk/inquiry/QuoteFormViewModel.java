package dev.stagedesk.inquiry;

import dev.stagedesk.catalogue.PackageQuery;
import dev.stagedesk.catalogue.ServicePackage;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The quote editor of one inquiry: its versions (newest first, each with what changed), and a form that starts
 * from the latest version (or empty) and saves as the next version. Totals update as one types.
 */
public final class QuoteFormViewModel {
    /** One editable line: text as typed. */
    public static final class LineRow {
        public final StringProperty description = new SimpleStringProperty("");
        public final StringProperty quantity = new SimpleStringProperty("1");
        public final StringProperty unitPrice = new SimpleStringProperty("");
    }

    /** What the editor needs to open: the inquiry, its versions, the catalogue and the agency's tax default. */
    public record Loaded(Inquiry inquiry, List<Quote> versions, List<ServicePackage> packages, int defaultTaxBp,
                         LocalDate today) {
    }

    public final ObservableList<LineRow> lines = FXCollections.observableArrayList();
    public final StringProperty discount = new SimpleStringProperty("");
    public final StringProperty taxRate = new SimpleStringProperty("");
    public final ObjectProperty<LocalDate> validUntil = new SimpleObjectProperty<>();
    public final StringProperty notes = new SimpleStringProperty("");
    public final ObjectProperty<ServicePackage> pkg = new SimpleObjectProperty<>();
    public final StringProperty totals = new SimpleStringProperty("");
    public final ObservableList<Quote> versions = FXCollections.observableArrayList();
    public final StringProperty message = new SimpleStringProperty("");

    private final QuoteService quotes;
    private final QuoteDocuments documents;
    private final Actor actor;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onUnexpected;
    private final FormState state;
    private final Loaded loaded;
    /** How the user types amounts (the console's locale). */
    private final AmountStyle amounts;

    public QuoteFormViewModel(QuoteService quotes, QuoteDocuments documents, Actor actor, TaskRunner tasks,
                              Consumer<Throwable> onUnexpected, Loaded loaded, AmountStyle amounts) {
        this.amounts = amounts;
        this.quotes = quotes;
        this.documents = documents;
        this.actor = actor;
        this.tasks = tasks;
        this.onUnexpected = onUnexpected;
        this.state = new FormState(tasks, onUnexpected);
        this.loaded = loaded;
        versions.setAll(loaded.versions());
        if (loaded.versions().isEmpty()) {
            taxRate.set(Parse.percentText(loaded.defaultTaxBp()));
            validUntil.set(loaded.today().plusDays(14));
            addLine();
        } else {
            fill(loaded.versions().get(0));
        }
        lines.addListener((ListChangeListener<LineRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            recompute();
        });
        lines.forEach(this::watch);
        discount.addListener((o, a, b) -> recompute());
        taxRate.addListener((o, a, b) -> recompute());
        recompute();
    }

    public static Loaded load(InquiryService inquiries, QuoteService quotes,
                              PackageQuery packages, int defaultTaxBp, LocalDate today,
                              Actor actor, UUID inquiryId) {
        Inquiry i = inquiries.find(inquiryId);
        List<ServicePackage> choices = packages.choices(actor).stream()
                .filter(p -> p.currency().equals(i.currency())).toList();
        return new Loaded(i, quotes.versions(actor, inquiryId), choices, defaultTaxBp, today);
    }

    public FormState state() {
        return state;
    }

    public Loaded loaded() {
        return loaded;
    }

    public String currency() {
        return loaded.inquiry().currency();
    }

    private void fill(Quote q) {
        var currency = Currencies.require(q.currency());
        lines.clear();
        for (QuoteLine l : q.lines()) {
            LineRow row = new LineRow();
            row.description.set(l.description());
            row.quantity.set(Integer.toString(l.quantity()));
            row.unitPrice.set(amounts.input(l.unitPriceMinor(), currency));
            lines.add(row);
        }
        discount.set(q.discountMinor() == 0 ? "" : amounts.input(q.discountMinor(), currency));
        taxRate.set(Parse.percentText(q.taxRateBp()));
        validUntil.set(q.validUntil().isBefore(loaded.today()) ? loaded.today().plusDays(14) : q.validUntil());
        notes.set(q.notes() == null ? "" : q.notes());
        pkg.set(loaded.packages().stream().filter(p -> p.id().equals(q.packageId())).findFirst().orElse(null));
    }

    private void watch(LineRow row) {
        row.quantity.addListener((o, a, b) -> recompute());
        row.unitPrice.addListener((o, a, b) -> recompute());
    }

    public LineRow addLine() {
        LineRow row = new LineRow();
        lines.add(row);
        return row;
    }

    /** Puts the package's line first (replacing an empty first line) and remembers the package. */
    public void applyPackage(ServicePackage p) {
        if (p == null) {
            return;
        }
        pkg.set(p);
        LineRow row = new LineRow();
        row.description.set(QuoteDocuments.packageLine(p));
        row.unitPrice.set(amounts.input(p.basePriceMinor(), Currencies.require(p.currency())));
        if (!lines.isEmpty() && lines.get(0).description.get().isBlank() && lines.get(0).unitPrice.get().isBlank()) {
            lines.set(0, row);
        } else {
            lines.add(0, row);
        }
    }

    /** Reads the form; problems are field errors (lines named "Line n"). Null when something is wrong. */
    private QuoteDraft read(Validator v) {
        List<QuoteLine> parsed = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            LineRow r = lines.get(n);
            Validator line = new Validator();
            Integer qty = Parse.integer("lines", r.quantity.get(), line);
            Long price = MoneyParse.money("lines", r.unitPrice.get(), currency(), amounts, line);
            if (price == null && !line.hasErrors()) {
                line.add(new FieldError("lines", I18n.tr("quote.linePrice")));
            }
            String at = I18n.tr("quote.lineN", n + 1) + ": ";
            line.errors().forEach(e -> v.add(new FieldError("lines", at + e.message())));
            if (!line.hasErrors()) {
                try {
                    parsed.add(QuoteLine.of(r.description.get(), qty == null ? 1 : qty, price));
                } catch (ArithmeticException e) {
                    v.add(new FieldError("lines", at + I18n.tr("money.parse.tooLarge", r.unitPrice.get())));
                }
            }
        }
        Long off = MoneyParse.money("discount", discount.get(), currency(), amounts, v);
        int tax = Parse.percentBp("taxRate", taxRate.get(), v);
        if (v.hasErrors()) {
            return null;
        }
        return new QuoteDraft(pkg.get() == null ? null : pkg.get().id(), parsed, off == null ? 0 : off, tax,
                validUntil.get(), notes.get());
    }

    private void recompute() {
        Validator v = new Validator();
        QuoteDraft d = read(v);
        if (d == null) {
            totals.set(I18n.tr("quote.totalsPending"));
            return;
        }
        var currency = Currencies.require(currency());
        long subtotal = Quote.subtotal(d.lines());
        long net = subtotal - d.discountMinor();
        long tax = Quote.tax(net, d.taxRateBp());
        totals.set(I18n.tr("quote.totalsLine", shown(subtotal, currency), shown(d.discountMinor(), currency),
                shown(tax, currency), shown(net + tax, currency)));
    }

    /** An amount as the form's user reads it (the same separators the price fields take). */
    private String shown(long minor, Currency currency) {
        return amounts.display(minor, currency) + " " + currency.getCurrencyCode();
    }

    /** Saves the form as the next version; the versions list then shows it first. */
    public void save(Consumer<Quote> onSaved) {
        Validator v = new Validator();
        QuoteDraft d = read(v);
        if (d == null) {
            state.show(v.errors());
            return;
        }
        int latest = versions.isEmpty() ? 0 : versions.get(0).versionNo();
        state.submit(() -> {
            Quote saved = quotes.save(actor, loaded.inquiry().id(), latest, d);
            return quotes.versions(actor, saved.inquiryId());
        }, all -> {
            versions.setAll(all);
            message.set(I18n.tr("quote.saved", all.get(0).versionNo()));
            onSaved.accept(all.get(0));
        });
    }

    /** Writes a version's PDF to {@code file}; with {@code markSent} records that it went to the client. */
    public void savePdf(Quote q, Path file, boolean markSent) {
        tasks.run(() -> {
            documents.save(actor, q.id(), file, markSent);
            return quotes.versions(actor, q.inquiryId());
        }, all -> {
            versions.setAll(all);
            message.set(I18n.tr(markSent ? "quote.pdfSent" : "quote.pdfSaved", file.getFileName()));
        }, onUnexpected);
    }

    /** "What changed" for a version: against the one before it. */
    public List<String> changesOf(Quote q) {
        int at = versions.indexOf(q);
        if (at < 0 || at == versions.size() - 1) {
            return List.of(I18n.tr("quote.change.first"));
        }
        List<String> c = QuoteService.changes(versions.get(at + 1), q);
        return c.isEmpty() ? List.of(I18n.tr("quote.change.none")) : c;
    }
}
