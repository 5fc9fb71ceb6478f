package dev.stagedesk.search;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.INQUIRY;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.money.Currencies;
import dev.stagedesk.common.SearchText;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.ReadScope;
import dev.stagedesk.ui.Format;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;

/**
 * The one search box (Ctrl+K): a few records of every kind the user may see whose words start with what was
 * typed (clients, venues, performers, inquiries, bookings by words or number), invoices by number and payments
 * by reference (from their first characters, any case). Each kind is a handful of index range reads, so a
 * keystroke's results come back in milliseconds at a million bookings (docs/BENCHMARKS.md).
 */
public final class GlobalSearchQuery {
    /** The kinds, in the order the results show them. */
    public enum Kind { CLIENT, VENUE, PERFORMER, INQUIRY, BOOKING, INVOICE, PAYMENT }

    /**
     * One result: what it is, its title and a line under it, and the record that opens when it is picked
     * ({@code openEntity} "client", "venue", "performer", "inquiry" or "booking"; an invoice or a payment opens
     * its booking).
     */
    public record Hit(Kind kind, UUID id, String title, String detail, String openEntity, UUID openId) {
    }

    /** What a search found, by kind in {@link Kind} order; kinds with nothing are left out. */
    public record Results(String text, Map<Kind, List<Hit>> groups) {
        public boolean isEmpty() {
            return groups.isEmpty();
        }

        public List<Hit> all() {
            return groups.values().stream().flatMap(List::stream).toList();
        }
    }

    private final DSLContext dsl;
    private final Function<String, Condition> bookingNumber;
    private final Supplier<ZoneId> agencyZone;

    /**
     * {@code bookingNumber}: the bookings whose number starts with a text shaped like one, else null
     * ({@code booking.BookingQuery#numberPrefix}); {@code agencyZone}: the agency's time zone, read at each search.
     * Both come from features above search, handed in by the composition root.
     */
    public GlobalSearchQuery(DSLContext dsl, Function<String, Condition> bookingNumber, Supplier<ZoneId> agencyZone) {
        this.dsl = dsl;
        this.bookingNumber = bookingNumber;
        this.agencyZone = agencyZone;
    }

    /** Up to {@code perKind} results of each kind the actor may see. */
    public Results search(Actor actor, String text, int perKind) {
        String typed = text == null ? "" : text.strip();
        Map<Kind, List<Hit>> out = new EnumMap<>(Kind.class);
        if (SearchText.fold(typed).isEmpty()) {
            return new Results(typed, out);
        }
        ZoneId z = agencyZone.get();
        if (actor.can(Permission.CLIENTS_VIEW)) {
            put(out, Kind.CLIENT, clients(typed, perKind));
            put(out, Kind.VENUE, venues(typed, perKind));
        }
        if (actor.can(Permission.PERFORMERS_VIEW)) {
            put(out, Kind.PERFORMER, performers(typed, perKind));
        }
        if (actor.can(Permission.INQUIRIES_VIEW)) {
            put(out, Kind.INQUIRY, inquiries(typed, perKind, z));
        }
        if (actor.can(Permission.BOOKINGS_VIEW_ALL) || actor.performerId() != null) {
            put(out, Kind.BOOKING, bookings(actor, typed, perKind, z));
        }
        if (actor.can(Permission.PAYMENTS_VIEW) && typed.length() >= 2) {
            put(out, Kind.INVOICE, invoices(typed, perKind));
            put(out, Kind.PAYMENT, payments(typed, perKind));
        }
        return new Results(typed, out);
    }

    private static void put(Map<Kind, List<Hit>> out, Kind kind, List<Hit> hits) {
        if (!hits.isEmpty()) {
            out.put(kind, hits);
        }
    }

    private List<Hit> clients(String text, int max) {
        List<UUID> ids = SearchIndex.first(dsl, "client", text, max * 4);
        if (ids.isEmpty()) {
            return List.of();
        }
        return sorted(dsl.select(CLIENT.ID, CLIENT.NAME, CLIENT.CITY, CLIENT.EMAIL).from(CLIENT)
                .where(byIds(CLIENT.ID, ids), CLIENT.DELETED_AT.isNull())
                .fetch(r -> new Hit(Kind.CLIENT, r.value1(), r.value2(), join(r.value3(), r.value4()), "client",
                        r.value1())), text, max);
    }

    private List<Hit> venues(String text, int max) {
        List<UUID> ids = SearchIndex.first(dsl, "venue", text, max * 4);
        if (ids.isEmpty()) {
            return List.of();
        }
        return sorted(dsl.select(VENUE.ID, VENUE.NAME, VENUE.CITY, VENUE.ADDRESS_LINE1).from(VENUE)
                .where(byIds(VENUE.ID, ids), VENUE.DELETED_AT.isNull())
                .fetch(r -> new Hit(Kind.VENUE, r.value1(), r.value2(), join(r.value4(), r.value3()), "venue",
                        r.value1())), text, max);
    }

    private List<Hit> performers(String text, int max) {
        List<UUID> ids = SearchIndex.first(dsl, "performer", text, max * 4);
        if (ids.isEmpty()) {
            return List.of();
        }
        return sorted(dsl.select(PERFORMER.ID, PERFORMER.STAGE_NAME, PERFORMER.ACTS, PERFORMER.HOME_CITY)
                .from(PERFORMER).where(byIds(PERFORMER.ID, ids), PERFORMER.DELETED_AT.isNull())
                .fetch(r -> new Hit(Kind.PERFORMER, r.value1(), r.value2(), join(r.value3(), r.value4()), "performer",
                        r.value1())), text, max);
    }

    private List<Hit> inquiries(String text, int max, ZoneId z) {
        List<UUID> ids = SearchIndex.first(dsl, "inquiry", text, max * 4);
        if (ids.isEmpty()) {
            return List.of();
        }
        return sorted(dsl.select(INQUIRY.ID, CLIENT.NAME, INQUIRY.EVENT_TYPE, INQUIRY.STARTS_AT, INQUIRY.STATUS)
                .from(INQUIRY).join(CLIENT).on(CLIENT.ID.eq(INQUIRY.CLIENT_ID))
                .where(byIds(INQUIRY.ID, ids), INQUIRY.DELETED_AT.isNull())
                .fetch(r -> new Hit(Kind.INQUIRY, r.value1(), r.value2() + " · " + r.value3(),
                        join(r.value4() == null ? null : r.value4().atZone(z).toLocalDate().toString(),
                                r.value5().toLowerCase(Locale.ROOT)), "inquiry", r.value1())), text, max);
    }

    private List<Hit> bookings(Actor actor, String text, int max, ZoneId z) {
        List<Hit> hits = new ArrayList<>();
        Condition number = bookingNumber.apply(text);
        if (number != null) {
            hits.addAll(bookingRows(number, actor, max, z, BOOKING.NUMBER));
        }
        if (hits.size() < max) {
            Condition words;
            if (actor.can(Permission.BOOKINGS_VIEW_ALL)) {
                List<UUID> ids = SearchIndex.first(dsl, "booking", text, max * 4);
                words = ids.isEmpty() ? null : byIds(BOOKING.ID, ids);
            } else {
                // a performer's own bookings are few: every match among them, not the first of everyone's
                words = SearchIndex.matches("booking", BOOKING.ID, text);
            }
            if (words != null) {
                for (Hit h : bookingRows(words, actor, max * 4, z, BOOKING.STARTS_AT.desc())) {
                    if (hits.size() < max && hits.stream().noneMatch(x -> x.id().equals(h.id()))) {
                        hits.add(h);
                    }
                }
            }
        }
        return hits;
    }

    private List<Hit> bookingRows(Condition which, Actor actor, int max, ZoneId z, OrderField<?> order) {
        return dsl.select(BOOKING.ID, BOOKING.NUMBER, BOOKING.TITLE, CLIENT.NAME, BOOKING.STARTS_AT, BOOKING.STATUS)
                .from(BOOKING).join(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID))
                .where(which, BOOKING.DELETED_AT.isNull(), ReadScope.bookings(actor)).orderBy(order).limit(max)
                .fetch(r -> new Hit(Kind.BOOKING, r.value1(), r.value2() + " · " + r.value3(),
                        join(r.value4(), r.value5().atZone(z).toLocalDate().toString(),
                                r.value6().toLowerCase(Locale.ROOT)), "booking", r.value1()));
    }

    private List<Hit> invoices(String text, int max) {
        String prefix = text.toUpperCase(Locale.ROOT);
        return dsl.select(INVOICE.ID, INVOICE.NUMBER, CLIENT.NAME, INVOICE.TOTAL_MINOR, INVOICE.CURRENCY, INVOICE.STATUS,
                        INVOICE.BOOKING_ID).from(INVOICE).join(CLIENT).on(CLIENT.ID.eq(INVOICE.CLIENT_ID))
                .where(INVOICE.NUMBER_KEY.ge(prefix), INVOICE.NUMBER_KEY.lt(prefix + Character.MAX_VALUE),
                        INVOICE.DELETED_AT.isNull())
                .orderBy(INVOICE.NUMBER_KEY).limit(max)
                .fetch(r -> new Hit(Kind.INVOICE, r.value1(), r.value2(), join(r.value3(),
                        Format.money(r.value4(), Currencies.require(r.value5()).getCurrencyCode()),
                        r.value6().toLowerCase(Locale.ROOT)), r.value7() == null ? "invoice" : "booking",
                        r.value7() == null ? r.value1() : r.value7()));
    }

    private List<Hit> payments(String text, int max) {
        String prefix = text.toUpperCase(Locale.ROOT);
        return dsl.select(PAYMENT.ID, PAYMENT.REFERENCE, PAYMENT.AMOUNT_MINOR, PAYMENT.CURRENCY, PAYMENT.RECEIVED_ON,
                        BOOKING.NUMBER, PAYMENT.BOOKING_ID, PAYMENT.KIND).from(PAYMENT)
                .join(BOOKING).on(BOOKING.ID.eq(PAYMENT.BOOKING_ID))
                .where(PAYMENT.REFERENCE_KEY.ge(prefix), PAYMENT.REFERENCE_KEY.lt(prefix + Character.MAX_VALUE))
                .orderBy(PAYMENT.REFERENCE_KEY).limit(max)
                .fetch(r -> new Hit(Kind.PAYMENT, r.value1(), r.value2(), join(
                        Format.money(r.value3(), Currencies.require(r.value4()).getCurrencyCode()),
                        r.value8().toLowerCase(Locale.ROOT), r.value5().toString(), r.value6()), "booking",
                        r.value7()));
    }

    /** Titles that start with what was typed first, then by title. */
    private static List<Hit> sorted(List<Hit> hits, String text, int max) {
        String folded = SearchText.fold(text);
        return hits.stream().sorted(Comparator.<Hit, Boolean>comparing(h -> !SearchText.fold(h.title())
                        .startsWith(folded)).thenComparing(h -> SearchText.fold(h.title()))).limit(max).toList();
    }

    private static Condition byIds(Field<UUID> id, Collection<UUID> ids) {
        return SearchIndex.idIn(id, ids);
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.length() == 0 ? "" : " · ").append(p.strip());
            }
        }
        return b.toString();
    }
}
