package io.pledgewatch.compliance.ruleset;

import io.pledgewatch.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The rule set versions on record (table {@code rule_set_version}), in plain JDBC on the caller's transaction. */
@ApplicationScoped
public class RuleSetStore {

    @Inject
    Jdbc jdbc;

    public boolean exists(String key) {
        return jdbc.first("SELECT 1 FROM rule_set_version WHERE id = ?", ps -> ps.setString(1, key), rs -> true)
                .isPresent();
    }

    public List<RuleSetVersion> all() {
        return jdbc.list("SELECT id, rule_set_id, version, definition, activated_at, activated_by"
                + " FROM rule_set_version", ps -> { }, rs -> {
                    RuleSetVersion v = new RuleSetVersion();
                    v.id = rs.getString(1);
                    v.ruleSetId = rs.getString(2);
                    v.version = rs.getString(3);
                    v.definition = rs.getString(4);
                    v.activatedAt = Jdbc.instant(rs, 5);
                    v.activatedBy = rs.getString(6);
                    return v;
                });
    }

    /**
     * Records {@code v}; false when a version with its id is already on record. A concurrent insert of the same id
     * makes this one wait for that transaction and then do nothing, instead of failing.
     */
    public boolean insert(RuleSetVersion v) {
        return jdbc.update("INSERT INTO rule_set_version (id, rule_set_id, version, definition, activated_at,"
                + " activated_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", ps -> {
                    ps.setString(1, v.id);
                    ps.setString(2, v.ruleSetId);
                    ps.setString(3, v.version);
                    ps.setString(4, v.definition);
                    ps.setObject(5, Jdbc.timestamp(v.activatedAt));
                    ps.setString(6, v.activatedBy);
                }) > 0;
    }
}
