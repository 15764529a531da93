package io.pledgewatch.report;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.pledgewatch.platform.testing.EachPackage;
import org.junit.jupiter.api.Test;

/**
 * Which way report-service's packages depend, held by the build. A briefing is gathered ({@code figures}, from
 * {@code compliance}), drawn ({@code pdf}) and tabulated ({@code export}) by code that knows nothing of briefings'
 * lifecycle; {@code briefing} orchestrates them and tells what became of a run by events; {@code mail} listens to
 * those, and {@code schedule} and {@code web} start briefings. The root package (settings, the lease queue) depends on
 * no other. Production classes only: the tests may reach across.
 */
class PackageDirectionTest {

    static final String ROOT = "io.pledgewatch.report";

    static final JavaClasses REPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(ROOT);

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().assignedFrom(EachPackage.of(ROOT)).should().beFreeOfCycles().check(REPORT);
    }

    @Test
    void briefingsAreDrawnByCodeThatKnowsNothingOfThemAndReachPeopleThroughEvents() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("root").definedBy(ROOT)
                .layer("compliance").definedBy(ROOT + ".compliance..")
                .layer("figures").definedBy(ROOT + ".figures..")
                .layer("pdf").definedBy(ROOT + ".pdf..")
                .layer("export").definedBy(ROOT + ".export..")
                .layer("briefing").definedBy(ROOT + ".briefing..")
                .layer("mail").definedBy(ROOT + ".mail..")
                .layer("schedule").definedBy(ROOT + ".schedule..")
                .layer("web").definedBy(ROOT + ".web..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("schedule").mayNotBeAccessedByAnyLayer()
                .whereLayer("mail").mayNotBeAccessedByAnyLayer()
                .whereLayer("briefing").mayOnlyBeAccessedByLayers("mail", "schedule", "web")
                .whereLayer("pdf").mayOnlyBeAccessedByLayers("briefing")
                .whereLayer("export").mayOnlyBeAccessedByLayers("briefing")
                .whereLayer("figures").mayOnlyBeAccessedByLayers("pdf", "export", "briefing")
                .whereLayer("compliance").mayOnlyBeAccessedByLayers("figures", "pdf", "export", "briefing", "web")
                .check(REPORT);
    }
}
