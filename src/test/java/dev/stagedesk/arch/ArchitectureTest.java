package dev.stagedesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.stagedesk.schedule.DueRulesService;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.TransactionalRunnable;

/** The layer rules of docs/ARCHITECTURE.md, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.stagedesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule logicHasNoGui = noClasses()
            .that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
            .or().haveSimpleNameEndingWith("Query").or().haveSimpleNameEndingWith("Csv")
            .or().resideInAnyPackage("..command..", "..db..", "..money..", "..common..", "..audit..", "..security..",
                    "..csv..", "..demo..", "..cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
            .because("services, repositories and queries run in the CLI and the sync server too");

    @ArchTest
    static final ArchRule viewModelsHaveNoScene = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("view models are tested without a toolkit");

    @ArchTest
    static final ArchRule viewsDoNotTouchTables = noClasses()
            .that(DescribedPredicate.describe("are views or UI code (not the composition root)",
                    c -> (c.getPackageName().endsWith(".ui") || c.getPackageName().endsWith(".app"))
                            && !c.getSimpleName().equals("AppContext")))
            .or().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Screen")
            .or().haveSimpleNameEndingWith("Pane").or().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("dev.stagedesk.db.jooq..", "org.jooq..")
            .because("views read through queries and write through services");

    @ArchTest
    static final ArchRule onlyTheBusOpensWriteTransactions = noClasses()
            .that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Screen")
            .or().haveSimpleNameEndingWith("ViewModel")
            // the word index writes inside the command's transaction (command.SearchWords); its rebuild at open,
            // derived data committed in chunks, is SearchRebuild
            .or().haveSimpleName("SearchIndex").or().haveSimpleName("RecordTable").or().haveSimpleName("SearchWords")
            .should().callMethod(DSLContext.class, "transaction", TransactionalRunnable.class)
            .orShould().callMethod(DSLContext.class, "transactionResult", TransactionalCallable.class)
            .because("every write is a command: one transaction with its audit entry, on the bus");

    @ArchTest
    static final ArchRule noSystemOutOutsideTheCli = noClasses()
            .that().resideOutsideOfPackages("..cli..", "..app..")
            .should().accessField(System.class, "out")
            .because("logging goes through SLF4J; only the command line prints");

    /** The business rules that run on their own, as their services offer them to the schedule. */
    static final Set<String> DUE_RULES = Set.of("BookingService.processDueHolds",
            "InquiryService.raiseDueFollowUps", "NotificationService.raiseDue", "ExpenseService.generateDue",
            "PaymentService.raiseOverdue");

    @ArchTest
    static final ArchRule onlyTheScheduleRunsTheDueRules = noClasses()
            .that().resideOutsideOfPackage("dev.stagedesk.schedule..")
            // adding a recurring expense writes its months already due, in the user's own command
            .and().doNotHaveSimpleName("ExpensesScreen")
            .should().callMethodWhere(DescribedPredicate.describe("a due rule",
                    call -> DUE_RULES.contains(call.getTarget().getOwner().getSimpleName() + "."
                            + call.getTarget().getName())))
            .because("the console's timer, the due command and the endpoint run them through DueRulesService, "
                    + "each rule isolated, on the agency's date");

    @ArchTest
    static final ArchRule theConsolesTimerRunsTheDueRules = classes()
            .that().haveSimpleName("StagedeskApp")
            .should().callMethod(DueRulesService.class, "runDue")
            .because("the console runs the rules every minute; the rules themselves live in the core");
}
