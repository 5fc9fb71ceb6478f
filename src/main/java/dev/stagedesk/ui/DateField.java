package dev.stagedesk.ui;

import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * A date picker that shows its date in the screen's one date style ({@link Format#date}: "4 Dec 2026"), not the
 * picker's own short style ("04/12/2026"). Typed text is read in that style, the locale's short style or ISO.
 */
public class DateField extends DatePicker {

    public DateField() {
        this(null);
    }

    public DateField(LocalDate date) {
        super(date);
        setConverter(converter());
    }

    static StringConverter<LocalDate> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return Format.date(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return Format.parseDate(text);
            }
        };
    }
}
