package io.pledgewatch.platform.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The schema migrations a service carries (Flyway's versioned SQL scripts under {@code db/migration}), and whether a
 * database already holds exactly them. {@link SchemaMigrations} asks this before it runs Flyway at start-up: with
 * nothing to migrate Flyway still costs a tenth of a second of a half-second start (README, Benchmark), where this
 * costs two small queries. The answer is conservative: whatever this class cannot read for certain (a script kind or a
 * history row it does not know, a class path it cannot list) means "not known to be current", and Flyway decides,
 * validation and error messages included, as it always did.
 */
public final class Migrations {

    /** Flyway's default location, the one every service uses. */
    public static final String LOCATION = "db/migration";

    /** What Flyway reads as a versioned SQL migration with the default prefix, separator and suffix. */
    private static final Pattern VERSIONED = Pattern.compile("V[0-9][0-9._]*__[^/]+\\.sql");

    private Migrations() {
    }

    /**
     * The versioned scripts directly under {@code location} on {@code loader}'s class path, by file name, each with
     * Flyway's checksum of it (what Flyway stores as {@code script} and {@code checksum} in its history). Empty when
     * they cannot be listed for certain: none found, a class-path entry that is neither a directory nor a jar, a
     * sub-directory or a file of another kind (Flyway would read those too, or refuse them).
     */
    public static Optional<Map<String, Integer>> bundled(ClassLoader loader, String location) {
        try {
            List<String> names = new ArrayList<>();
            Enumeration<URL> places = loader.getResources(location);
            while (places.hasMoreElements()) {
                if (!list(places.nextElement(), location, names)) {
                    return Optional.empty();
                }
            }
            Map<String, Integer> scripts = new TreeMap<>();
            for (String name : names) {
                if (!VERSIONED.matcher(name).matches() || scripts.containsKey(name)) {
                    return Optional.empty();
                }
                try (InputStream in = loader.getResourceAsStream(location + "/" + name)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    scripts.put(name, checksum(in));
                }
            }
            return scripts.isEmpty() ? Optional.empty() : Optional.of(scripts);
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Adds the file names under one class-path place to {@code names}; false when the place cannot be listed. */
    private static boolean list(URL place, String location, List<String> names) throws IOException, URISyntaxException {
        switch (place.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(place.toURI()))) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (!Files.isRegularFile(file)) {
                            return false;
                        }
                        names.add(file.getFileName().toString());
                    }
                }
                return true;
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) place.openConnection();
                // A jar of our own, closed here, not the class loader's shared one.
                connection.setUseCaches(false);
                String prefix = location + "/";
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String entry = entries.nextElement().getName();
                        if (!entry.startsWith(prefix) || entry.length() == prefix.length()) {
                            continue;
                        }
                        String name = entry.substring(prefix.length());
                        if (name.contains("/")) {
                            return false;
                        }
                        names.add(name);
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Flyway's checksum of a script (its {@code ChecksumCalculator}): CRC-32 over each line's UTF-8 bytes without the
     * line ending, a byte-order mark dropped, so it does not depend on line endings.
     */
    public static int checksum(InputStream script) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8), 4096);
        String line = lines.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        for (; line != null; line = lines.readLine()) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    /**
     * Whether the database behind {@code connection} holds exactly {@code scripts} (from {@code location}): Flyway's
     * history names each of them once, applied successfully with the same checksum, and nothing else (no failed,
     * baseline, repeatable or later migration). Then Flyway would neither migrate nor refuse; anything else is for
     * Flyway to handle.
     */
    public static boolean applied(Connection connection, String location, Map<String, Integer> scripts)
            throws SQLException {
        // Flyway names a script relative to its location; Quarkus' scanner hands it over with the location in front.
        String prefix = location + "/";
        Map<String, Integer> history = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            // Asked first, so that a new database's server log shows no error for the missing table.
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return false;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT script, checksum, type, success FROM flyway_schema_history")) {
                while (rs.next()) {
                    int checksum = rs.getInt(2);
                    boolean knownChecksum = !rs.wasNull();
                    String script = rs.getString(1);
                    if (script != null && script.startsWith(prefix)) {
                        script = script.substring(prefix.length());
                    }
                    if (!"SQL".equals(rs.getString(3)) || !rs.getBoolean(4) || !knownChecksum
                            || history.put(script, checksum) != null) {
                        return false;
                    }
                }
            }
        }
        return history.equals(scripts);
    }
}
