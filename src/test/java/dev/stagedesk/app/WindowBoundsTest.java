package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: a window saved on a larger screen opens inside the screen it opens on. */
class WindowBoundsTest {
    static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1280, 720);
    static final Rectangle2D BIG = new Rectangle2D(0, 0, 1920, 1080);

    @Test
    void aWindowSavedOnALargerScreenIsClampedToTheScreenItOpensOn() {
        WindowBounds b = WindowBounds.clamp(300.0, 200.0, 1800, 1000, List.of(SMALL));
        assertThat(b).isEqualTo(new WindowBounds(0, 0, 1280, 720));
    }

    @Test
    void aWindowThatFitsKeepsItsPlaceAndSize() {
        assertThat(WindowBounds.clamp(100.0, 50.0, 1280, 800, List.of(BIG)))
                .isEqualTo(new WindowBounds(100, 50, 1280, 800));
    }

    @Test
    void aWindowPartlyOffTheScreenIsMovedBackOntoIt() {
        assertThat(WindowBounds.clamp(1500.0, 900.0, 1280, 800, List.of(BIG)))
                .isEqualTo(new WindowBounds(640, 280, 1280, 800));
        assertThat(WindowBounds.clamp(-400.0, -50.0, 1000, 600, List.of(BIG)))
                .isEqualTo(new WindowBounds(0, 0, 1000, 600));
    }

    @Test
    void tooSmallGrowsToTheMinimumAndNoSavedPlaceCentres() {
        WindowBounds b = WindowBounds.clamp(null, null, 400, 300, List.of(BIG));
        assertThat(b).isEqualTo(new WindowBounds((1920 - 900) / 2.0, (1080 - 560) / 2.0, 900, 560));
    }

    @Test
    void theScreenItWasOnIsUsedAndAGoneScreenFallsBackToThePrimary() {
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 720);
        assertThat(WindowBounds.clamp(2000.0, 10.0, 1600, 900, List.of(BIG, right)))
                .isEqualTo(new WindowBounds(1920, 0, 1280, 720));
        // the right-hand screen is unplugged: the window opens on the primary one
        assertThat(WindowBounds.clamp(2000.0, 10.0, 1600, 900, List.of(BIG)))
                .isEqualTo(new WindowBounds(320, 10, 1600, 900));
    }

    @Test
    void unreadableSizesFallBackToTheDefault() {
        assertThat(WindowBounds.clamp(null, null, Double.NaN, -1, List.of(BIG)))
                .isEqualTo(new WindowBounds(320, 140, 1280, 800));
    }

    @Test
    void columnWidthsAreRememberedPerTableInTheWindowStateFile(@TempDir Path dir) {
        Path file = dir.resolve("window.properties");
        UiState state = new UiState(file);
        state.put("width", 1280);
        state.save("bookingsTable", Map.of("Number", 150.0, "Venue", 240.4));
        state.save("invoicesTable", Map.of("Number", 120.0));
        state.save("bookingsTable", Map.of("Number", 160.0)); // the user's latest widths replace the earlier ones
        UiState reread = new UiState(file);
        assertThat(reread.load("bookingsTable")).containsExactlyInAnyOrderEntriesOf(Map.of("Number", 160.0));
        assertThat(reread.load("invoicesTable")).containsExactlyInAnyOrderEntriesOf(Map.of("Number", 120.0));
        assertThat(reread.load("paymentsTable")).isEmpty();
        assertThat(reread.number("width", 0)).isEqualTo(1280);
    }
}
