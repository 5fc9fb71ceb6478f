package dev.stagedesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The package order of docs/ARCHITECTURE.md: the base knows no feature, and features use each other in one
 * direction only (a later package may use an earlier one, never the other way). A call the other way goes through
 * a small interface owned by the lower package and wired in {@code app.AppContext}.
 */
@AnalyzeClasses(packages = "dev.stagedesk", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageOrderTest {
    /** The base, lowest first: the shared mechanics every feature uses. */
    static final List<String> BASE = List.of("common", "money", "db", "numbering", "security", "audit", "command",
            "csv", "document", "ui");

    /** The features, lowest first: each may use the base and the features before it. */
    static final List<String> FEATURES = List.of("search", "notification", "attachment", "backup", "client", "venue",
            "catalogue", "performer", "settings", "payment", "invoice", "booking", "inquiry", "map", "calendar",
            "payout", "expense", "report", "dashboard", "schedule", "demo", "sync", "cli", "app");

    static List<String> order() {
        List<String> all = new ArrayList<>(BASE);
        all.addAll(FEATURES);
        return all;
    }

    static String[] packages(List<String> names) {
        return names.stream().map(n -> "dev.stagedesk." + n + "..").toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.stagedesk.(*)..")
            .should().beFreeOfCycles()
            .because("features depend on each other in one direction (db.jooq, generated, lies inside db)");

    @ArchTest
    static final ArchRule baseKnowsNoFeature = noClasses()
            .that().resideInAnyPackage(packages(BASE))
            .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
            .because("the base is what every feature builds on; a feature offers itself to it through an "
                    + "interface the base owns (command.SearchWords), wired in app.AppContext");

    @ArchTest
    static final ArchRule packagesFollowTheOrder = inOrder();

    /** Each package may be used only by the packages after it in {@link #order()}. */
    static ArchRule inOrder() {
        List<String> all = order();
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String p : all) {
            layers = layers.layer(p).definedBy("dev.stagedesk." + p + "..");
        }
        for (int i = 0; i < all.size(); i++) {
            List<String> above = all.subList(i + 1, all.size());
            layers = above.isEmpty() ? layers.whereLayer(all.get(i)).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(all.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        return layers.because("docs/ARCHITECTURE.md: a later package may use an earlier one, never the other way");
    }
}
