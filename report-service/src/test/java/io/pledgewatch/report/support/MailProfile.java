package io.pledgewatch.report.support;

import io.pledgewatch.platform.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * report-service with a real SMTP server and the real compliance-service. The schedule's cron is off: tests claim
 * scheduled periods themselves, through the same call a firing makes. Retries are quick, and a run has two attempts.
 */
public class MailProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(UpstreamServices.class),
                new TestResourceEntry(SmtpServer.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("pledgewatch.briefing.schedule-enabled", "false",
                "pledgewatch.briefing.max-attempts", "2",
                "pledgewatch.briefing.retry-backoff", "PT1S",
                "pledgewatch.briefing.retry-poll", "1s",
                "pledgewatch.mail.retry-backoff", "PT1S",
                "pledgewatch.mail.retry-poll", "1s",
                "pledgewatch.mail.operators", "operators@nato.example",
                "pledgewatch.mail.link-base", "https://pledgewatch.example");
    }
}
