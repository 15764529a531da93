package io.pledgewatch.compliance.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The rule sets the service ships, read as the service reads them at start-up: every id the registry records
 * ({@link RuleSetRegistry#SHIPPED}), each from its file on the class path ({@code rulesets/<id>.json}) by the
 * registry's own reader. Tests that score with these see any change to a shipped file.
 */
public final class ShippedRuleSets {

    private ShippedRuleSets() {
    }

    /** A registry outside the application, with the JSON reader its file reading needs. */
    static RuleSetRegistry registry() {
        RuleSetRegistry registry = new RuleSetRegistry();
        registry.json = new ObjectMapper().findAndRegisterModules();
        return registry;
    }

    public static List<RuleSet> read() {
        RuleSetRegistry registry = registry();
        return RuleSetRegistry.SHIPPED.stream().map(registry::readShipped).toList();
    }
}
