package io.pledgewatch.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.platform.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a database holds exactly a build's migrations, judged against what real Flyway wrote into a real
 * PostgreSQL: the question SchemaMigrations asks before it leaves Flyway out at start-up.
 */
class MigrationsTest {

    @TempDir
    Path dir;

    /** Two scripts as a service carries them; one with Windows line endings and a byte-order mark. */
    private Path scripts() throws IOException {
        Path location = Files.createDirectories(dir.resolve("classes/db/migration"));
        Files.writeString(location.resolve("V1__ledger.sql"),
                "\uFEFFCREATE TABLE ledger (id bigint PRIMARY KEY,\r\n  note text);\r\n");
        Files.writeString(location.resolve("V2__ledger_amount.sql"), "ALTER TABLE ledger ADD COLUMN amount numeric;\n");
        return location;
    }

    private Map<String, Integer> bundled(Path classes) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            return Migrations.bundled(loader, Migrations.LOCATION).orElseThrow();
        }
    }

    private static Flyway flyway(TestDatabases.Database db, Path location) {
        return Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + location).load();
    }

    private static boolean applied(TestDatabases.Database db, Map<String, Integer> scripts) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            return Migrations.applied(c, Migrations.LOCATION, scripts);
        }
    }

    @Test
    void aDatabaseFlywayMigratedHoldsExactlyTheBuildsScriptsWithFlywaysOwnChecksums() throws Exception {
        Path location = scripts();
        TestDatabases.Database db = TestDatabases.create("migrations");
        Map<String, Integer> scripts = bundled(dir.resolve("classes"));

        assertFalse(applied(db, scripts), "a new database has no history");
        assertEquals(2, flyway(db, location).migrate().migrationsExecuted);
        Map<String, Integer> written = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT script, checksum FROM flyway_schema_history")) {
            while (rs.next()) {
                written.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertEquals(written, scripts);
        assertTrue(applied(db, scripts));

        // How Quarkus' Flyway records the same scripts: with their location in front.
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET script = 'db/migration/' || script");
        }
        assertTrue(applied(db, scripts));
    }

    @Test
    void aNewChangedFailedOrForeignMigrationIsLeftToFlyway() throws Exception {
        Path location = scripts();
        TestDatabases.Database db = TestDatabases.create("migrations");
        flyway(db, location).migrate();
        Map<String, Integer> scripts = bundled(dir.resolve("classes"));
        assertTrue(applied(db, scripts));

        Map<String, Integer> newer = new TreeMap<>(scripts);
        newer.put("V3__ledger_index.sql", 42);
        assertFalse(applied(db, newer), "the build carries a migration the database lacks");

        Map<String, Integer> changed = new TreeMap<>(scripts);
        changed.put("V2__ledger_amount.sql", scripts.get("V2__ledger_amount.sql") + 1);
        assertFalse(applied(db, changed), "an applied script was changed since");

        Map<String, Integer> older = new TreeMap<>(scripts);
        older.remove("V2__ledger_amount.sql");
        assertFalse(applied(db, older), "the database is ahead of the build");

        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET success = false WHERE script = 'V2__ledger_amount.sql'");
        }
        assertFalse(applied(db, scripts), "a failed migration is for Flyway to report");
    }

    @Test
    void aJarListsTheSameScriptsAsADirectory() throws Exception {
        Path location = scripts();
        Path jar = dir.resolve("service.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("db/"));
            zip.putNextEntry(new JarEntry("db/migration/"));
            try (var files = Files.list(location)) {
                for (Path f : files.sorted().toList()) {
                    zip.putNextEntry(new JarEntry("db/migration/" + f.getFileName()));
                    zip.write(Files.readAllBytes(f));
                }
            }
            zip.putNextEntry(new JarEntry("io/example/Other.class"));
        }
        assertEquals(bundled(dir.resolve("classes")), bundled(jar));
    }

    @Test
    void whatCannotBeListedForCertainIsNotKnownToBeCurrent() throws Exception {
        Path location = scripts();
        Path classes = dir.resolve("classes");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertTrue(Migrations.bundled(loader, Migrations.LOCATION).isPresent());
            assertEquals(Optional.empty(), Migrations.bundled(loader, "db/nothing-here"));

            Files.writeString(location.resolve("R__ledger_view.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
            assertEquals(Optional.empty(), Migrations.bundled(loader, Migrations.LOCATION), "a repeatable migration");
            Files.delete(location.resolve("R__ledger_view.sql"));

            Files.createDirectories(location.resolve("later"));
            assertEquals(Optional.empty(), Migrations.bundled(loader, Migrations.LOCATION), "a sub-directory");
        }
    }

    @Test
    void theChecksumIgnoresLineEndingsAndAByteOrderMark() throws IOException {
        int plain = checksum("CREATE TABLE t (id int);\nSELECT 1;\n");
        assertEquals(plain, checksum("CREATE TABLE t (id int);\r\nSELECT 1;\r\n"));
        assertEquals(plain, checksum("\uFEFFCREATE TABLE t (id int);\nSELECT 1;"));
        assertFalse(plain == checksum("CREATE TABLE t (id bigint);\nSELECT 1;\n"));
    }

    private static int checksum(String script) throws IOException {
        return Migrations.checksum(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
    }
}
