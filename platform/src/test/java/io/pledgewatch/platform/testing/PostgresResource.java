package io.pledgewatch.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A fresh PostgreSQL database for the service under test (see {@link TestDatabases} for where it lives). */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestDatabases.create("test").config();
    }

    @Override
    public void stop() {
        // The server lives for the JVM (shared by every test class); its hook stops it.
    }
}
