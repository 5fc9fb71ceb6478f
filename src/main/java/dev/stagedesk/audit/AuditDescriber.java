package dev.stagedesk.audit;

import static dev.stagedesk.common.I18n.tr;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.APP_USER;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.INQUIRY;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.QUOTE;
import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagedesk.common.DateStyle;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.Display.CodeSet;
import dev.stagedesk.common.I18n;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.security.Role;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Turns audit entries (an action and its JSON before/after) into sentences from the message bundle, with names
 * instead of ids and times in the agency's time zone. Known actions have their own sentence
 * ({@code audit.say.<action>}); any other reads "Action: field from old to new, …" — never JSON. Every history and
 * audit view (and the CLI's audit listing) goes through here.
 */
public final class AuditDescriber {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bookkeeping fields a person does not need to read. */
    private static final Set<String> HIDDEN = Set.of("assignmentId", "paymentId", "holdId",
            "reversalId", "blockId", "sha256", "version", "id", "currency", "timeZone", "exchangeRate");

    private final DSLContext dsl;

    public AuditDescriber(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The agency's time zone, in which the log's times are shown (UTC before the agency is set up). */
    public ZoneId zone() {
        String z = dsl.select(AGENCY.TIME_ZONE).from(AGENCY).limit(1).fetchOne(AGENCY.TIME_ZONE);
        try {
            return z == null ? ZoneOffset.UTC : ZoneId.of(z);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public List<AuditLine> describe(List<AuditEntry> entries) {
        Names names = new Names(zone());
        List<AuditLine> out = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            out.add(describe(e, names));
        }
        return out;
    }

    public AuditLine describe(AuditEntry entry) {
        return describe(List.of(entry)).get(0);
    }

    private AuditLine describe(AuditEntry e, Names names) {
        Changes c = Changes.parse(e.changes());
        String record = record(e.entityType(), e.entityId(), names);
        String sentence;
        try {
            sentence = sentence(e, c, names);
        } catch (RuntimeException unexpected) {
            sentence = null; // an entry shaped unlike today's: still readable below
        }
        if (sentence == null) {
            sentence = generic(e, c, names);
        }
        return new AuditLine(e, dateTime(e.occurredAt(), names.zone), e.actor(), record, sentence);
    }

    /** "Booking BK-2026-0042 · Gala", "Client Acme", or just the kind when the entry names no record. */
    private String record(String entityType, UUID id, Names names) {
        String kind = entityType == null ? "" : Display.label(CodeSet.RecordKind, entityType);
        if (id == null || entityType == null) {
            return kind;
        }
        String name = names.record(entityType, id);
        return name == null ? kind : kind + " " + name;
    }

    // ------------------------------------------------------------------------------------------ sentences

    private String sentence(AuditEntry e, Changes c, Names n) {
        String action = e.action();
        String type = e.entityType() == null ? "" : e.entityType();
        String currency = c.text("currency").orElseGet(() -> "booking".equals(type) && e.entityId() != null
                ? n.bookingCurrency(e.entityId()) : n.baseCurrency());
        switch (action) {
            case "create": {
                String name = n.record(type, e.entityId());
                if (name != null) {
                    return tr("audit.say.create", kindWord(type), name);
                }
                String what = changesText(type, c, currency, n);
                return what.isEmpty() ? tr("audit.say.createBare", kindWord(type))
                        : tr("audit.say.createWith", kindWord(type), what);
            }
            case "delete":
            case "restore":
                return tr("audit.say." + action, kindWord(type));
            case "update":
                return c.differences().isEmpty() ? tr("audit.say.updateNothing")
                        : tr("audit.say.update", changesText(type, c, currency, n));
            case "confirm":
            case "complete":
            case "cancel":
                return tr("audit.say.booking." + action);
            case "reschedule": {
                ZoneId zone = n.zoneOf(c.after("timeZone").or(() -> c.before("timeZone")).orElse(null));
                return tr("audit.say.reschedule", when(c.before("startsAt"), zone), when(c.after("startsAt"), zone));
            }
            case "assign":
                return tr("audit.say.assign", c.after("performer").orElse("?"), c.after("role").orElse(""),
                        money(c.after("payoutMinor"), currency));
            case "unassign":
                return tr("audit.say.unassign", c.before("performer").orElse("?"));
            case "update-assignment":
                return tr("audit.say.updateAssignment", c.before("assignmentId").or(() -> c.after("assignmentId"))
                        .map(id -> n.assignmentPerformer(id)).orElse("?"), changesText(type, c, currency, n));
            case "record-payment":
                return tr("audit.say.recordPayment", money(c.after("amountMinor"), currency),
                        inSentence(Display.label(CodeSet.PaymentMethod, c.after("method").orElse(null))),
                        inSentence(Display.label(CodeSet.PaymentKind, c.after("kind").orElse(null))));
            case "reverse-payment":
                return tr("audit.say.reversePayment", money(c.before("amountMinor"), currency), c.after("reason").orElse(""));
            case "payment-terms":
                return tr("audit.say.paymentTerms", changesText(type, c, currency, n));
            case "payout-paid":
                return tr("audit.say.payoutPaid", money(c.after("payoutMinor"), currency),
                        c.after("assignmentId").map(n::assignmentPerformer).orElse("?"),
                        inSentence(Display.label(CodeSet.PaymentMethod, c.after("method").orElse(null))));
            case "override-conflict":
                return tr("audit.say.overrideConflict", c.after("performerId").map(id -> n.name("performerId", id))
                        .orElse("?"), c.after("reason").orElse(""));
            case "promote-hold":
            case "demote-hold":
                return tr("audit.say.holdRank", c.after("rank").orElse("?"));
            case "release-hold":
            case "expire-hold":
            case "lapse-hold":
            case "confirm-hold":
                return tr("audit.say." + action, c.after("performer").orElse("?"));
            case "challenge-hold":
                return tr("audit.say.challengeHold", c.after("challengedBy").orElse("?"),
                        when(c.after("decisionDeadline"), n.zone));
            case "issue":
                return tr("audit.say.issue", c.after("number").orElse(""), money(c.after("totalMinor"), currency));
            case "draft":
                return tr("audit.say.draft", label(type, "kind", c.after("kind").orElse(null)),
                        money(c.after("totalMinor"), currency));
            case "mark-sent":
                return tr("audit.say.markSent");
            case "discard-draft":
                return tr("audit.say.discardDraft");
            case "credit":
                return tr("audit.say.credit", c.after("creditNote").orElse(""), c.after("reason").orElse(""));
            case "attach":
                return tr("audit.say.attach", c.after("attachment").orElse("?"));
            case "detach":
                return tr("audit.say.detach", c.before("attachment").orElse("?"));
            case "sign-in":
                return tr("audit.say.signIn");
            case "sign-in-failed":
                return tr("audit.say.signInFailed", c.after("failedAttempts").orElse("1"));
            case "due-notices":
            case "overdue-notices":
            case "follow-ups":
                return tr("audit.say.notices", c.after("raised").map(Long::parseLong).orElse(0L));
            case "process-holds":
                return tr("audit.say.holdsEnded", c.after("ended").map(Long::parseLong).orElse(0L));
            case "backup":
                return tr("audit.say.backup", c.after("file").orElse(""));
            case "block":
                return c.after("startsAt").isPresent()
                        ? tr("audit.say.block", when(c.after("startsAt"), n.zone), when(c.after("endsAt"), n.zone),
                        c.after("reason").orElse(""))
                        : tr("audit.say.blockWeekly", c.after("day").orElse(""), c.after("hours").orElse(""),
                        c.after("reason").orElse(""));
            case "unblock":
                return tr("audit.say.unblock");
            default:
                return null;
        }
    }

    /** "Mark read: count 3" — the action in words, then what changed. */
    private String generic(AuditEntry e, Changes c, Names n) {
        String key = "audit.action." + e.action();
        String action = bundle().containsKey(key) ? bundle().getString(key) : humanize(e.action());
        String currency = c.text("currency").orElseGet(n::baseCurrency);
        String changes = changesText(e.entityType(), c, currency, n);
        return changes.isEmpty() ? tr("audit.say.genericBare", action) : tr("audit.say.generic", action, changes);
    }

    /** "status from On hold to Confirmed, title to Gala" (before and after), or "fee 800.00 EUR" (only one side). */
    private String changesText(String type, Changes c, String currency, Names n) {
        List<String> parts = new ArrayList<>();
        for (String field : c.fields()) {
            if (HIDDEN.contains(field)) {
                continue;
            }
            String name = fieldName(field);
            boolean hasBefore = c.hasBefore(field);
            boolean hasAfter = c.hasAfter(field);
            String before = value(type, field, c.before(field).orElse(null), currency, n);
            String after = value(type, field, c.after(field).orElse(null), currency, n);
            if (hasBefore && hasAfter) {
                parts.add(tr("audit.change.fromTo", name, before.isEmpty() ? tr("audit.value.empty") : before,
                        after.isEmpty() ? tr("audit.value.empty") : after));
            } else if (hasAfter) {
                if (!after.isEmpty()) {
                    parts.add(tr("audit.change.value", name, after));
                }
            } else if (!before.isEmpty()) {
                parts.add(tr("audit.change.value", name, before));
            }
        }
        return String.join(", ", parts);
    }

    private String value(String type, String field, String raw, String currency, Names n) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (field.endsWith("Minor")) {
            return money(Optional.of(raw), currency);
        }
        if (field.endsWith("Bp")) {
            try {
                return percent(Integer.parseInt(raw));
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        if (field.endsWith("Id") && looksLikeUuid(raw)) {
            String name = n.name(field, raw);
            return name == null ? tr("audit.value.removed") : name;
        }
        String label = label(type, field, raw);
        if (label != null) {
            return label;
        }
        if (field.endsWith("At") || field.equals("decisionDeadline") || field.equals("callTime")) {
            return when(Optional.of(raw), n.zone);
        }
        if (field.endsWith("On") || field.equals("dueDate") || field.equals("today")) {
            try {
                return date(LocalDate.parse(raw));
            } catch (DateTimeException e) {
                return raw;
            }
        }
        if ("true".equals(raw) || "false".equals(raw)) {
            return "true".equals(raw) ? tr("audit.value.yes") : tr("audit.value.no");
        }
        return raw;
    }

    /** The label of a status, kind or method field, or null when the field holds no code. */
    private static String label(String type, String field, String code) {
        if (code == null) {
            return null;
        }
        // by the name of the enum or code set that holds the field's codes: an entry may hold a code this version
        // does not know, so the code is not parsed (the audit package names no feature's enum)
        String set = switch (field) {
            case "status" -> switch (type == null ? "" : type) {
                case "booking" -> "BookingStatus";
                case "inquiry" -> "InquiryStatus";
                case "quote" -> "QuoteStatus";
                case "invoice" -> "InvoiceStatus";
                case "hold" -> "HoldStatus";
                default -> null;
            };
            case "kind" -> switch (type == null ? "" : type) {
                case "invoice" -> "InvoiceKind";
                case "booking" -> CodeSet.PaymentKind.name();
                default -> null;
            };
            case "method" -> CodeSet.PaymentMethod.name();
            case "payoutStatus" -> "PayoutStatus";
            case "paymentState" -> "PaymentState";
            case "source" -> CodeSet.InquirySource.name();
            case "depositKind" -> CodeSet.DepositKind.name();
            case "depositDueBasis" -> CodeSet.DueBasis.name();
            default -> null;
        };
        if (set != null) {
            return Display.label(set, code);
        }
        if ("kind".equals(field) && "client".equals(type)) {
            try {
                return CodeSet.ClientKind.codes().contains(code) ? Display.label(CodeSet.ClientKind, code) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if ("roles".equals(field)) {
            List<String> roles = new ArrayList<>();
            for (String r : code.replaceAll("[\\[\\]]", "").split(",\\s*")) {
                try {
                    roles.add(Display.label(Role.valueOf(r.strip())));
                } catch (IllegalArgumentException e) {
                    roles.add(r.strip());
                }
            }
            return String.join(", ", roles);
        }
        return null;
    }

    private static String fieldName(String field) {
        String key = "audit.field." + field;
        // "depositMinor" -> "deposit", "commissionBp" -> "commission", "venueId" -> "venue": the unit is in the value
        String bare = field.replaceAll("(?<=[a-z])(Minor|Bp|Id)$", "");
        return bundle().containsKey(key) ? bundle().getString(key) : humanize(bare).toLowerCase(Locale.ROOT);
    }

    private static String kindWord(String entityType) {
        return inSentence(Display.label(CodeSet.RecordKind, entityType));
    }

    /**
     * A label inside a sentence: "Bank transfer" reads "bank transfer" (the bundle is written that way). A language
     * whose nouns keep their capital inside a sentence (German: "per Überweisung") says so in its bundle
     * ({@code grammar.lowercaseLabelsInSentences=false}).
     */
    private static String inSentence(String label) {
        if (label == null || label.length() < 2 || Character.isUpperCase(label.charAt(1))
                || !"true".equals(tr("grammar.lowercaseLabelsInSentences"))) {
            return label == null ? "" : label;
        }
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static String money(Optional<String> minor, String currency) {
        if (minor.isEmpty()) {
            return "";
        }
        try {
            long m = Long.parseLong(minor.get());
            var c = currency == null ? null : Currencies.find(currency);
            return c == null ? minor.get() : MoneyFormat.display(m, c, locale());
        } catch (NumberFormatException e) {
            return minor.get();
        }
    }

    /*
     * The screen's styles, as ui.Format writes them (the audit log sits below the UI, so it uses the same common
     * DateStyle and MoneyFormat in the format locale, which the console sets to the screen's; I18n.tr does the same).
     */
    private static Locale locale() {
        return Locale.getDefault(Locale.Category.FORMAT);
    }

    private static String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone);
        return DateStyle.date(locale()).format(at) + " " + DateStyle.time(locale()).format(at);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DateStyle.date(locale()).format(date);
    }

    private static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
    }

    private static String when(Optional<String> instant, ZoneId zone) {
        if (instant.isEmpty()) {
            return "";
        }
        try {
            return dateTime(Instant.parse(instant.get()), zone);
        } catch (DateTimeException e) {
            return instant.get();
        }
    }

    /** "payoutMinor" -> "Payout minor", "mark-sent" -> "Mark sent". */
    static String humanize(String code) {
        String s = code.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ')
                .toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean looksLikeUuid(String s) {
        return s.length() == 36 && s.charAt(8) == '-' && s.charAt(13) == '-';
    }

    // ------------------------------------------------------------------------------------------ the JSON

    /** The before and after of one entry, every value as text (arrays joined). */
    record Changes(Map<String, String> before, Map<String, String> after, List<String> fields) {
        static Changes parse(String json) {
            Map<String, String> b = new LinkedHashMap<>();
            Map<String, String> a = new LinkedHashMap<>();
            List<String> order = new ArrayList<>();
            if (json != null && !json.isBlank()) {
                try {
                    JsonNode root = JSON.readTree(json);
                    read(root.get("before"), b, order);
                    read(root.get("after"), a, order);
                } catch (IOException | RuntimeException e) {
                    // not JSON: no fields, the sentence says the action alone
                }
            }
            return new Changes(b, a, order);
        }

        private static void read(JsonNode node, Map<String, String> into, List<String> order) {
            if (node == null || !node.isObject()) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var f = it.next();
                JsonNode v = f.getValue();
                String text;
                if (v == null || v.isNull()) {
                    text = null;
                } else if (v.isArray()) {
                    List<String> items = new ArrayList<>();
                    v.forEach(i -> items.add(i.asText()));
                    text = String.join("; ", items);
                } else {
                    text = v.asText();
                }
                into.put(f.getKey(), text);
                if (!order.contains(f.getKey())) {
                    order.add(f.getKey());
                }
            }
        }

        Optional<String> before(String field) {
            return Optional.ofNullable(before.get(field));
        }

        Optional<String> after(String field) {
            return Optional.ofNullable(after.get(field));
        }

        boolean hasBefore(String field) {
            return before.containsKey(field);
        }

        boolean hasAfter(String field) {
            return after.containsKey(field);
        }

        Optional<String> text(String field) {
            return after(field).or(() -> before(field));
        }

        List<String> differences() {
            return fields;
        }
    }

    // ------------------------------------------------------------------------------------------ names

    /** Names looked up once per listing. */
    private final class Names {
        final ZoneId zone;
        private final Map<String, String> cache = new HashMap<>();
        private String baseCurrency;

        Names(ZoneId zone) {
            this.zone = zone;
        }

        String baseCurrency() {
            if (baseCurrency == null) {
                baseCurrency = Optional.ofNullable(dsl.select(AGENCY.BASE_CURRENCY).from(AGENCY).limit(1)
                        .fetchOne(AGENCY.BASE_CURRENCY)).orElse("EUR");
            }
            return baseCurrency;
        }

        ZoneId zoneOf(String id) {
            try {
                return id == null ? zone : ZoneId.of(id);
            } catch (DateTimeException e) {
                return zone;
            }
        }

        String bookingCurrency(UUID bookingId) {
            return cached("currency:" + bookingId, () -> dsl.select(BOOKING.CURRENCY).from(BOOKING)
                    .where(BOOKING.ID.eq(bookingId)).fetchOne(BOOKING.CURRENCY), this::baseCurrency);
        }

        String assignmentPerformer(String assignmentId) {
            UUID id = uuid(assignmentId);
            return id == null ? "?" : cached("assignment:" + id, () -> dsl.select(PERFORMER.STAGE_NAME).from(ASSIGNMENT)
                    .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID)).where(ASSIGNMENT.ID.eq(id))
                    .fetchOne(PERFORMER.STAGE_NAME), () -> tr("audit.value.removed"));
        }

        /** The name an id field points at ("clientId" -> the client's name), null when unknown. */
        String name(String field, String raw) {
            UUID id = uuid(raw);
            if (id == null) {
                return null;
            }
            String kind = switch (field) {
                case "clientId" -> "client";
                case "venueId" -> "venue";
                case "performerId" -> "performer";
                case "bookingId" -> "booking";
                case "packageId" -> "package";
                case "inquiryId" -> "inquiry";
                case "userId", "ownerUserId" -> "user";
                case "receipt" -> null;
                default -> null;
            };
            return kind == null ? null : record(kind, id);
        }

        /** A record's readable name by its kind, or null. */
        String record(String kind, UUID id) {
            if (id == null) {
                return null;
            }
            Function<UUID, String> lookup = switch (kind) {
                case "client" -> i -> dsl.select(CLIENT.NAME).from(CLIENT).where(CLIENT.ID.eq(i)).fetchOne(CLIENT.NAME);
                case "venue" -> i -> dsl.select(VENUE.NAME).from(VENUE).where(VENUE.ID.eq(i)).fetchOne(VENUE.NAME);
                case "performer" -> i -> dsl.select(PERFORMER.STAGE_NAME).from(PERFORMER).where(PERFORMER.ID.eq(i))
                        .fetchOne(PERFORMER.STAGE_NAME);
                case "booking" -> i -> dsl.select(BOOKING.NUMBER, BOOKING.TITLE).from(BOOKING).where(BOOKING.ID.eq(i))
                        .fetchOptional(r -> r.value1() + " · " + r.value2()).orElse(null);
                case "package" -> i -> dsl.select(SERVICE_PACKAGE.NAME).from(SERVICE_PACKAGE)
                        .where(SERVICE_PACKAGE.ID.eq(i)).fetchOne(SERVICE_PACKAGE.NAME);
                case "inquiry" -> i -> dsl.select(INQUIRY.EVENT_TYPE, CLIENT.NAME).from(INQUIRY).join(CLIENT)
                        .on(CLIENT.ID.eq(INQUIRY.CLIENT_ID)).where(INQUIRY.ID.eq(i))
                        .fetchOptional(r -> r.value1() + " · " + r.value2()).orElse(null);
                case "quote" -> i -> dsl.select(QUOTE.NUMBER, QUOTE.VERSION_NO).from(QUOTE).where(QUOTE.ID.eq(i))
                        .fetchOptional(r -> r.value1() + " v" + r.value2()).orElse(null);
                case "invoice" -> i -> dsl.select(INVOICE.NUMBER, INVOICE.KIND).from(INVOICE).where(INVOICE.ID.eq(i))
                        .fetchOptional(r -> r.value1() != null ? r.value1()
                                : Display.label("InvoiceKind", r.value2())).orElse(null);
                case "user" -> i -> dsl.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.ID.eq(i))
                        .fetchOne(APP_USER.DISPLAY_NAME);
                case "agency" -> i -> dsl.select(AGENCY.NAME).from(AGENCY).where(AGENCY.ID.eq(i)).fetchOne(AGENCY.NAME);
                default -> null;
            };
            if (lookup == null) {
                return null;
            }
            return cached(kind + ":" + id, () -> lookup.apply(id), () -> null);
        }

        private String cached(String key, Supplier<String> load,
                              Supplier<String> otherwise) {
            if (!cache.containsKey(key)) {
                cache.put(key, load.get());
            }
            String v = cache.get(key);
            return v == null ? otherwise.get() : v;
        }

        private UUID uuid(String s) {
            try {
                return s == null ? null : UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** The console's language's texts ({@link I18n#use}). */
    private static ResourceBundle bundle() {
        return I18n.bundle(I18n.language().locale());
    }
}
