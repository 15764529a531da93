package io.pledgewatch.ingest.support;

import io.pledgewatch.platform.testing.ServiceProcess;
import io.pledgewatch.platform.testing.TestDatabases;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the packaged service needs from its test, handed to it as the system properties it starts with: a fresh
 * PostgreSQL database (platform's {@link TestDatabases}, the embedded server unless PW_TEST_PG_URL names one) and
 * trust in the test tokens, the same settings other modules' tests start it with ({@link ServiceProcess}).
 */
public class PackagedServiceResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestDatabases.create("packaged").config());
        for (String property : ServiceProcess.trustingTestTokens(Path.of("target", "packaged-service"))) {
            int eq = property.indexOf('=');
            config.put(property.substring(0, eq), property.substring(eq + 1));
        }
        return config;
    }

    @Override
    public void stop() {
        // The database server lives for the JVM; its shutdown hook stops it.
    }
}
