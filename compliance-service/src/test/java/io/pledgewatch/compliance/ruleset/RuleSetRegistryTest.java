package io.pledgewatch.compliance.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is in force never goes back to an older view of the (append-only) versions. */
class RuleSetRegistryTest {

    private final RuleSetRegistry registry = ShippedRuleSets.registry();

    @Test
    void aStaleViewDoesNotUndoTheVersionsAlreadyInForce() {
        RuleSetVersion wales = version("wales-2014", "1", Instant.parse("2026-01-01T00:00:00Z"));
        RuleSetVersion hague = version("hague-2025", "1", Instant.parse("2026-01-01T00:00:00Z"));
        assertTrue(registry.apply(List.of(wales, hague)));
        assertEquals("wales-2014=1,hague-2025=1", registry.fingerprint());

        // A transaction that began before the versions were committed sees none of them.
        assertFalse(registry.apply(List.of()));
        assertEquals(2, registry.inForce().size());
        assertEquals("wales-2014=1,hague-2025=1", registry.fingerprint());
    }

    @Test
    void theNewestActivationOfEachRuleSetIsInForce() {
        RuleSetVersion first = version("wales-2014", "1", Instant.parse("2026-01-01T00:00:00Z"));
        RuleSetVersion second = version("wales-2014", "2", Instant.parse("2026-02-01T00:00:00Z"));
        assertTrue(registry.apply(List.of(first)));
        assertTrue(registry.apply(List.of(second, first)));
        assertEquals("wales-2014=2", registry.fingerprint());
        assertFalse(registry.apply(List.of(first, second)), "the same view again changes nothing");
    }

    private RuleSetVersion version(String id, String version, Instant activated) {
        RuleSet shipped = registry.readShipped(id);
        RuleSet set = new RuleSet(shipped.id(), version, shipped.title(), shipped.source(), shipped.firstYear(),
                shipped.lastYear(), shipped.relatedCap(), shipped.baselineYear(), shipped.defaultBaseline(),
                shipped.dueYear(), shipped.targets());
        RuleSetVersion v = new RuleSetVersion();
        v.id = RuleSetVersion.key(id, version);
        v.ruleSetId = id;
        v.version = version;
        try {
            v.definition = registry.json.writeValueAsString(set);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        v.activatedAt = activated;
        v.activatedBy = "test";
        return v;
    }
}
