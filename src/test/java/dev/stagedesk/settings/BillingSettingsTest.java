package dev.stagedesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbering patterns: the defaults (with a padded {seq:0000}) save as they are; characters a file name cannot hold are refused. */
class BillingSettingsTest {
    @TempDir
    Path dir;
    AppContext app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    BillingSettings with(BillingSettings b, String invoicePattern, String creditPattern) {
        return new BillingSettings(b.depositKind(), b.depositValue(), b.depositDueBasis(), b.depositDueDays(),
                b.balanceDueDaysBefore(), b.invoiceDueDays(), invoicePattern, creditPattern, b.logoPath());
    }

    @Test
    void theDefaultPaddedPatternsSaveUnchanged() {
        app = TestStore.open(dir);
        BillingSettings b = app.settings.billing();
        assertThat(b.invoicePattern()).contains("{seq:");
        app.settings.updateBilling(Actor.owner(), with(b, b.invoicePattern(), b.creditNotePattern()));
        app.settings.updateBilling(Actor.owner(), with(b, "R-{yyyy}-{seq:00000}", "G-{yyyy}-{seq:00000}"));
        assertThat(app.settings.billing().invoicePattern()).isEqualTo("R-{yyyy}-{seq:00000}");
    }

    @Test
    void aPatternWithCharactersAFileNameCannotHoldIsRefusedNamingTheField() {
        app = TestStore.open(dir);
        BillingSettings b = app.settings.billing();
        assertThatThrownBy(() -> app.settings.updateBilling(Actor.owner(), with(b, "INV/{yyyy}:{seq}", b.creditNotePattern())))
                .hasMessageContaining("invoicePattern");
        assertThatThrownBy(() -> app.settings.updateBilling(Actor.owner(), with(b, b.invoicePattern(), "CN-{seq:00x}")))
                .hasMessageContaining("creditNotePattern");
    }
}
