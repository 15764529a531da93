package io.pledgewatch.report.compliance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pledgewatch.platform.http.ServiceApi;
import io.pledgewatch.platform.security.ServiceToken;
import io.pledgewatch.report.ReportConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * compliance-service as a briefing run sees it: bounded in time, retried briefly, behind a circuit breaker.
 * When it stays unavailable the fallback turns whatever went wrong into {@link ComplianceUnavailable}, which
 * the run records as its failure reason and retries later with back-off.
 */
@ApplicationScoped
public class ComplianceClient {

    private static final TypeReference<List<ComplianceData.Assessment>> ASSESSMENTS = new TypeReference<>() { };
    private static final TypeReference<ComplianceData.Alliance> ALLIANCE = new TypeReference<>() { };
    private static final TypeReference<List<ComplianceData.Plan>> PLANS = new TypeReference<>() { };
    private static final TypeReference<List<ComplianceData.RuleSet>> RULE_SETS = new TypeReference<>() { };

    @Inject
    ReportConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceToken token;

    private ServiceApi compliance;

    @PostConstruct
    void open() {
        compliance = new ServiceApi("compliance-service", config.compliance().url(),
                config.compliance().connectTimeout(), config.compliance().readTimeout(), json, token::authorization);
    }

    @PreDestroy
    void close() {
        compliance.close();
    }

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
        return compliance.get(ASSESSMENTS, "/api/v1/assessments", "country", country);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = ComplianceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailableAlliance")
    public ComplianceData.Alliance alliance(int year) {
        return compliance.get(ALLIANCE, "/api/v1/alliance/" + year);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = ComplianceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailableRuleSets")
    public List<ComplianceData.RuleSet> ruleSets() {
        return compliance.get(RULE_SETS, "/api/v1/rulesets");
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = ComplianceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailablePlans")
    public List<ComplianceData.Plan> plans() {
        return compliance.get(PLANS, "/api/v1/plans");
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
