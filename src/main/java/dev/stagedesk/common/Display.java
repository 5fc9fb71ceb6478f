package dev.stagedesk.common;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The one way a status, kind or method reaches people: through the message bundle, key
 * {@code enum.<Set>.<CODE>} ("enum.PaymentMethod.BANK_TRANSFER" = "Bank transfer"). Files (CSV, the CLI's
 * machine output) keep the codes: they are data.
 */
public final class Display {
    private static final String LOWER_IN_SENTENCE = "grammar.lowercaseLabelsInSentences";

    /**
     * The code sets the store keeps as text (its CHECK constraints) that have no Java enum (yet), by the name their
     * label keys use. States are enums in their features ({@code booking.BookingStatus} ...): label them with
     * {@link #label(Enum)}.
     */
    public enum CodeSet {
        PaymentKind("DEPOSIT", "BALANCE", "OTHER", "REFUND", "REVERSAL"),
        PaymentMethod("BANK_TRANSFER", "CARD", "CASH", "CHEQUE", "DIRECT_DEBIT", "PAYPAL", "OTHER"),
        InquirySource("WEB_FORM", "PHONE", "EMAIL", "REFERRAL", "REPEAT_CLIENT"),
        DepositKind("PERCENT", "AMOUNT"),
        DueBasis("BOOKING", "EVENT"),
        /** {@code client.ClientKind}, as the audit log (below the client feature) names it. */
        ClientKind("PERSON", "COMPANY"),
        /** The financial report's basis (Reports → Financials). */
        ReportBasis("accrual", "cash"),
        /** The kinds of record the audit log names ("booking", "client" ...). */
        RecordKind("agency", "attachment", "booking", "client", "geocode", "hold", "inquiry", "invoice", "notification",
                "overhead_expense", "package", "performer", "performer_expense", "quote", "recurring_expense",
                "route_stop", "series", "settings", "store", "user", "venue");

        private final List<String> codes;

        CodeSet(String... codes) {
            this.codes = List.of(codes);
        }

        public List<String> codes() {
            return codes;
        }
    }

    private Display() {
    }

    /** "Bank transfer" for ({@code PaymentMethod}, "BANK_TRANSFER"); "" for null. */
    public static String label(CodeSet set, String code) {
        return label(set.name(), code);
    }

    /** An enum constant's label: key {@code enum.<SimpleClassName>.<NAME>}. */
    public static String label(Enum<?> value) {
        return value == null ? "" : label(value.getDeclaringClass().getSimpleName(), value.name());
    }

    /**
     * The label of a state stored as a code, by the enum that names it ({@code label(BookingStatus.class, "HOLD")}):
     * for text that holds a code which may not parse (an audit entry written by another version).
     */
    public static String label(Class<? extends Enum<?>> type, String code) {
        return label(type.getSimpleName(), code);
    }

    /**
     * An enum constant's label where it stands inside a sentence ("BK-2026-000001 is on hold"): the label with its
     * first letter in lower case when the bundle says its language writes labels so ({@code grammar.lowercaseLabelsInSentences}, as audit sentences do).
     */
    public static String inSentence(Enum<?> value) {
        String label = label(value);
        ResourceBundle b = bundle();
        boolean lower = !b.containsKey(LOWER_IN_SENTENCE) || Boolean.parseBoolean(b.getString(LOWER_IN_SENTENCE));
        return lower && !label.isEmpty() ? label.substring(0, 1).toLowerCase(b.getLocale()) + label.substring(1) : label;
    }

    /** The bundle key of a code: what {@code DisplayLabelsTest} checks exists for every code shown. */
    public static String key(String set, String code) {
        return "enum." + set + "." + code;
    }

    public static boolean hasLabel(String set, String code) {
        return bundle().containsKey(key(set, code));
    }

    /**
     * The label of {@code code} in the set or enum named {@code set} ("BookingStatus"): for text that holds codes
     * of several sets by name (the audit log); code that has the enum uses {@link #label(Enum)}.
     */
    public static String label(String set, String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String key = key(set, code);
        // a code the bundle does not know yet (a newer store) still reads as words, never as SHOUTED_CODE
        return bundle().containsKey(key) ? bundle().getString(key) : humanize(code);
    }

    /** BANK_TRANSFER -> "Bank transfer" (the fallback for a code without a label). */
    static String humanize(String code) {
        String s = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The console's language's texts ({@link I18n#use}). */
    private static ResourceBundle bundle() {
        return I18n.bundle(I18n.language().locale());
    }
}
