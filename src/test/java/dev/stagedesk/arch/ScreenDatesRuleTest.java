package dev.stagedesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.stagedesk.backup.BackupService;
import dev.stagedesk.csv.CsvValues;
import org.junit.jupiter.api.Test;

/** The screen-date rules do catch a pattern and ISO where they are used (so their passing means something). */
class ScreenDatesRuleTest {
    @Test
    void theRulesSeeAPatternAndIso() {
        var classes = new ClassFileImporter().importClasses(CsvValues.class,
                BackupService.class);
        assertThat(ScreenDatesTest.screensUseFormat.allowEmptyShould(true).evaluate(classes).hasViolation()).as("excluded file writers").isFalse();
        assertThat(noClasses().should().callMethodWhere(ScreenDatesTest.MAKES_A_DATE_STYLE).evaluate(classes)
                .hasViolation()).isTrue();
        assertThat(noClasses().should().accessFieldWhere(ScreenDatesTest.USES_ISO).evaluate(classes).hasViolation())
                .isTrue();
    }
}
