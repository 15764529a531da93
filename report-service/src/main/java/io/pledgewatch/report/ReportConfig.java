package io.pledgewatch.report;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** report-service's own settings (what every service shares is in PlatformConfig); defaults in application.properties. */
@ConfigMapping(prefix = "pledgewatch")
public interface ReportConfig {

    Briefing briefing();

    Compliance compliance();

    Ingest ingest();

    Web web();

    Mail mail();

    /** Briefings by e-mail: the scheduled Alliance briefing to subscribers, failure alerts to the operators. */
    interface Mail {
        /** {@code smtp} (quarkus-mailer, QUARKUS_MAILER_*) or {@code file} (messages written under {@link #fileDir()}). */
        String transport();

        /** Where the file transport writes messages (.eml). */
        String fileDir();

        String from();

        /** A PDF larger than this is linked rather than attached. */
        long attachMaxBytes();

        /** The public base URL of this service, for links in messages (PLEDGEWATCH_MAIL_LINK_BASE). */
        String linkBase();

        /** The operators' address for failure alerts (PLEDGEWATCH_MAIL_OPERATORS); none: no alert message. */
        Optional<String> operators();

        /** Attempts before a message is given up. */
        int maxAttempts();

        /** The wait after the first failed send, doubled after each further one (capped at an hour). */
        Duration retryBackoff();

        /** How often due and abandoned messages are looked for. */
        Duration retryPoll();

        /** How long one SMTP conversation may take before the send counts as failed (and is retried). */
        Duration sendTimeout();

        /** How long a replica may hold a message before another may take it over. */
        Duration lease();
    }

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
        /**
         * compliance-service's base URL (PLEDGEWATCH_COMPLIANCE_URL), the name the launcher, deploy/ and the tests set;
         * the REST client reads it as quarkus.rest-client.compliance.url.
         */
        String url();
    }

    interface Ingest {
        /** ingest-service's base URL (PLEDGEWATCH_INGEST_URL), for the console's calls made as the signed-in person. */
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

            /** The delegations' development password: with it, a sign-in as any one nation's delegation. */
            Optional<String> delegationPasswordFile();

            /** The development key that signs the session token. */
            Optional<String> signingKey();
        }

        /** Staff sign-in through the organisation's OIDC provider. */
        interface Oidc {
            boolean enabled();
        }
    }
}
