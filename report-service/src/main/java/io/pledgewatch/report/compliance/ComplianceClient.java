package io.pledgewatch.report.compliance;

import io.pledgewatch.platform.security.ServiceToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * compliance-service as a briefing run sees it: bounded in time, retried briefly, behind a circuit breaker.
 * When it stays unavailable the fallback turns whatever went wrong into {@link ComplianceUnavailable}, which
 * the run records as its failure reason and retries later with back-off.
 */
@ApplicationScoped
public class ComplianceClient {

    @Inject
    @RestClient
    ComplianceApi api;

    @Inject
    ServiceToken token;

    /** Why a briefing could not get its data. */
    public static class ComplianceUnavailable extends RuntimeException {
        public ComplianceUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = ComplianceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailableAssessments")
    public List<ComplianceData.Assessment> assessments(String country) {
        return api.assessments(country, token.authorization());
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = ComplianceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailableAlliance")
    public ComplianceData.Alliance alliance(int year) {
        return api.alliance(year, token.authorization());
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = ComplianceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailableRuleSets")
    public List<ComplianceData.RuleSet> ruleSets() {
        return api.ruleSets(token.authorization());
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = ComplianceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailablePlans")
    public List<ComplianceData.Plan> plans() {
        return api.plans(token.authorization());
    }

    List<ComplianceData.Plan> unavailablePlans(Throwable cause) {
        throw unavailable(cause);
    }

    List<ComplianceData.Assessment> unavailableAssessments(String country, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Alliance unavailableAlliance(int year, Throwable cause) {
        throw unavailable(cause);
    }

    List<ComplianceData.RuleSet> unavailableRuleSets(Throwable cause) {
        throw unavailable(cause);
    }

    private static ComplianceUnavailable unavailable(Throwable cause) {
        String why = cause instanceof CircuitBreakerOpenException ? "circuit open after repeated failures"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
        return new ComplianceUnavailable("compliance-service unavailable (" + why + ")", cause);
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse(s);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
