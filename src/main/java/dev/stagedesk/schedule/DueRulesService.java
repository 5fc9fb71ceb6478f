package dev.stagedesk.schedule;

import dev.stagedesk.booking.BookingService;
import dev.stagedesk.expense.ExpenseService;
import dev.stagedesk.inquiry.InquiryService;
import dev.stagedesk.notification.NotificationService;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business rules that run on their own, when their time has come: holds expiring and challenges lapsing,
 * follow-up dates, notices of events soon with open places and of holds about to expire, recurring overhead
 * expenses and overdue payments. The console's minute timer, the {@code due} command and (next) the sync
 * endpoint all call {@link #runDue}; nothing else runs these rules.
 *
 * <p>Each rule runs on its own: as the system actor, in its own command (one transaction through the command
 * bus), with the same moment and the agency's date for all of them (the clock's zone is the agency's: pass an
 * {@link dev.stagedesk.settings.AgencyClock}). A rule that fails is logged and reported, and the others still
 * run. Each rule reads first and writes only when something is due, and remembers what it did (a hold's status,
 * a notice's dedupe key, a recurring entry's last month), so running again at once does nothing twice.
 */
public final class DueRulesService {
    private static final Logger LOG = LoggerFactory.getLogger(DueRulesService.class);

    /** One rule: its name (as the {@code due} command prints it) and one run at a moment, on the agency's date. */
    public interface Rule {
        String name();

        /** Runs the rule once; returns how many things it did (0: nothing was due). */
        int run(Actor actor, Instant now, LocalDate today);

        static Rule of(String name, Runner runner) {
            return new Rule() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public int run(Actor actor, Instant now, LocalDate today) {
                    return runner.run(actor, now, today);
                }
            };
        }
    }

    /** What {@link Rule#run} does, for {@link Rule#of}. */
    @FunctionalInterface
    public interface Runner {
        int run(Actor actor, Instant now, LocalDate today);
    }

    /** One rule's result: how many things it did, or why it failed (then {@code count} is 0). */
    public record Outcome(String rule, int count, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** One run: the moment, the agency's date and zone it ran for, and every rule's outcome in order. */
    public record Report(Instant at, LocalDate today, ZoneId zone, List<Outcome> outcomes) {
        public Report {
            outcomes = List.copyOf(outcomes);
        }

        public boolean anyFailed() {
            return outcomes.stream().anyMatch(Outcome::failed);
        }

        public int total() {
            return outcomes.stream().mapToInt(Outcome::count).sum();
        }
    }

    public static final String HOLDS = "holds";
    public static final String FOLLOW_UPS = "follow-ups";
    public static final String NOTICES = "notices";
    public static final String RECURRING_EXPENSES = "recurring-expenses";
    public static final String OVERDUE = "overdue";

    private final Clock agencyClock;
    private final List<Rule> rules;
    private volatile BooleanSupplier runsElsewhere = () -> false;

    /** Rules in the order they run; {@code agencyClock}'s zone is the agency's (read at every run). */
    public DueRulesService(Clock agencyClock, List<Rule> rules) {
        this.agencyClock = agencyClock;
        this.rules = List.copyOf(rules);
    }

    /** The rules of Stagedesk, in order: holds end before the notices about holds that are left are raised. */
    public static List<Rule> standard(BookingService bookings, InquiryService inquiries,
                                      NotificationService notifications, ExpenseService expenses,
                                      PaymentService payments) {
        return List.of(
                Rule.of(HOLDS, (actor, now, today) -> bookings.processDueHolds(actor, now)),
                Rule.of(FOLLOW_UPS, (actor, now, today) -> inquiries.raiseDueFollowUps(actor, now)),
                Rule.of(NOTICES, (actor, now, today) -> notifications.raiseDue(actor, now)),
                Rule.of(RECURRING_EXPENSES, (actor, now, today) -> expenses.generateDue(actor, today)),
                Rule.of(OVERDUE, (actor, now, today) -> payments.raiseOverdue(actor, today)));
    }

    /**
     * Says when the rules run elsewhere: on a desktop joined to a sync endpoint, the endpoint runs them once for
     * the whole agency, so two desktops never both expire the same hold. Then {@link #runDue} does nothing here.
     */
    public void runsElsewhere(BooleanSupplier elsewhere) {
        this.runsElsewhere = elsewhere;
    }

    /** Whether the rules run on the sync endpoint rather than here. */
    public boolean elsewhere() {
        return runsElsewhere.getAsBoolean();
    }

    /** The names of the rules, in the order they run. */
    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }

    /** Runs every rule once for a person who asked (the {@code due} command): they need {@code RULES_RUN}. */
    public Report runDue(Actor requester) {
        requester.require(Permission.RULES_RUN);
        return runDue();
    }

    /**
     * Runs every rule once, as the system: the console's timer (no person started it). One run at a time: a run
     * asked for while another is under way waits for it, then finds nothing left to do.
     */
    public synchronized Report runDue() {
        Instant now = agencyClock.instant();
        ZoneId zone = agencyClock.getZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Outcome> outcomes = new ArrayList<>();
        if (elsewhere()) {
            return new Report(now, today, zone, outcomes);
        }
        for (Rule rule : rules) {
            try {
                int count = rule.run(Actor.system(), now, today);
                if (count > 0) {
                    LOG.info("Due rule {}: {}", rule.name(), count);
                }
                outcomes.add(new Outcome(rule.name(), count, null));
            } catch (RuntimeException e) {
                LOG.warn("Due rule {} failed (the other rules still ran)", rule.name(), e);
                outcomes.add(new Outcome(rule.name(), 0, e.getMessage() == null ? e.getClass().getName()
                        : e.getMessage()));
            }
        }
        return new Report(now, today, zone, outcomes);
    }
}
