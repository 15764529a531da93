package io.pledgewatch.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * Starts the embedded default's PostgreSQL server and leaves it running for the services: the server binaries
 * come from Maven Central (io.zonky), the cluster lives in {@code <data>/postgres} and survives restarts, and it
 * listens on loopback only. Creates each named database that does not exist yet. {@code ./pledgewatch down}
 * stops the server through its postmaster.pid.
 *
 * <p>Usage: {@code LocalPostgres <data-dir> <port> <database>...}
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalPostgres <data-dir> <port> <database>...");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path cluster = Files.createDirectories(data.resolve("postgres"));
        Path binaries = Files.createDirectories(data.resolve("postgres-binaries"));
        File log = data.resolve("logs").resolve("postgres.log").toFile();
        Files.createDirectories(log.toPath().getParent());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // the server outlives this program; 'down' stops it
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // The embedded library tunes for throwaway test databases (fsync and synchronous commit off);
                // this cluster holds the user's data, so a committed write must survive a crash of the machine.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            for (int i = 2; i < args.length; i++) {
                createIfMissing(c, args[i]);
            }
        }
        System.out.println(port);
    }

    private static void createIfMissing(Connection c, String database) throws Exception {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + database);
        }
    }
}
