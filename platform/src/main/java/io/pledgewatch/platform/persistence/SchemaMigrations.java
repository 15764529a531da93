package io.pledgewatch.platform.persistence;

import io.pledgewatch.platform.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Brings the service's database to the schema this build carries, at start-up, before anything reads it. This replaces
 * Quarkus' own start action (switched off for every service in platform's microprofile-config.properties: {@code
 * quarkus.flyway.active=false}) by the same Flyway migration behind one question: does the database already hold
 * exactly this build's migrations ({@link Migrations})? Then Flyway would do nothing, and its work is left out:
 * opening its own connections, reading the database's type and its schema history, resolving and validating the
 * scripts. That took 80-100 ms of each service's half-second start (README, Benchmark); the question takes two small
 * queries. Otherwise Flyway runs as before: it migrates, or refuses with its own message (a changed or failed
 * migration), under its PostgreSQL advisory lock, so replicas starting together still migrate once.
 */
@Singleton
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);

    /**
     * Before the scheduler's start observer (PLATFORM_BEFORE), so no scheduled job meets an old schema, and before
     * the HTTP server opens, which Quarkus does after the start-up event.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent start,
            PlatformConfig config, DataSource dataSource, Instance<Flyway> flyway) {
        PlatformConfig.Migrations migrations = config.migrations();
        if (!migrations.atStart()) {
            return;
        }
        if (migrations.skipWhenCurrent()) {
            Optional<Map<String, Integer>> scripts = Migrations.bundled(Thread.currentThread().getContextClassLoader(),
                    Migrations.LOCATION);
            if (scripts.isPresent() && current(dataSource, scripts.get())) {
                LOG.infof("Database schema is current (all %d migrations applied): nothing to migrate",
                        scripts.get().size());
                return;
            }
        }
        flyway.get().migrate();
    }

    private static boolean current(DataSource dataSource, Map<String, Integer> scripts) {
        try (Connection c = dataSource.getConnection()) {
            return Migrations.applied(c, Migrations.LOCATION, scripts);
        } catch (SQLException e) {
            // Flyway will meet the same trouble and report it in its own words.
            LOG.debugf(e, "Could not read the schema history; Flyway decides");
            return false;
        }
    }
}
