package dev.stagedesk.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The store keeps states and kinds as text: each enum constant's name is its code ("HOLD"). Conditions on those
 * columns name the constants and pass their codes ({@code BOOKING.STATUS.in(Codes.of(HOLD, CONFIRMED))}); rows are
 * read back with the enum's {@code valueOf}. CSV files and the CLI keep the same codes.
 */
public final class Codes {
    private Codes() {
    }

    /** The codes of {@code values}, in order. */
    @SafeVarargs
    public static <E extends Enum<E>> List<String> of(E... values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** The code of {@code value}, or null. */
    public static String of(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Every code of {@code type}, in declaration order ("HOLD, CONFIRMED, ..." in a message naming what is allowed). */
    public static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** The constant of {@code type} named {@code code}, or null for a null or blank code. */
    public static <E extends Enum<E>> E parse(Class<E> type, String code) {
        return code == null || code.isBlank() ? null : Enum.valueOf(type, code);
    }

    /**
     * A code typed in a file (CSV), trimmed and upper-cased: its constant, or null with {@code message} added for
     * {@code field} when it names none. A blank cell is null without an error.
     */
    public static <E extends Enum<E>> E read(Class<E> type, String text, String field, Validator v, String message) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                return e;
            }
        }
        v.add(new FieldError(field, message));
        return null;
    }

}
