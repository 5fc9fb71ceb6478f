package dev.stagedesk.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Folds text for searching: lower case, accents removed, white space collapsed ("Zoë  Café" -> "zoe cafe"). */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return SPACE.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The searchable text of a record: its folded fields joined by spaces. */
    public static String of(String... fields) {
        return Stream.of(fields).filter(Objects::nonNull).map(SearchText::fold).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }
}
