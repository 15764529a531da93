package io.pledgewatch.platform;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Which way platform's packages depend on each other. At the bottom the root (the shared configuration and digests),
 * then {@code problem} (the refusals), then {@code security} (callers and tokens); {@code http} (request guards,
 * strict JSON), {@code client} (the service token on outgoing calls) and {@code persistence} are leaves that only
 * the services use. Only {@code ProblemMapper} speaks HTTP among the root and {@code problem}: rules in plain classes
 * throw problems without knowing how they become responses.
 */
class PackageDirectionTest {

    static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.pledgewatch.platform");

    @Test
    void noPackagesDependOnEachOtherInACircleTheRootIncluded() {
        // (**) captures the whole package name after io.pledgewatch: the root is the slice "platform", each
        // sub-package (nested ones too) a slice of its own.
        slices().matching("io.pledgewatch.(**)").should().beFreeOfCycles().check(PLATFORM);
    }

    @Test
    void eachPackageDependsOnlyOnThePackagesBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("root").definedBy("io.pledgewatch.platform")
                .layer("problem").definedBy("io.pledgewatch.platform.problem..")
                .layer("security").definedBy("io.pledgewatch.platform.security..")
                .layer("http").definedBy("io.pledgewatch.platform.http..")
                .layer("client").definedBy("io.pledgewatch.platform.client..")
                .layer("persistence").definedBy("io.pledgewatch.platform.persistence..")
                .whereLayer("http").mayNotBeAccessedByAnyLayer()
                .whereLayer("client").mayNotBeAccessedByAnyLayer()
                .whereLayer("persistence").mayNotBeAccessedByAnyLayer()
                .whereLayer("security").mayOnlyBeAccessedByLayers("client")
                .whereLayer("problem").mayOnlyBeAccessedByLayers("security", "http")
                .whereLayer("root").mayOnlyBeAccessedByLayers("problem", "security", "http")
                .ensureAllClassesAreContainedInArchitecture()
                .check(PLATFORM);
    }

    @Test
    void theRootAndTheProblemsKnowNothingOfHttpButForTheOneMapper() {
        noClasses().that(resideInAPackage("io.pledgewatch.platform")
                        .or(resideInAPackage("io.pledgewatch.platform.problem").and(not(simpleName("ProblemMapper")))))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..")
                .because("a rule in a plain class throws a ProblemException; ProblemMapper alone turns it into a response")
                .check(PLATFORM);
    }
}
