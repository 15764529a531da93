package io.pledgewatch.report.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for the tests. By default an embedded server (io.zonky) started once per JVM, so a fresh
 * machine needs no database; with PW_TEST_PG_URL set (CI pointing at a local server) a fresh database is
 * created there instead.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres embedded;

    @Override
    public synchronized Map<String, String> start() {
        String external = System.getenv("PW_TEST_PG_URL");
        String database = "report_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            if (external != null && !external.isBlank()) {
                String user = System.getenv().getOrDefault("PW_TEST_PG_USER", "postgres");
                String password = System.getenv().getOrDefault("PW_TEST_PG_PASSWORD", "");
                try (Connection c = java.sql.DriverManager.getConnection(external + "/postgres", user, password);
                     Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
                return config(external + "/" + database, user, password);
            }
            if (embedded == null) {
                embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            try (Connection c = embedded.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            return config("jdbc:postgresql://localhost:" + embedded.getPort() + "/" + database, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
    }

    private static Map<String, String> config(String url, String user, String password) {
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        // The embedded server lives for the JVM (shared by every test class); its hook stops it.
    }
}
