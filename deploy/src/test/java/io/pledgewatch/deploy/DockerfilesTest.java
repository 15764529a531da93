package io.pledgewatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The container files' essentials, checked without a Docker engine (none runs on the development machines). */
class DockerfilesTest {

    static final Path ROOT = RenderedManifestsTest.ROOT;
    static final Map<String, String> PORTS = Map.of("ingest-service", "8081", "compliance-service", "8082",
            "report-service", "8083");
    static final List<String> BUILD_TOOLS = List.of("mvn", "gcc", "native-image", "javac", "microdnf install -y gcc");
    static final List<String> PACKAGE_TOOLS = List.of("microdnf", "dnf ", "yum ", "apt", "curl ", "wget ");

    static String read(String service, String file) throws IOException {
        return Files.readString(ROOT.resolve(service + "/src/main/docker/" + file));
    }

    /** The last stage: what actually ships. */
    static String runtimeStage(String dockerfile) {
        String[] stages = dockerfile.split("(?m)^FROM ");
        return "FROM " + stages[stages.length - 1];
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "compliance-service", "report-service"})
    void nativeImagesAreBuiltInOneStageAndRunMinimalAndNonRoot(String service) throws IOException {
        String file = read(service, "Dockerfile.native");
        assertTrue(file.contains("mandrel"), "built with Mandrel");
        assertTrue(file.split("(?m)^FROM ").length - 1 >= 2, "multi-stage");
        String runtime = runtimeStage(file);
        assertTrue(runtime.contains("ubi-minimal"), "ubi-minimal runtime (AWT needs more than micro/distroless)");
        assertTrue(runtime.matches("(?s).*\\nUSER (1001|[a-z]+)\\s.*"), "runs as a non-root user");
        assertFalse(runtime.contains("USER root") || runtime.contains("USER 0"), "never root at run time");
        assertTrue(runtime.contains("EXPOSE " + PORTS.get(service)), "exposes the service's port");
        for (String tool : BUILD_TOOLS) {
            assertFalse(Arrays.stream(runtime.split("\n")).filter(l -> l.startsWith("RUN"))
                    .anyMatch(l -> l.contains(tool)), "no build tools in the runtime stage: " + tool);
        }
        if (service.equals("report-service")) {
            assertTrue(runtime.contains("freetype") && runtime.contains("fontconfig"), "OpenPDF's AWT needs both");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "compliance-service", "report-service"})
    void jvmImagesRunTheProductionBuildAsNonRoot(String service) throws IOException {
        String file = read(service, "Dockerfile.jvm");
        assertTrue(file.contains("target/quarkus-app/"), "the one build, the same the launcher and the tests run");
        assertTrue(file.contains("ARG BASE_IMAGE=registry.access.redhat.com/ubi9/openjdk-25-runtime"),
                "the UBI OpenJDK runtime stays the documented default base");
        assertTrue(file.contains("FROM ${BASE_IMAGE}"), "the base is a build argument (a local stand-in where UBI cannot be pulled)");
        assertTrue(file.contains("USER 185"), "non-root");
        assertTrue(file.contains("EXPOSE " + PORTS.get(service)));
        // A RUN instruction with its continuation lines.
        List<String> runs = Pattern.compile("(?m)^RUN (?:.*\\\\\n)*.*$").matcher(file).results()
                .map(MatchResult::group).toList();
        assertEquals(1, runs.size(), "one RUN: the AOT cache's training, nothing built or installed");
        String training = runs.get(0);
        for (String tool : Stream.concat(BUILD_TOOLS.stream(), PACKAGE_TOOLS.stream()).toList()) {
            assertFalse(training.contains(tool), "nothing built, fetched or installed in the JVM image: " + tool);
        }
        assertTrue(training.contains("JDK_JAVA_OPTIONS=\"-XX:AOTCacheOutput=/deployments/app.aot\"")
                && training.contains("/opt/jboss/container/java/run/run-java.sh"),
                "the cache is trained by the image's own JVM, started as the image starts it");
        assertTrue(training.contains("jdbc:postgresql://127.0.0.1:1/"), "training reaches no database: loopback, refused");
        assertTrue(training.contains("test -s /deployments/app.aot"), "the build fails when no cache was written");
        assertTrue(file.contains("ENV JDK_JAVA_OPTIONS=\"-XX:AOTCache=/deployments/app.aot\""),
                "every start maps the cache, whatever JAVA_OPTS_APPEND a deployment sets");
    }
}
