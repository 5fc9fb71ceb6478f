package dev.stagedesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * One date style on screen: dates and times people read go through {@code ui.Format} (the locale's medium date
 * and short time). Hard-coded patterns and ISO are for files only (CSV, .ics, backups, the command line's
 * tab-separated output, the PDFs' document style of their language: {@code document.DocumentText}).
 */
@AnalyzeClasses(packages = "dev.stagedesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ScreenDatesTest {
    /** Classes that write files or documents, where a fixed pattern is the point. */
    private static final Set<String> FILE_WRITERS = Set.of("dev.stagedesk.ui.Format", "dev.stagedesk.common.DateStyle", "dev.stagedesk.csv.CsvValues",
            "dev.stagedesk.calendar.IcsExport", "dev.stagedesk.backup.BackupService", "dev.stagedesk.demo.DemoGenerator",
            // quotes, invoices, credit notes and statements: their language's document style, in one place
            "dev.stagedesk.document.DocumentText");

    private static final DescribedPredicate<JavaClass> NOT_A_FILE_WRITER = DescribedPredicate.describe(
            "do not write files or documents", c -> !FILE_WRITERS.contains(c.getName().replaceAll("\\$.*", ""))
                    && !c.getPackageName().endsWith(".cli"));

    static final DescribedPredicate<JavaMethodCall> MAKES_A_DATE_STYLE = DescribedPredicate.describe(
            "make a date-time pattern or style of their own", call -> call.getTargetOwner().isEquivalentTo(
                    DateTimeFormatter.class) && (call.getName().equals("ofPattern")
                    || call.getName().startsWith("ofLocalized")));

    static final DescribedPredicate<JavaFieldAccess> USES_ISO = DescribedPredicate.describe(
            "use an ISO format", access -> access.getTargetOwner().isEquivalentTo(DateTimeFormatter.class)
                    && access.getName().startsWith("ISO"));

    @ArchTest
    static final ArchRule screensUseFormat = noClasses().that(NOT_A_FILE_WRITER)
            .should().callMethodWhere(MAKES_A_DATE_STYLE)
            .because("dates and times on screen have one style, from the console's locale: ui.Format");

    /** Month and day names, numbers and plurals on screen follow the console's locale (ui.Format), never English. */
    @ArchTest
    static final ArchRule screensUseTheUsersLocale = noClasses().that(NOT_A_FILE_WRITER)
            .should().accessField(Locale.class, "ENGLISH")
            .because("what people read follows their locale (ui.Format: Format.month, Format.day ...); "
                    + "only files and documents keep a fixed language");

    @ArchTest
    static final ArchRule screensShowNoIso = noClasses().that(NOT_A_FILE_WRITER)

            .and().resideOutsideOfPackages("..db..", "..audit..")
            .should().accessFieldWhere(USES_ISO)
            .because("ISO dates are for files (CSV, .ics), not for people");
}
