package dev.stagedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchIndexTest {
    @Test
    void wordsAreFoldedAndSplitAtPunctuationToo() {
        assertThat(SearchIndex.tokens("Zoë  Müller", "zoe.mueller@example.com", "+49 30 1234567", null))
                .containsExactly("zoe", "muller", "zoe.mueller@example.com", "mueller", "example", "com", "+49", "49",
                        "30", "1234567");
    }

    @Test
    void typedWordsWithPunctuationCountAsTheirParts() {
        assertThat(SearchIndex.queryWords("smith.exam +49 ada")).containsExactly("smith", "exam", "49", "ada");
    }

    @Test
    void veryLongWordsAreCut() {
        assertThat(SearchIndex.tokens("x".repeat(100))).singleElement().asString().hasSize(SearchIndex.MAX_TOKEN);
    }
}
