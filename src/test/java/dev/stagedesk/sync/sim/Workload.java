package dev.stagedesk.sync.sim;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.AssignmentService;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.venue.VenueDraft;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The people using the desktops, from a seeded {@link Random}: few performers and a few hot bookings so their work
 * collides. Each action runs a real command through the desktop's services with the versions that desktop last
 * saw; a command the desktop refuses itself (validation, a record it does not know yet, a stale version it knows
 * of) is skipped, as a person would read the message and move on. Every random draw happens before the command
 * runs, so a seed makes the same sequence of actions whatever the outcomes.
 */
public final class Workload {
    static final Instant HOT = Instant.parse("2026-12-12T16:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Actor OWNER = Actor.owner();

    private final Simulation.Config config;
    private final Random random;
    private final MovableClock clock;
    /** Everything any desktop made, in the order it was made (a desktop may not know it yet, or it was refused). */
    final List<UUID> performers = new ArrayList<>();
    final List<UUID> clients = new ArrayList<>();
    final List<UUID> venues = new ArrayList<>();
    final List<UUID> bookings = new ArrayList<>();
    final List<UUID> assignments = new ArrayList<>();
    final List<UUID> payments = new ArrayList<>();
    final List<UUID> invoices = new ArrayList<>();
    private int done;
    private int refused;

    Workload(Simulation.Config config, Random random, MovableClock clock) {
        this.config = config;
        this.random = random;
        this.clock = clock;
    }

    public int done() {
        return done;
    }

    public int refused() {
        return refused;
    }

    /** The agency as the first desktop has it before it joins: performers, clients, venues, the hot bookings. */
    void seed(AppContext app) {
        String[] names = {"DJ Nova", "The Brass Five", "Mira Strings", "Echo Duo"};
        for (int i = 0; i < config.performers(); i++) {
            performers.add(app.performers.create(OWNER, new PerformerDraft(names[i % names.length], null, null, null,
                    List.of("DJ"), List.of(), 50_000, "EUR", 1500, 0, "Berlin", null, null, true, null)).id());
        }
        for (String c : List.of("Ada Lovelace", "Grace Hopper", "Hedy Lamarr")) {
            clients.add(app.clients.create(OWNER, ClientDraft.of(ClientKind.PERSON, c)).id());
        }
        for (String v : List.of("Tempodrom", "Columbiahalle")) {
            venues.add(app.venues.create(OWNER, VenueDraft.of(v, "Berlin")).id());
        }
        for (int i = 0; i < config.hotBookings(); i++) {
            Instant start = HOT.plus(Duration.ofHours(2L * i));
            Booking b = app.bookings.create(OWNER, new BookingDraft("Hot gig " + (i + 1), clients.get(i % clients.size()),
                    venues.get(i % venues.size()), null, start, start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR",
                    200_000, 1900, 1, null, null), BookingStatus.CONFIRMED, i < performers.size()
                    ? List.of(performers.get(i)) : List.of());
            bookings.add(b.id());
        }
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /**
     * The records of {@code made} this desktop has (made here, or pulled), in the order they were made: what a
     * person at this desktop can see and pick. The order does not depend on the (random) ids, so neither do picks.
     */
    private static List<UUID> known(AppContext app, Table<?> table, Field<UUID> id, List<UUID> made) {
        Set<UUID> here = new HashSet<>(app.database.dsl().select(id).from(table).where(id.in(made)).fetch(id));
        return made.stream().filter(here::contains).toList();
    }

    private UUID pickKnown(AppContext app, Table<?> table, Field<UUID> id, List<UUID> made) {
        List<UUID> known = known(app, table, id, made);
        return known.isEmpty() ? null : pick(known);
    }

    /** A booking this desktop has, more often one of the hot ones. */
    private UUID booking(AppContext app) {
        List<UUID> known = known(app, BOOKING, BOOKING.ID, bookings);
        List<UUID> hot = known.stream().filter(b -> bookings.indexOf(b) < config.hotBookings()).toList();
        if (!hot.isEmpty() && random.nextDouble() < 0.6) {
            return pick(hot);
        }
        return pick(known);
    }

    /** The performers in an order of their own: a person tries the next when one is busy. */
    private List<UUID> performersInTurn() {
        List<UUID> order = new ArrayList<>(performers);
        Collections.shuffle(order, random);
        return order;
    }

    /** A start in the hot evening most of the time, else another day in December. */
    private Instant start() {
        if (random.nextDouble() < 0.75) {
            return HOT.plus(Duration.ofMinutes(30L * random.nextInt(16)));
        }
        return HOT.plus(Duration.ofDays(1 + random.nextInt(10))).plus(Duration.ofMinutes(30L * random.nextInt(16)));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BERLIN);
    }

    /** Runs one action on the desktop; what it did, in words. */
    String act(Simulation.Desktop d, int step) {
        AppContext app = d.app();
        int kind = random.nextInt(100);
        if (kind < 10) {
            UUID client = pickKnown(app, CLIENT, CLIENT.ID, clients);
            UUID venue = random.nextBoolean() ? pick(venues) : null;
            Instant start = start();
            Instant end = start.plus(Duration.ofMinutes(120 + 30L * random.nextInt(5)));
            BookingStatus status = random.nextDouble() < 0.7 ? BookingStatus.CONFIRMED : BookingStatus.HOLD;
            List<UUID> with = random.nextDouble() < 0.35 ? List.of(pick(performers)) : List.of();
            long fee = 50_000 + 1_000L * random.nextInt(200);
            return run("create booking#" + bookings.size() + " " + status + " at " + start + " with performers " + with.stream().map(performers::indexOf).toList(), () -> {
                Booking b = app.bookings.create(OWNER, new BookingDraft("Gig " + step, client, venue, null, start, end,
                        "Europe/Berlin", "EUR", fee, 1900, 1, null, null), status, with);
                bookings.add(b.id());
                return b.number();
            });
        } else if (kind < 26) {
            UUID b = booking(app);
            List<UUID> order = performersInTurn();
            return run("assign a performer to " + ref(b), () -> {
                UserFacingException last = null;
                for (UUID p : order) {
                    try {
                        assignments.add(app.assignments.assign(OWNER, b, p, null, null, null, null));
                        return "performer#" + performers.indexOf(p);
                    } catch (UserFacingException busy) {
                        last = busy;
                    }
                }
                throw last;
            });
        } else if (kind < 38) {
            UUID b = booking(app);
            String title = "Edited gig " + step;
            long fee = 100_000 + 5_000L * random.nextInt(40);
            String notes = random.nextBoolean() ? "notes of step " + step : null;
            return run("edit booking details of " + ref(b), () -> {
                int v = bookingVersion(app, b);
                app.bus.execute(OWNER, new BookingService.UpdateBookingDetails(b, v, title, fee, 1900, null, notes));
                return "v" + v;
            });
        } else if (kind < 44) {
            UUID b = booking(app);
            Instant start = start();
            Instant end = start.plus(Duration.ofMinutes(120 + 30L * random.nextInt(5)));
            return run("reschedule " + ref(b) + " to " + start, () -> {
                int v = bookingVersion(app, b);
                app.bus.execute(OWNER, new BookingService.RescheduleBooking(b, v, start, end, "moved"));
                return "v" + v;
            });
        } else if (kind < 55) {
            UUID b = booking(app);
            String k = List.of("DEPOSIT", "BALANCE", "OTHER").get(random.nextInt(3));
            long amount = 1_000L * (1 + random.nextInt(80));
            LocalDate on = today().minusDays(random.nextInt(3));
            return run("record " + k + " " + amount + " on " + ref(b), () -> {
                payments.add(app.payments.record(OWNER, new PaymentService.RecordPayment(b, k, amount, "BANK_TRANSFER",
                        on, "ref-" + step, null, null)));
                return null;
            });
        } else if (kind < 59) {
            UUID b = booking(app);
            long amount = 1_000L * (1 + random.nextInt(30));
            return run("refund " + amount + " on " + ref(b), () -> {
                payments.add(app.payments.record(OWNER, new PaymentService.RecordPayment(b, "REFUND", amount,
                        "BANK_TRANSFER", today(), "refund-" + step, null, null)));
                return null;
            });
        } else if (kind < 63) {
            UUID p = pickKnown(app, PAYMENT, PAYMENT.ID, payments);
            if (p == null) {
                return "reverse payment: none here yet";
            }
            return run("reverse payment#" + payments.indexOf(p), () -> {
                payments.add(app.payments.reverse(OWNER, p, "entered twice"));
                return null;
            });
        } else if (kind < 68) {
            UUID b = booking(app);
            return run("cancel " + ref(b), () -> {
                int v = bookingVersion(app, b);
                app.bus.execute(OWNER, new BookingService.CancelBooking(b, v, "client called off", null));
                return "v" + v;
            });
        } else if (kind < 71) {
            UUID b = booking(app);
            return run("confirm " + ref(b), () -> {
                int v = bookingVersion(app, b);
                app.bus.execute(OWNER, new BookingService.ConfirmBooking(b, v));
                return "v" + v;
            });
        } else if (kind < 73) {
            UUID a = pickKnown(app, ASSIGNMENT, ASSIGNMENT.ID, assignments);
            if (a == null) {
                return "remove assignment: none here yet";
            }
            return run("remove assignment#" + assignments.indexOf(a), () -> {
                app.bus.execute(OWNER, new AssignmentService.RemoveAssignment(a));
                return null;
            });
        } else if (kind < 77) {
            String name = "Client " + step;
            return run("create client", () -> {
                clients.add(app.clients.create(OWNER, ClientDraft.of(ClientKind.PERSON, name)).id());
                return null;
            });
        } else if (kind < 81) {
            UUID c = pickKnown(app, CLIENT, CLIENT.ID, clients);
            String name = "Renamed client " + step;
            return run("edit client#" + clients.indexOf(c), () -> {
                Integer v = app.database.dsl().fetchValue(CLIENT.VERSION, CLIENT.ID.eq(c));
                if (v == null) {
                    throw new UserFacingException("client not here yet");
                }
                app.clients.update(OWNER, c, v, ClientDraft.of(ClientKind.PERSON, name));
                return "v" + v;
            });
        } else if (kind < 85) {
            UUID c = pickKnown(app, CLIENT, CLIENT.ID, clients);
            boolean delete = random.nextBoolean();
            return run((delete ? "delete" : "restore") + " client#" + clients.indexOf(c), () -> {
                if (delete) {
                    app.clients.delete(OWNER, c);
                } else {
                    app.clients.restore(OWNER, c);
                }
                return null;
            });
        } else if (kind < 88) {
            UUID v = pick(venues);
            boolean delete = random.nextBoolean();
            return run((delete ? "delete" : "restore") + " venue#" + venues.indexOf(v), () -> {
                if (delete) {
                    app.venues.delete(OWNER, v);
                } else {
                    app.venues.restore(OWNER, v);
                }
                return null;
            });
        } else if (kind < 94) {
            UUID b = booking(app);
            InvoiceKind k = random.nextBoolean() ? InvoiceKind.DEPOSIT : InvoiceKind.FINAL;
            return run("issue " + k + " invoice on " + ref(b), () -> {
                invoices.add(app.invoices.issue(OWNER, b, k, null));
                return null;
            });
        } else if (kind < 97) {
            UUID i = pickKnown(app, INVOICE, INVOICE.ID, invoices);
            if (i == null) {
                return "credit invoice: none here yet";
            }
            return run("credit invoice#" + invoices.indexOf(i), () -> {
                invoices.add(app.invoices.credit(OWNER, i, "wrong amount"));
                return null;
            });
        } else {
            UUID b = booking(app);
            return run("set radius clause on " + ref(b), () -> {
                int v = bookingVersion(app, b);
                app.bookings.setRadius(OWNER, b, v, 50, 1);
                return "v" + v;
            });
        }
    }

    private String ref(UUID booking) {
        return "booking#" + bookings.indexOf(booking);
    }

    private static int bookingVersion(AppContext app, UUID booking) {
        Integer v = app.database.dsl().fetchValue(BOOKING.VERSION, BOOKING.ID.eq(booking));
        if (v == null) {
            throw new UserFacingException("booking not here yet");
        }
        return v;
    }

    private String run(String what, Supplier<String> body) {
        try {
            String note = body.get();
            done++;
            return what + ": done" + (note == null ? "" : " (" + note + ")");
        } catch (UserFacingException e) {
            refused++;
            return what + ": refused here (" + e.getMessage() + ")";
        }
    }
}
