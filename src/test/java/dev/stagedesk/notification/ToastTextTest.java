package dev.stagedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 18: toasts ran past the window's edge; their text is broken into short lines. */
class ToastTextTest {
    @Test
    void aLongNoticeIsBrokenIntoShortLinesAndCutAfterTheLast() {
        String body = "Booking BK-2026-000972 Summer gala in the old town hall of Kleinstadt an der Mosel starts in "
                + "two days and still has two open slots for performers: please assign or release the holds soon.";
        String fitted = NotificationsView.fitToast(body, 40, 3);
        String[] lines = fitted.split("\n");
        assertThat(lines).hasSize(3).allMatch(l -> l.length() <= 40);
        assertThat(lines[0]).isEqualTo("Booking BK-2026-000972 Summer gala in");
        assertThat(lines[2]).endsWith("…");
    }

    @Test
    void aShortNoticeStaysAsItIs() {
        assertThat(NotificationsView.fitToast("Payment received for BK-2026-000972.", 40, 3))
                .isEqualTo("Payment received for BK-2026-000972.");
    }

    @Test
    void aWordLongerThanALineIsCut() {
        assertThat(NotificationsView.fitToast("x".repeat(50), 10, 2)).isEqualTo("xxxxxxxxx…");
    }
}
