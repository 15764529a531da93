package io.pledgewatch.compliance.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The rule set versions on record. */
@ApplicationScoped
public class RuleSetVersionRepository implements PanacheRepositoryBase<RuleSetVersion, String> {

    public boolean exists(String key) {
        return count("id", key) > 0;
    }
}
