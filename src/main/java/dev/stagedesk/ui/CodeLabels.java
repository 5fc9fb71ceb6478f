package dev.stagedesk.ui;

import dev.stagedesk.common.Display;
import dev.stagedesk.common.Display.CodeSet;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Combo boxes over codes show their labels ({@link Display}); the value stays the code. */
public final class CodeLabels {
    private CodeLabels() {
    }

    /** Shows each code of {@code box} by its label in {@code set}; {@code empty} names the null entry. */
    public static <B extends ComboBox<String>> B on(B box, CodeSet set, String empty) {
        box.setConverter(converter(set, empty));
        return box;
    }

    public static <B extends ComboBox<String>> B on(B box, CodeSet set) {
        return on(box, set, "");
    }

    /** Shows each constant of {@code box} by its label ({@link Display#label(Enum)}); {@code empty} names null. */
    public static <E extends Enum<E>, B extends ComboBox<E>> B on(B box, Class<E> type, String empty) {
        box.setConverter(converter(type, empty));
        return box;
    }

    public static <E extends Enum<E>, B extends ComboBox<E>> B on(B box, Class<E> type) {
        return on(box, type, "");
    }

    public static <E extends Enum<E>> StringConverter<E> converter(Class<E> type, String empty) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? empty : Display.label(value);
            }

            @Override
            public E fromString(String s) {
                if (s == null || s.isEmpty() || s.equals(empty)) {
                    return null;
                }
                for (E e : type.getEnumConstants()) {
                    if (Display.label(e).equals(s) || e.name().equals(s)) {
                        return e;
                    }
                }
                return null;
            }
        };
    }

    public static StringConverter<String> converter(CodeSet set, String empty) {

        return new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? empty : Display.label(set, code);
            }

            @Override
            public String fromString(String s) {
                if (s == null || s.isEmpty() || s.equals(empty)) {
                    return null;
                }
                // an editable box hands back what is shown: find the code whose label it is
                return set.codes().stream().filter(c -> Display.label(set, c).equals(s) || c.equals(s)).findFirst()
                        .orElse(s);
            }
        };
    }
}
