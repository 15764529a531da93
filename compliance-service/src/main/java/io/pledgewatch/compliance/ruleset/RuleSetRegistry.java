package io.pledgewatch.compliance.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pledgewatch.platform.persistence.UniqueKey;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The rule sets in force. The shipped definitions (classpath {@code rulesets/}) are recorded in the database
 * the first time a service sees their version; staff can put a new version in force through the API. The
 * newest activation of each id wins, and every version ever used stays on record.
 */
@ApplicationScoped
public class RuleSetRegistry {

    private static final Logger LOG = Logger.getLogger(RuleSetRegistry.class);
    static final List<String> SHIPPED = List.of("wales-2014", "hague-2025");

    @Inject
    ObjectMapper json;

    @Inject
    RuleSetVersionRepository versions;

    @Inject
    Validator validator;

    private volatile List<RuleSet> inForce = List.of();
    private volatile String fingerprint = "";
    private int versionsApplied; // guarded by this

    public List<RuleSet> inForce() {
        return inForce;
    }

    /** Versions in force as "id=version,..." — what an assessment records and what changes trigger re-scoring. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Records shipped versions not yet on record, each in a transaction of its own; returns true when that changed
     * what is in force.
     */
    public boolean syncShipped() {
        boolean changed = false;
        for (String id : SHIPPED) {
            RuleSet shipped = readShipped(id);
            Set<ConstraintViolation<RuleSet>> problems = validator.validate(shipped);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("shipped rule set " + id + " is invalid: " + describe(problems));
            }
            // Usually on record already: the read spares every start serialising the definitions. Replicas starting
            // together with a new version race past it; the insert records it once, whichever comes first.
            boolean recorded = QuarkusTransaction.requiringNew().call(() ->
                    !versions.exists(RuleSetVersion.key(shipped.id(), shipped.version()))
                            && record(shipped, "shipped with the service"));
            if (recorded) {
                changed = true;
                LOG.infof("rule set %s version %s recorded from the shipped definition", shipped.id(), shipped.version());
            }
        }
        refresh();
        return changed;
    }

    /** Re-reads what is in force (another replica may have activated a version); true when it changed. */
    @Transactional
    public boolean refresh() {
        return apply(versions.listAll());
    }

    /**
     * Puts in force the newest activation of each rule set among {@code versions}, unless that view is older than
     * the one already applied. Versions are only ever added, so fewer rows than last time means a transaction that
     * began before another's commit — as when the first scheduled poll races start-up's recording of the shipped
     * versions — and applying it would briefly score with no rules at all.
     */
    synchronized boolean apply(List<RuleSetVersion> versions) {
        if (versions.size() < versionsApplied) {
            return false;
        }
        Map<String, RuleSetVersion> newest = new LinkedHashMap<>();
        for (RuleSetVersion v : versions) {
            RuleSetVersion seen = newest.get(v.ruleSetId);
            if (seen == null || v.activatedAt.isAfter(seen.activatedAt)
                    || v.activatedAt.equals(seen.activatedAt) && v.id.compareTo(seen.id) > 0) {
                newest.put(v.ruleSetId, v);
            }
        }
        List<RuleSet> sets = new ArrayList<>();
        for (RuleSetVersion v : newest.values()) {
            sets.add(parse(v.definition));
        }
        sets.sort(Comparator.comparing(RuleSet::firstYear).thenComparing(RuleSet::id));
        String newFingerprint = String.join(",", sets.stream().map(r -> r.id() + "=" + r.version()).toList());
        boolean changed = !Objects.equals(newFingerprint, fingerprint);
        inForce = List.copyOf(sets);
        fingerprint = newFingerprint;
        versionsApplied = versions.size();
        return changed;
    }

    /** Puts a new version in force (staff). The caller re-scores history in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RuleSet activate(String id, RuleSet proposed, String who) {
        List<Violation> problems = new ArrayList<>();
        if (!id.equals(proposed.id())) {
            problems.add(new Violation("id", "must equal the rule set in the path, " + id));
        }
        describe(validator.validate(proposed)).forEach(p -> problems.add(new Violation("definition", p)));
        if (problems.isEmpty() && versions.exists(RuleSetVersion.key(proposed.id(), proposed.version()))) {
            throw versionExists(id, proposed);
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (!record(proposed, who)) {
            throw versionExists(id, proposed); // activated by someone else since the check above
        }
        refresh();
        LOG.infof("rule set %s version %s put in force by %s", id, proposed.version(), who);
        return proposed;
    }

    private static ProblemException versionExists(String id, RuleSet proposed) {
        return new ProblemException(409, "Conflict", "version " + proposed.version() + " of " + id
                + " already exists; versions are immutable, give the change a new version",
                List.of(new Violation("version", "already exists")));
    }

    /** A rule set's constraint violations as "field message", in the order of their fields. */
    static List<String> describe(Set<ConstraintViolation<RuleSet>> violations) {
        return violations.stream().map(v -> (v.getPropertyPath() + " " + v.getMessage()).strip()).sorted().toList();
    }

    /**
     * Records a version; false when a version with its id is already on record. A concurrent insert of the same id
     * makes this one wait for that transaction and then fail on the primary key; the transaction is then lost, so the
     * caller's ends with it.
     */
    private boolean record(RuleSet set, String who) {
        RuleSetVersion v = new RuleSetVersion();
        v.id = RuleSetVersion.key(set.id(), set.version());
        v.ruleSetId = set.id();
        v.version = set.version();
        v.definition = write(set);
        v.activatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        v.activatedBy = who;
        try {
            versions.persistAndFlush(v);
            return true;
        } catch (PersistenceException e) {
            if (UniqueKey.violated(e, "rule_set_version_pkey")) {
                return false;
            }
            throw e;
        }
    }

    RuleSet readShipped(String id) {
        try (InputStream in = getClass().getResourceAsStream("/rulesets/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("shipped rule set missing: rulesets/" + id + ".json");
            }
            return json.readValue(in, RuleSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RuleSet parse(String definition) {
        try {
            return json.readValue(definition, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule set cannot be read", e);
        }
    }

    private String write(RuleSet set) {
        try {
            return json.writeValueAsString(set);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
