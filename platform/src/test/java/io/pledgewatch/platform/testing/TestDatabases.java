package io.pledgewatch.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
    /** Databases made on an external server, dropped when this JVM exits (the embedded server goes as a whole). */
    private static final List<String> created = new ArrayList<>();

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
                dropAtExit(external, user, password, name);
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

    /**
     * A benchmark or test run on the developer's own server would otherwise leave its databases behind (each
     * benchmark run made six, 25 MB and more each). FORCE: a service killed by a test may still hold a connection.
     */
    private static synchronized void dropAtExit(String server, String user, String password, String name) {
        if (created.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                List<String> names;
                synchronized (TestDatabases.class) {
                    names = List.copyOf(created);
                }
                try (Connection c = DriverManager.getConnection(server + "/postgres", user, password);
                     Statement s = c.createStatement()) {
                    for (String db : names) {
                        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                    }
                } catch (SQLException e) {
                    System.err.println("could not drop the test databases " + names + ": " + e.getMessage());
                }
            }));
        }
        created.add(name);
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
