package io.pledgewatch.report.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
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

    /** @param asOf the figures as they stood at the end of that day; null: now */
    @Fallback(fallbackMethod = "unavailableAssessments")
    public List<ComplianceData.Assessment> assessments(String country, LocalDate asOf) {
        return compliance.assessments(country, null, day(asOf));
    }

    /** One year's assessments ({@code year} null: every year), of one nation or all ({@code country} null). */
    @Fallback(fallbackMethod = "unavailableYearAssessments")
    public List<ComplianceData.Assessment> assessments(String country, Integer year, LocalDate asOf) {
        return compliance.assessments(country, year, day(asOf));
    }

    @Fallback(fallbackMethod = "unavailableSeries")
    public ComplianceData.Series series(String country, LocalDate asOf) {
        return compliance.series(country, day(asOf));
    }

    @Fallback(fallbackMethod = "unavailablePlan")
    public ComplianceData.Plan plan(String country, LocalDate asOf) {
        return compliance.plan(country, day(asOf));
    }

    /** What a credible plan needs each year, GDP grown at {@code gdpGrowth} % a year where not reported. */
    @Fallback(fallbackMethod = "unavailableRequirements")
    public ComplianceData.Requirements requirements(String country, String gdpGrowth) {
        return compliance.requirements(country, gdpGrowth);
    }

    @Fallback(fallbackMethod = "unavailableAlliance")
    public ComplianceData.Alliance alliance(int year, LocalDate asOf) {
        return compliance.alliance(year, day(asOf));
    }

    /** NATO's editions loaded as of that day (null: now) and what the latest restated of the one before. */
    @Fallback(fallbackMethod = "unavailableEditions")
    public ComplianceData.Editions editions(LocalDate asOf) {
        return compliance.editions(day(asOf));
    }

    @Fallback(fallbackMethod = "unavailableRuleSets")
    public List<ComplianceData.RuleSet> ruleSets() {
        return compliance.ruleSets();
    }

    @Fallback(fallbackMethod = "unavailablePlans")
    public List<ComplianceData.Plan> plans(LocalDate asOf) {
        return compliance.plans(day(asOf));
    }

    private static String day(LocalDate asOf) {
        return asOf == null ? null : asOf.toString();
    }

    List<ComplianceData.Assessment> unavailableYearAssessments(String country, Integer year, LocalDate asOf, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Series unavailableSeries(String country, LocalDate asOf, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Plan unavailablePlan(String country, LocalDate asOf, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Requirements unavailableRequirements(String country, String gdpGrowth, Throwable cause) {
        throw unavailable(cause);
    }

    List<ComplianceData.Assessment> unavailableAssessments(String country, LocalDate asOf, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Alliance unavailableAlliance(int year, LocalDate asOf, Throwable cause) {
        throw unavailable(cause);
    }

    ComplianceData.Editions unavailableEditions(LocalDate asOf, Throwable cause) {
        throw unavailable(cause);
    }

    List<ComplianceData.RuleSet> unavailableRuleSets(Throwable cause) {
        throw unavailable(cause);
    }

    List<ComplianceData.Plan> unavailablePlans(LocalDate asOf, Throwable cause) {
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
