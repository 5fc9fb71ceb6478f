package dev.stagedesk.payout;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.AssignmentService;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.TaskRunner;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The outstanding payouts without their tree: what is owed, grouped by performer and currency as it was read (the
 * gigs of a group read when it is opened), the totals, the selection, marking the chosen payouts paid in one
 * command, and a performer's statement. The All payouts tab is a {@code ListScreen} of its own.
 */
public final class PayoutsViewModel {
    /** The reads and the command the payouts area uses; {@code clock} is the agency's. */
    public record Deps(PayoutQuery query, AssignmentService assignments, PerformerStatements statements,
                       PerformerQuery performers, Clock clock) {
    }

    /** A row of the outstanding tree: a performer's group, or one of their gigs. */
    public record Line(PayoutQuery.OutstandingGroup group, PayoutRow gig) {
    }

    /** A statement's period as the sheet proposes it: last month. */
    public record Period(LocalDate from, LocalDate to) {
    }

    private final Deps deps;
    private final Actor actor;
    private final TaskRunner tasks;
    private final Consumer<Throwable> errors;
    private final ObservableList<PayoutQuery.OutstandingGroup> groups = FXCollections.observableArrayList();
    private final Map<PayoutQuery.OutstandingGroup, List<PayoutRow>> gigs = new HashMap<>();
    private final ObservableList<Line> selected = FXCollections.observableArrayList();
    private final StringProperty totals = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public PayoutsViewModel(Deps deps, Actor actor, TaskRunner tasks, Consumer<Throwable> errors) {
        this.deps = deps;
        this.actor = actor;
        this.tasks = tasks;
        this.errors = errors;
    }

    /** What is owed, by performer and currency, the largest sums first (as last read). */
    public ObservableList<PayoutQuery.OutstandingGroup> groups() {
        return groups;
    }

    /** The lines chosen (the view keeps it equal to the tree's selection). */
    public ObservableList<Line> selected() {
        return selected;
    }

    /** "Owed: 1,300.00 EUR to 2 performers (3 gigs)." or empty when nothing is owed. */
    public StringProperty totalsProperty() {
        return totals;
    }

    /** What the last action did. */
    public StringProperty messageProperty() {
        return message;
    }

    public boolean canMarkPaid() {
        return actor.can(Permission.PAYOUTS_EDIT);
    }

    /** Mark paid applies once something is chosen, for someone who may pay. */
    public BooleanBinding markPaidEnabled() {
        return Bindings.createBooleanBinding(() -> canMarkPaid() && !selected.isEmpty(), selected);
    }

    /** Reads what is owed now. */
    public void load() {
        tasks.run(() -> deps.query().outstandingByPerformer(actor, deps.clock().instant()), g -> {
            gigs.clear();
            selected.clear();
            groups.setAll(g);
            totals.set(totalsText(g));
        }, errors);
    }

    static String totalsText(List<PayoutQuery.OutstandingGroup> groups) {
        if (groups.isEmpty()) {
            return "";
        }
        Map<String, Long> byCurrency = new LinkedHashMap<>();
        Set<UUID> performers = new LinkedHashSet<>();
        int count = 0;
        for (PayoutQuery.OutstandingGroup g : groups) {
            byCurrency.merge(g.currency(), g.totalMinor(), Long::sum);
            performers.add(g.performerId());
            count += g.gigs();
        }
        List<String> sums = new ArrayList<>();
        byCurrency.forEach((c, minor) -> sums.add(Format.money(minor, c)));
        return tr("payout.owedTotals", String.join(" + ", sums), performers.size(), count);
    }

    /** One group's gigs, oldest first (read once, when the group is opened). */
    public void gigs(PayoutQuery.OutstandingGroup group, Consumer<List<PayoutRow>> shown) {
        List<PayoutRow> known = gigs.get(group);
        if (known != null) {
            shown.accept(known);
            return;
        }
        tasks.run(() -> readGigs(group), rows -> {
            gigs.put(group, rows);
            shown.accept(rows);
        }, errors);
    }

    private List<PayoutRow> readGigs(PayoutQuery.OutstandingGroup g) {
        return deps.query().outstandingGigs(actor, g.performerId(), g.currency(), deps.clock().instant());
    }

    /** The payouts the chosen lines mean: a gig itself, every gig of a chosen performer (read if not yet opened). */
    public void chosenPayouts(Consumer<List<UUID>> then) {
        List<Line> chosen = List.copyOf(selected);
        Map<PayoutQuery.OutstandingGroup, List<PayoutRow>> known = Map.copyOf(gigs);
        tasks.run(() -> {
            Set<UUID> ids = new LinkedHashSet<>();
            for (Line l : chosen) {
                if (l.gig() != null) {
                    ids.add(l.gig().id());
                } else {
                    List<PayoutRow> rows = known.get(l.group());
                    (rows != null ? rows : readGigs(l.group())).forEach(r -> ids.add(r.id()));
                }
            }
            return List.copyOf(ids);
        }, then, errors);
    }

    /** Today where the agency is: the date a payment starts from. */
    public LocalDate today() {
        return LocalDate.now(deps.clock());
    }

    /** Marks {@code ids} paid in one command (all or none); {@code close} on success, then what is owed is read again. */
    public void markPaid(FormState state, List<UUID> ids, LocalDate paidOn, String method, String reference,
                         Runnable close) {
        state.submit(() -> deps.assignments().markPaid(actor, ids, paidOn, method, reference), n -> {
            close.run();
            message.set(tr("payout.markedPaid", n));
            load();
        });
    }

    // ------------------------------------------------------------------------------------------ statements

    public Period lastMonth() {
        LocalDate today = today();
        return new Period(today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1).minusDays(1));
    }

    /** Whether every performer's payouts are shown (else only one's own). */
    public boolean seesAll() {
        return actor.can(Permission.PAYOUTS_VIEW_ALL);
    }

    /** Whom a statement can be made for: every performer for someone who sees all payouts, else oneself. */
    public void statementPerformers(Consumer<List<PerformerChoice>> shown) {
        if (seesAll()) {
            tasks.run(() -> deps.performers().choices(actor, 10_000), shown, errors);
        } else if (actor.performerId() != null) {
            shown.accept(List.of(new PerformerChoice(actor.performerId(), actor.username(), null)));
        } else {
            shown.accept(List.of());
        }
    }

    /** Reads a performer's statement for the period; {@code then} gets it (the view asks where to save it). */
    public void statement(FormState state, PerformerChoice who, LocalDate from, LocalDate to,
                          Consumer<PerformerStatements.Statement> then) {
        if (who == null) {
            state.show(List.of(new FieldError("performer", tr("assignment.unknownPerformer"))));
            return;
        }
        state.submit(() -> deps.statements().statement(actor, who.id(), from, to), then);
    }

    /** "statement-DJ-Nova-2026-10-01-2026-10-31.pdf". */
    public static String fileName(PerformerStatements.Statement s, boolean pdf) {
        return "statement-" + s.performer().replaceAll("[^\\p{L}\\p{N}]+", "-") + "-" + s.from() + "-" + s.to()
                + (pdf ? ".pdf" : ".csv");
    }

    /** Writes the statement as PDF or CSV, then says where. */
    public void save(PerformerStatements.Statement s, boolean pdf, Path file) {
        tasks.run(() -> {
            if (pdf) {
                try (OutputStream o = Files.newOutputStream(file)) {
                    deps.statements().writePdf(s, o);
                }
            } else {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    PerformerStatements.writeCsv(s, w);
                }
            }
            return file;
        }, f -> message.set(tr("statement.saved", f.getFileName())), errors);
    }
}
