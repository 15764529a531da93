package io.pledgewatch.ingest;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.pledgewatch.platform.testing.EachPackage;
import org.junit.jupiter.api.Test;

/**
 * Which way ingest's packages depend (docs/architecture.md, "Modules and packages"): the feed and the imports use the
 * submissions; the submissions use their constraints and the service's configuration; nothing points back.
 */
class PackageDirectionTest {

    private static final JavaClasses INGEST = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pledgewatch.ingest");

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().assignedFrom(EachPackage.of("io.pledgewatch.ingest")).should().beFreeOfCycles().check(INGEST);
    }

    @Test
    void theFeedAndTheImportsUseTheSubmissionsAndNothingPointsBack() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("feed").definedBy("io.pledgewatch.ingest.feed..")
                .layer("imports").definedBy("io.pledgewatch.ingest.imports..")
                .layer("submission").definedBy("io.pledgewatch.ingest.submission")
                .layer("constraints").definedBy("io.pledgewatch.ingest.submission.constraints..")
                .layer("configuration").definedBy("io.pledgewatch.ingest")
                .whereLayer("feed").mayNotBeAccessedByAnyLayer()
                .whereLayer("imports").mayNotBeAccessedByAnyLayer()
                .whereLayer("submission").mayOnlyBeAccessedByLayers("feed", "imports")
                .whereLayer("constraints").mayNotAccessAnyLayer()
                .whereLayer("configuration").mayNotAccessAnyLayer()
                .ensureAllClassesAreContainedInArchitecture()
                .because("a revision is written (and numbered for the feed) by the submissions; the feed only reads"
                        + " what was written, and the constraints check values without knowing the payloads")
                .check(INGEST);
    }
}
