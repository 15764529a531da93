package io.pledgewatch.ingest.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.ingest.submission.constraints.AllyYear;
import io.pledgewatch.platform.Digests;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The contract's rules: the constraints on the payloads, through a plain validator, and how a refusal reads. */
class SubmissionRulesTest {

    private static final ValidatorFactory VALIDATORS = Validation.buildDefaultValidatorFactory();

    private final SubmissionRules rules = new SubmissionRules(Allies.get(), VALIDATORS);
    private final Ally ltu = Allies.get().find("LTU").orElseThrow();

    @AfterAll
    static void close() {
        VALIDATORS.close();
    }

    static SubmissionPayload payload(String currency, String gdp, String total, String equipment, String personnel,
                                     String infrastructure, String other, String ukraine) {
        return new SubmissionPayload("BUDGET", currency, dec(gdp),
                new SubmissionPayload.Defence(dec(total), dec(equipment), dec(personnel), dec(infrastructure), dec(other),
                        dec(ukraine)), null, null, null, null, null, null);
    }

    static SubmissionPayload withCounts(String population, String militaryPersonnel, String priceIndex) {
        SubmissionPayload p = valid();
        return new SubmissionPayload(p.status(), p.currency(), p.gdp(), p.defence(), p.related(), p.usdRate(), p.note(),
                dec(population), dec(militaryPersonnel), dec(priceIndex));
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static SubmissionPayload valid() {
        return payload("EUR", "89030000000", "4790000000", "1200000000", "1900000000", "500000000", "1190000000", "0");
    }

    private List<String> fieldsOf(SubmissionPayload p, int year) {
        ProblemException e = assertThrows(ProblemException.class, () -> rules.amounts(ltu, year, p));
        assertEquals(422, e.status());
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void aConsistentSubmissionIsAcceptedAndNormalised() {
        RevisionContent c = rules.amounts(ltu, 2026, valid());
        assertEquals(RevisionContent.Kind.AMOUNTS, c.kind());
        assertEquals(new BigDecimal("4790000000"), c.defenceTotal());
        assertEquals(BigDecimal.ZERO, c.innovation());
    }

    @Test
    void categoriesMaySumWithinOneUnitButNoMore() {
        rules.amounts(ltu, 2026, payload("EUR", "89030000000", "4790000000", "1200000000", "1900000000", "500000000",
                "1190000001", "0"));
        assertEquals(List.of("defence.total"), fieldsOf(payload("EUR", "89030000000", "4790000000", "1200000000",
                "1900000000", "500000000", "1190000001.01", "0"), 2026));
    }

    @Test
    void equipmentCannotExceedTotal() {
        assertTrue(fieldsOf(payload("EUR", "89030000000", "100", "200", "0", "0", "-100", "0"), 2026)
                .containsAll(List.of("defence.other", "defence.equipment")));
        assertEquals(List.of("defence.equipment"),
                fieldsOf(payload("EUR", "89030000000", "100", "101", "0", "0", "0", "0"), 2026));
    }

    @Test
    void ukraineSupportIsPartOfTheTotal() {
        assertEquals(List.of("defence.ukraineSupport"), fieldsOf(payload("EUR", "89030000000", "4790000000", "1200000000",
                "1900000000", "500000000", "1190000000", "4790000001"), 2026));
    }

    @Test
    void defenceCannotExceedGdp() {
        assertEquals(List.of("defence.total"), fieldsOf(payload("EUR", "1000", "4000", "1000", "1000", "1000", "1000", "0"), 2026));
    }

    @Test
    void lithuaniaReportedInLitasBefore2015() {
        assertEquals(List.of("currency"), fieldsOf(valid(), 2014));
    }

    @Test
    void requiredFieldsAreAllNamedAtOnce() {
        List<String> fields = fieldsOf(new SubmissionPayload(null, null, null, null, null, null, null, null, null, null), 2026);
        assertEquals(List.of("status", "currency", "gdp", "defence"), fields);
    }

    @Test
    void precisionAndMagnitudeAreBounded() {
        assertEquals(List.of("gdp"), fieldsOf(payload("EUR", "89030000000.123", "4790000000", "1200000000",
                "1900000000", "500000000", "1190000000", "0"), 2026));
        assertEquals(List.of("gdp"), fieldsOf(payload("EUR", "1e17", "4790000000", "1200000000",
                "1900000000", "500000000", "1190000000", "0"), 2026));
    }

    @Test
    void trailingZerosDoNotMakeADifferentRevision() {
        RevisionContent a = rules.amounts(ltu, 2026, valid());
        RevisionContent b = rules.amounts(ltu, 2026, payload("EUR", "89030000000.00", "4.79E9", "1200000000",
                "1900000000", "500000000", "1190000000.0", "0"));
        assertEquals(a.contentHash(), b.contentHash());
    }

    @Test
    void publishedRatioMayPrecedeAccessionButNotTheTrackedYears() {
        Ally fin = Allies.get().find("FIN").orElseThrow();
        RevisionContent c = rules.publishedRatio(fin, 2014,
                new PublishedRatio("ACTUAL", null, new BigDecimal("1.4591"), null, null, null, "NATO", null));
        assertEquals("EUR", c.currency());
        ProblemException e = assertThrows(ProblemException.class, () -> rules.publishedRatio(fin, 2013,
                new PublishedRatio("ACTUAL", null, new BigDecimal("1.4"), null, null, null, "NATO", null)));
        assertEquals("year", e.violations().get(0).field());
    }

    @Test
    void publishedSharesAndRealChangeAreOptionalAndBounded() {
        Ally pol = Allies.get().find("POL").orElseThrow();
        RevisionContent c = rules.publishedRatio(pol, 2026, new PublishedRatio("ESTIMATE", null, dec("4.68"), dec("55.91"),
                dec("27.34"), dec("-6.27"), "NATO", null));
        assertEquals(List.of(dec("55.91"), dec("27.34"), dec("-6.27")), List.of(c.equipmentPct(), c.personnelPct(),
                c.realChangePct()));
        ProblemException e = assertThrows(ProblemException.class, () -> rules.publishedRatio(pol, 2026,
                new PublishedRatio("ESTIMATE", null, dec("4.68"), null, dec("-0.5"), dec("1000.5"), "NATO", null)));
        assertEquals(List.of("personnelPct", "realChangePct"), e.violations().stream().map(Violation::field).toList());
        e = assertThrows(ProblemException.class, () -> rules.publishedRatio(pol, 2026,
                new PublishedRatio("ESTIMATE", null, dec("4.68"), null, null, dec("-100.0000001"), "NATO", null)));
        assertEquals(List.of("realChangePct", "realChangePct"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void aRatioWithoutTheThirdReleasesFiguresKeepsItsDigest() {
        Ally pol = Allies.get().find("POL").orElseThrow();
        RevisionContent ratio = rules.publishedRatio(pol, 2025, new PublishedRatio("ESTIMATE", null, dec("4.4805"), null,
                null, null, "NATO", null));
        // The digest as the first two releases computed it: twenty fields, thirteen of them absent amounts.
        List<String> fields = new java.util.ArrayList<>(List.of("PUBLISHED_RATIO", "ESTIMATE", "PLN"));
        fields.addAll(java.util.Collections.nCopies(13, "\u2400"));
        fields.addAll(List.of("4.4805", "\u2400", "NATO", "\u2400"));
        assertEquals(Digests.sha256(String.join("\u241F", fields)), ratio.contentHash());
        assertNotEquals(ratio.contentHash(), rules.publishedRatio(pol, 2025, new PublishedRatio("ESTIMATE", null,
                dec("4.4805"), null, dec("29.58"), null, "NATO", null)).contentHash());
    }

    @Test
    void aPublicationDayIsADateNotAfterToday() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        assertEquals(LocalDate.of(2026, 7, 7), SubmissionRules.publishedOn("2026-07-07", today));
        assertEquals(today, SubmissionRules.publishedOn("2026-12-03", today));
        ProblemException later = assertThrows(ProblemException.class, () -> SubmissionRules.publishedOn("2026-12-04", today));
        assertEquals(422, later.status());
        assertEquals("publishedOn", later.violations().get(0).field());
        for (String malformed : new String[] {"2026-02-30", "7 July 2026", "2026-7-7", "", null}) {
            ProblemException e = assertThrows(ProblemException.class, () -> SubmissionRules.publishedOn(malformed, today));
            assertEquals(400, e.status(), malformed);
            assertEquals("publishedOn", e.violations().get(0).field());
        }
    }

    @Test
    void yearMustBeFourDigits() {
        assertEquals(2026, SubmissionRules.year("2026"));
        assertEquals(400, assertThrows(ProblemException.class, () -> SubmissionRules.year("26")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> SubmissionRules.year("2026; drop table")).status());
    }

    @Test
    void unknownCountriesAreNotFound() {
        assertEquals(404, assertThrows(ProblemException.class, () -> rules.ally("../etc/passwd")).status());
    }

    @Test
    void populationPersonnelAndPriceIndexAreOptionalButMustBePlausibleWhenGiven() {
        RevisionContent none = rules.amounts(ltu, 2026, valid());
        assertEquals(null, none.population());
        RevisionContent all = rules.amounts(ltu, 2026, withCounts("2890000", "23000", "131.7"));
        assertEquals(new BigDecimal("2890000"), all.population());
        assertEquals(new BigDecimal("23000"), all.militaryPersonnel());
        assertEquals(new BigDecimal("131.7"), all.priceIndex());
        assertEquals(List.of("population", "militaryPersonnel", "priceIndex"), fieldsOf(withCounts("0", "-5", "0"), 2026));
        assertEquals(List.of("population", "militaryPersonnel"), fieldsOf(withCounts("2890000.5", "23000.1", "131.7"), 2026));
        assertEquals(List.of("population", "priceIndex"), fieldsOf(withCounts("1e12", "23000", "131.12345"), 2026));
        assertEquals(List.of("priceIndex"), fieldsOf(withCounts("2890000", "23000", "2e6"), 2026));
    }

    @Test
    void theNewFieldsChangeTheDigestOnlyWhenPresent() {
        RevisionContent plain = rules.amounts(ltu, 2026, valid());
        RevisionContent counted = rules.amounts(ltu, 2026, withCounts("2890000", null, null));
        assertNotEquals(plain.contentHash(), counted.contentHash());
        // A revision stored before the fields existed: the digest is computed over the first release's fields only.
        RevisionContent firstRelease = new RevisionContent(plain.kind(), plain.status(), plain.currency(), plain.gdp(),
                plain.defenceTotal(), plain.equipment(), plain.personnel(), plain.infrastructure(), plain.other(),
                plain.ukraineSupport(), plain.criticalInfrastructure(), plain.cyberAndNetworks(), plain.civilPreparedness(),
                plain.innovation(), plain.industrialBase(), plain.usdRate(), null, null, null, plain.note(), null, null, null,
                null, null);
        assertEquals(firstRelease.contentHash(), plain.contentHash());
    }

    @Test
    void theConstraintsAloneNameTheFieldsAndTheirMessages() {
        Set<ConstraintViolation<SubmissionPayload>> found = VALIDATORS.unwrap(HibernateValidatorFactory.class)
                .usingContext().constraintValidatorPayload(new AllyYear(ltu, 2014)).getValidator()
                .validate(payload("EUR", "89030000000", "4790000000", "1200000000", "1900000000", "500000000",
                        "1190000000", "-1"));
        assertEquals(Set.of("currency: 'EUR' is not Lithuania's currency in 2014: amounts for that year are in LTL",
                        "defence.ukraineSupport: cannot be negative"),
                found.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aYearBeforeAccessionNamesTheYearFirst() {
        Ally swe = Allies.get().find("SWE").orElseThrow();
        ProblemException e = assertThrows(ProblemException.class, () -> rules.amounts(swe, 2020,
                payload("SEK", "6000000000000", "80000000000", "20000000000", "30000000000", "10000000000",
                        "20000000000", "0")));
        assertEquals("year", e.violations().get(0).field());
        assertEquals("Sweden joined NATO in 2024; 2020 is before its accession", e.violations().get(0).message());
    }

    @Test
    void aWrongStatusIsQuotedBackVerbatimAndNeverInterpreted() {
        SubmissionPayload p = valid();
        SubmissionPayload odd = new SubmissionPayload("${1+1}{javax.x}",
                p.currency(), p.gdp(), p.defence(), p.related(), p.usdRate(), p.note(), null, null, null);
        ProblemException e = assertThrows(ProblemException.class, () -> rules.amounts(ltu, 2026, odd));
        assertEquals("'${1+1}{javax.x}' is not one of PLAN, BUDGET, ESTIMATE, ACTUAL",
                e.violations().get(0).message());
    }

    @Test
    void aNoteIsCountedInCharactersAndMustBePlainText() {
        SubmissionPayload p = valid();
        SubmissionPayload emoji = new SubmissionPayload(p.status(), p.currency(), p.gdp(), p.defence(), p.related(),
                p.usdRate(), "\uD83D\uDE00".repeat(SubmissionRules.NOTE_MAX), null, null, null);
        assertEquals(SubmissionRules.NOTE_MAX, rules.amounts(ltu, 2026, emoji).note().codePointCount(0,
                rules.amounts(ltu, 2026, emoji).note().length()));
        SubmissionPayload bell = new SubmissionPayload(p.status(), p.currency(), p.gdp(), p.defence(), p.related(),
                p.usdRate(), "ring \u0007", null, null, null);
        assertEquals(List.of("note"), fieldsOf(bell, 2026));
    }
}
