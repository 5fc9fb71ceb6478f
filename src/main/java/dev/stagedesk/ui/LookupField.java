package dev.stagedesk.ui;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;

/**
 * A text field that looks records up as one types (ControlsFX auto-completion) and holds the one picked in
 * {@link #value()}. Typing something else clears the pick, so a half-typed name is never taken for a record.
 * {@code suggest} runs off the FX thread (ControlsFX calls it on a worker).
 */
public final class LookupField<T> extends TextField {
    private final ObjectProperty<T> value = new SimpleObjectProperty<>();
    private final Function<T, String> label;

    public LookupField(String id, String prompt, Function<String, List<T>> suggest, Function<T, String> label,
                       BiFunction<T, String, Boolean> stillMatches) {
        this.label = label;
        setId(id);
        setPromptText(prompt);
        var binding = TextFields.bindAutoCompletion(this, req -> req.getUserText().isBlank() ? List.of()
                : suggest.apply(req.getUserText()), new StringConverter<T>() {
                    @Override
                    public String toString(T t) {
                        return t == null ? "" : label.apply(t);
                    }

                    @Override
                    public T fromString(String s) {
                        return null;
                    }
                });
        binding.setOnAutoCompleted(e -> value.set(e.getCompletion()));
        textProperty().addListener((o, a, b) -> {
            if (value.get() != null && !stillMatches.apply(value.get(), b)) {
                value.set(null);
            }
        });
    }

    public ObjectProperty<T> value() {
        return value;
    }

    /** Picks a record (the text shows it). */
    public void pick(T t) {
        value.set(t);
        setText(t == null ? "" : label.apply(t));
    }
}
