package io.pledgewatch.report.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * compliance-service as a briefing run sees it: each call bounded in time, retried briefly, behind a circuit breaker
 * (tuned in application.properties, {@code quarkus.fault-tolerance."io.pledgewatch.report.compliance.ComplianceClient"}).
 * When compliance stays unavailable there is nothing to draw a briefing from: the fallback turns whatever went wrong
 * into {@link ComplianceUnavailable}, which the run records as its failure reason and retries later with back-off.
 */
@ApplicationScoped
@Timeout
@Retry(abortOn = ComplianceClient.ComplianceUnavailable.class)
@CircuitBreaker
public class ComplianceClient {

    @Inject
    @RestClient
    ComplianceApi compliance;

    /** Why a briefing could not get its data. */
    public static class ComplianceUnavailable extends RuntimeException {
        public ComplianceUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Fallback(fallbackMethod = "unavailableAssessments")
    public List<ComplianceData.Assessment> assessments(String country) {
        return compliance.assessments(country);
    }

    @Fallback(fallbackMethod = "unavailableAlliance")
    public ComplianceData.Alliance alliance(int year) {
        return compliance.alliance(year);
    }

    @Fallback(fallbackMethod = "unavailableRuleSets")
    public List<ComplianceData.RuleSet> ruleSets() {
        return compliance.ruleSets();
    }

    @Fallback(fallbackMethod = "unavailablePlans")
    public List<ComplianceData.Plan> plans() {
        return compliance.plans();
    }

    @Fallback(fallbackMethod = "unavailableAssessmentsAsOf")
    public List<ComplianceData.Assessment> assessments(String country, Integer year, String asOf) {
        return compliance.assessmentsAsOf(country, year, asOf);
    }

    @Fallback(fallbackMethod = "unavailableAllianceAsOf")
    public ComplianceData.Alliance alliance(int year, String asOf) {
        return compliance.allianceAsOf(year, asOf);
    }

    @Fallback(fallbackMethod = "unavailableSeries")
    public ComplianceData.Series series(String country) {
        return compliance.series(country);
    }

    @Fallback(fallbackMethod = "unavailablePlan")
    public ComplianceData.Plan plan(String country) {
        return compliance.plan(country);
    }

    @Fallback(fallbackMethod = "unavailableRequirements")
    public ComplianceData.Requirements requirements(String country, String gdpGrowth) {
        return compliance.requirements(country, gdpGrowth);
    }

    List<ComplianceData.Assessment> unavailableAssessmentsAsOf(String country, Integer year, String asOf, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Alliance unavailableAllianceAsOf(int year, String asOf, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Series unavailableSeries(String country, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Plan unavailablePlan(String country, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Requirements unavailableRequirements(String country, String gdpGrowth, Throwable cause) {
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

    List<ComplianceData.Plan> unavailablePlans(Throwable cause) {
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
