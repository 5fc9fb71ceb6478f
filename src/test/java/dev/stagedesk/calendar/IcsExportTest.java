package dev.stagedesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .ics export keeps characters outside the basic plane and CJK whole, folded at 75 octets. */
class IcsExportTest {
    @TempDir
    Path dir;

    @Test
    void anEmojiAndCjkTitleRoundTripsAndNoPhysicalLineIsLongerThan75Octets() throws Exception {
        String title = "🎺🎉 東京 Ōtsuka Gala — Zoë & Łódź brass night with a very long title that must fold 🎷 "
                + "東京タワー夜景コンサート 🎸";
        try (AppContext app = TestStore.open(dir)) {
            var client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "東京 Events 🎪")).id();
            Instant start = TestStore.NOW.plus(Duration.ofDays(10));
            Booking b = app.bookings.create(Actor.owner(), new BookingDraft(title, client, null, null, start,
                    start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null),
                    BookingStatus.CONFIRMED, List.of());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            int n = app.ics.write(Actor.owner(), null, TestStore.NOW, TestStore.NOW.plus(Duration.ofDays(30)), w);
            w.flush();
            assertThat(n).isEqualTo(1);

            byte[] all = bytes.toByteArray();
            String text = new String(all, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("?").doesNotContain("\uFFFD");
            int lineStart = 0;
            int longest = 0;
            int folds = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\r' && i + 1 < all.length && all[i + 1] == '\n') {
                    assertThat(i - lineStart).as("octets of line at byte %d", lineStart).isLessThanOrEqualTo(75);
                    longest = Math.max(longest, i - lineStart);
                    folds += i + 2 < all.length && all[i + 2] == ' ' ? 1 : 0;
                    lineStart = i + 2;
                }
            }
            assertThat(lineStart).as("the file ends with CR LF").isEqualTo(all.length);
            assertThat(folds).as("the long title was folded").isPositive();
            assertThat(longest).isGreaterThan(70);
            // every physical line is whole UTF-8 on its own: no character was cut by a fold
            for (String line : text.split("\r\n")) {
                byte[] again = line.getBytes(StandardCharsets.UTF_8);
                assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(line);
            }

            var cal = new CalendarBuilder().build(new StringReader(text));
            List<VEvent> events = cal.getComponents("VEVENT");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getSummary().get().getValue()).isEqualTo(title + " (" + b.number() + ")");
            assertThat(events.get(0).getDescription().get().getValue()).contains("東京 Events 🎪");
        }
    }

    @Test
    void aFoldNeverSplitsASurrogatePairOrAMultiOctetCharacter() throws Exception {
        StringWriter out = new StringWriter();
        IcsFoldingWriter f = new IcsFoldingWriter(out);
        // 74 ASCII octets, then an emoji (4 octets): it moves whole to the next line
        f.write("X".repeat(74) + "😀" + "é".repeat(40) + "\r\n");
        f.flush();
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("X".repeat(74));
        assertThat(lines[1]).startsWith(" 😀");
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo("X".repeat(74) + "😀" + "é".repeat(40) + "\r\n");
    }
}
