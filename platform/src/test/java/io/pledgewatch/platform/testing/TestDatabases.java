package io.pledgewatch.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for tests. By default on an embedded server (io.zonky, binaries from Maven Central)
 * started once per JVM, so a fresh machine needs no database installed; with PW_TEST_PG_URL set (e.g.
 * {@code jdbc:postgresql://localhost:5432}, with PW_TEST_PG_USER and PW_TEST_PG_PASSWORD) on that server instead.
 */
public final class TestDatabases {

    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** One database: its JDBC URL and credentials, as Quarkus properties. */
    public record Database(String url, String user, String password) {

        public Map<String, String> config() {
            return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", user,
                    "quarkus.datasource.password", password);
        }

        /** The same as "key=value" system properties for a service process. */
        public List<String> properties() {
            return config().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        }
    }

    /** Creates an empty database named {@code prefix} plus a random suffix. */
    public static Database create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getenv("PW_TEST_PG_URL");
        try {
            if (external != null && !external.isBlank()) {
                String user = System.getenv().getOrDefault("PW_TEST_PG_USER", "postgres");
                String password = System.getenv().getOrDefault("PW_TEST_PG_PASSWORD", "postgres");
                try (Connection c = DriverManager.getConnection(external + "/postgres", user, password);
                     Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
                return new Database(external + "/" + name, user, password);
            }
            EmbeddedPostgres server = embedded();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return new Database("jdbc:postgresql://localhost:" + server.getPort() + "/" + name, "postgres", "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return embedded;
    }
}
