package io.pledgewatch.report;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** report-service's own settings (what every service shares is in PlatformConfig); defaults in application.properties. */
@ConfigMapping(prefix = "pledgewatch")
public interface ReportConfig {

    Briefing briefing();

    Compliance compliance();

    Web web();

    interface Briefing {
        /** Quartz cron, UTC (PLEDGEWATCH_BRIEFING_CRON). */
        String cron();

        /** Whether this replica takes part in the schedule (commissioned briefings run regardless). */
        boolean scheduleEnabled();

        /** Whether a period missed while no replica ran is produced once at start-up. */
        boolean catchUp();

        /** How many READY briefings are kept; older ones and their PDFs are deleted. */
        int retention();

        /** Attempts before a failed run is given up. */
        int maxAttempts();

        /** The wait after the first failed attempt, doubled after each further one (capped at an hour). */
        Duration retryBackoff();

        /** How often due retries and abandoned runs are looked for. */
        Duration retryPoll();

        /** How long a run may hold a briefing before another replica may take it over. */
        Duration lease();
    }

    interface Compliance {
        /** compliance-service's base URL (PLEDGEWATCH_COMPLIANCE_URL); read through quarkus.rest-client.compliance.url. */
        String url();
    }

    interface Web {
        /** Session cookies only over HTTPS (on in production). */
        boolean cookieSecure();

        DevLogin devLogin();

        Oidc oidc();

        /** The embedded default's password login; never enabled in production. */
        interface DevLogin {
            boolean enabled();

            Optional<String> passwordFile();

            /** The development key that signs the session token. */
            Optional<String> signingKey();
        }

        /** Staff sign-in through the organisation's OIDC provider. */
        interface Oidc {
            boolean enabled();
        }
    }
}
