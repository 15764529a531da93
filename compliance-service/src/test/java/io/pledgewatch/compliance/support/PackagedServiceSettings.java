package io.pledgewatch.compliance.support;

import io.pledgewatch.platform.testing.FreePorts;
import io.pledgewatch.platform.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * What the packaged service needs in a test besides its database, as the tests give it to every service process: trust
 * the test key, carry the test service token, log in plain text. Its ingest URL is a port where nothing listens: the
 * service must start and serve without ingest.
 */
public class PackagedServiceSettings implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = new HashMap<>();
        try {
            ServiceProcess.trustingTestTokens(Files.createTempDirectory("pledgewatch-compliance-it-")).forEach(p -> {
                int eq = p.indexOf('=');
                settings.put(p.substring(0, eq), p.substring(eq + 1));
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        settings.put("pledgewatch.ingest.url", "http://localhost:" + FreePorts.next());
        return settings;
    }

    @Override
    public void stop() {
        // Nothing runs: the settings are files in a temporary directory.
    }
}
