package io.pledgewatch.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.pledgewatch.platform.testing.EachPackage;
import org.junit.jupiter.api.Test;

/**
 * Which way compliance-service's packages depend (docs/architecture.md, Modules and packages): the rule sets know
 * nothing of assessments; assessments are scored with rule sets; the follower feeds assessments; plans read
 * assessments and have a plan's rows read by ingest's import through the follower's ingest client; the Alliance reads assessments and plans. The configuration in the root package depends on none of
 * them, and any of them may read it.
 */
class PackageDirectionTest {

    static final String ROOT = "io.pledgewatch.compliance";

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        slices().assignedFrom(EachPackage.of(ROOT)).should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void packagesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("configuration").definedBy(ROOT)
                .layer("ruleset").definedBy(ROOT + ".ruleset..")
                .layer("assessment").definedBy(ROOT + ".assessment..")
                .layer("follower").definedBy(ROOT + ".follower..")
                .layer("plan").definedBy(ROOT + ".plan..")
                .layer("alliance").definedBy(ROOT + ".alliance..")
                .whereLayer("alliance").mayNotBeAccessedByAnyLayer()
                .whereLayer("follower").mayOnlyBeAccessedByLayers("plan")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("alliance")
                .whereLayer("assessment").mayOnlyBeAccessedByLayers("follower", "plan", "alliance")
                .whereLayer("ruleset").mayOnlyBeAccessedByLayers("assessment", "follower", "plan", "alliance")
                .check(PRODUCTION);
    }

    @Test
    void everyPackageHasItsPlaceInTheDirection() {
        // A package the rule above does not name would escape it: give a new one its place there.
        classes().should().resideInAnyPackage(ROOT, ROOT + ".ruleset..", ROOT + ".assessment..", ROOT + ".follower..",
                ROOT + ".plan..", ROOT + ".alliance..").check(PRODUCTION);
    }
}
