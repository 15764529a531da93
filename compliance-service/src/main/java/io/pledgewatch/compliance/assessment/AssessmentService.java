package io.pledgewatch.compliance.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pledgewatch.compliance.ruleset.HistoryRescoring;
import io.pledgewatch.compliance.ruleset.RuleSetRegistry;
import io.pledgewatch.reference.Allies;
import io.pledgewatch.reference.Ally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hibernate.LockMode;
import org.hibernate.StatelessSession;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * Keeps one current assessment per (country, year). Feed pages are applied with the cursor in one
 * transaction; re-scoring (a new 2025 baseline, a new rule-set version) recomputes from stored inputs. Both write
 * through the stateless session: rows are read once, changed in memory, and written back as one batch per table,
 * with no persistence context to snapshot and flush. The reads go through the Panache repositories.
 */
@ApplicationScoped
public class AssessmentService implements HistoryRescoring {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);

    @Inject
    RuleSetRegistry ruleSets;

    @Inject
    ObjectMapper json;

    @Inject
    StatelessSession session;

    @Inject
    AssessmentRepository assessmentRecords;

    @Inject
    RevisionInputRepository revisionInputs;

    @Inject
    RevisionHistoryRepository revisionHistory;

    private final Counter assessmentsWritten;

    @Inject
    public AssessmentService(MeterRegistry registry) {
        this.assessmentsWritten = Counter.builder("pledgewatch.assessments.written")
                .description("assessments (re)computed and stored").register(registry);
    }

    public ScoringEngine engine() {
        return new ScoringEngine(ruleSets.inForce());
    }

    /**
     * Applies a fetched page of the feed (its revisions, and {@code next}, where the page ends) unless another
     * replica got there first. The cursor row is locked for the duration, and revisions at or below it are skipped,
     * so each revision is applied exactly once. The inputs of the page's nations are read in one query up front (a
     * nation has a few dozen years) and the changed inputs and assessments written back in one batch each.
     *
     * @return the number of revisions applied
     */
    @Transactional
    public int apply(List<FeedRevision> revisions, long next) {
        FeedCursor cursor = lockCursor();
        long lastSeq = cursor.lastSeq;
        ScoringEngine engine = engine();
        List<FeedRevision> items = revisions.stream().filter(item -> item.seq() > lastSeq).toList();
        Loaded loaded = Loaded.of(items.isEmpty() ? List.of()
                : inputsOf(items.stream().map(FeedRevision::country).distinct().toArray(String[]::new)));
        Set<String> dirty = new LinkedHashSet<>();
        for (FeedRevision item : items) {
            if (!store(item, loaded)) {
                continue;
            }
            dirty.add(RevisionInput.key(item.country(), item.year()));
            // The next year's real change is measured against this one.
            loaded.input(item.country(), item.year() + 1).ifPresent(nextYear -> dirty.add(nextYear.id));
            if (engine.baselineYear().filter(y -> y == item.year()).isPresent()) {
                // A new baseline moves this nation's whole path: re-score every later year.
                loaded.inputs.values().stream().filter(in -> in.country.equals(item.country()) && in.year > item.year())
                        .forEach(in -> dirty.add(in.id));
            }
        }
        dirty.forEach(key -> rescore(engine, loaded.inputs.get(key), loaded));
        save(loaded);
        if (next > lastSeq) {
            cursor.lastSeq = next;
            cursor.updatedAt = Instant.now();
            session.update(cursor);
        }
        return items.size();
    }

    /**
     * Locks the feed cursor until the transaction ends. Everything that writes assessments takes this lock first, so
     * replicas apply pages one after another and a re-scoring never interleaves with a page (it would otherwise write
     * assessments of inputs the page has since replaced).
     */
    private FeedCursor lockCursor() {
        return session.get(FeedCursor.class, FeedCursor.ID, LockMode.PESSIMISTIC_WRITE);
    }

    /** The stored inputs of {@code countries}: one array parameter, so the statement is the same for any number. */
    private List<RevisionInput> inputsOf(String[] countries) {
        return session.createNativeQuery("select * from revision_input where country = any(:countries)",
                RevisionInput.class).setParameter("countries", countries).getResultList();
    }

    /**
     * Writes the applied revisions' history (one batch of inserts) and the changed inputs and assessments, each table
     * as one batch of inserts (new rows) and one of updates. Not {@code upsertMultiple}: on PostgreSQL before 15
     * Hibernate runs an upsert as an update and then, when it touched no row, an insert, one row at a time. Which
     * inputs are stored is known from the read; which assessments are, from their ids alone (never their bodies).
     */
    private void save(Loaded loaded) {
        if (!loaded.history.isEmpty()) {
            session.insertMultiple(loaded.history);
        }
        insertOrUpdate(loaded.changedInputs.values(), in -> loaded.stored.contains(in.id));
        if (!loaded.changedRecords.isEmpty()) {
            // addScalar, not String.class: a result-class mapping of a basic type adds a cached plan on every call
            // (docs/decisions/0011-native-scalar-queries.md).
            List<?> ids = session.createNativeQuery("select id from assessment where id = any(:ids)")
                    .addScalar("id", StandardBasicTypes.STRING)
                    .setParameter("ids", loaded.changedRecords.keySet().toArray(String[]::new)).getResultList();
            Set<Object> stored = Set.copyOf(ids);
            insertOrUpdate(loaded.changedRecords.values(), record -> stored.contains(record.id));
        }
    }

    private <T> void insertOrUpdate(Collection<T> rows, Predicate<T> stored) {
        Map<Boolean, List<T>> split = rows.stream().collect(Collectors.partitioningBy(stored));
        if (!split.get(false).isEmpty()) {
            session.insertMultiple(split.get(false));
        }
        if (!split.get(true).isEmpty()) {
            session.updateMultiple(split.get(true));
        }
    }

    /**
     * Keeps the item in the history, and as the current input unless the stored one was known since later (an older
     * edition applied after a newer one: ingest stored it as history too); true when it became the current input.
     */
    private boolean store(FeedRevision item, Loaded loaded) {
        loaded.history.add(RevisionHistory.of(item));
        String key = RevisionInput.key(item.country(), item.year());
        RevisionInput in = loaded.inputs.computeIfAbsent(key, k -> {
            RevisionInput fresh = new RevisionInput();
            fresh.id = k;
            return fresh;
        });
        if (in.country != null && !in.isSupersededBy(item)) {
            LOG.debugf("%s %d revision %d kept in the history only: revision %d was known since later", item.country(),
                    item.year(), item.revision(), in.revision);
            return false;
        }
        in.fill(item);
        loaded.changedInputs.put(key, in);
        return true;
    }

    /**
     * The stored inputs of the nations at hand, read up front and looked up in memory (a re-score reads the baseline
     * and previous year of each input it scores), and the inputs and assessments changed since and the revisions applied,
     * which {@link #save} writes. Stored assessments are not read: a re-scored assessment replaces every column of its
     * row (an upsert).
     */
    private record Loaded(Map<String, RevisionInput> inputs, Set<String> stored, Map<String, RevisionInput> changedInputs,
                          Map<String, AssessmentRecord> changedRecords, List<RevisionHistory> history) {

        static Loaded of(List<RevisionInput> stored) {
            Map<String, RevisionInput> inputs = new HashMap<>();
            stored.forEach(in -> inputs.put(in.id, in));
            return new Loaded(inputs, Set.copyOf(inputs.keySet()), new LinkedHashMap<>(), new LinkedHashMap<>(),
                    new ArrayList<>());
        }

        Optional<RevisionInput> input(String country, int year) {
            return Optional.ofNullable(inputs.get(RevisionInput.key(country, year)));
        }
    }

    /**
     * Re-scores every stored input with the rule sets in force (after a rule-set change). The inputs are read once, up
     * front, and looked up in memory; the assessments are written back in one batch.
     */
    @Override
    @Transactional
    public int rescoreAll() {
        lockCursor();
        ScoringEngine engine = engine();
        Loaded loaded = Loaded.of(session.createSelectionQuery("from RevisionInput", RevisionInput.class).getResultList());
        loaded.inputs.values().forEach(in -> rescore(engine, in, loaded));
        save(loaded);
        LOG.infof("re-scored %d assessments with rule sets %s", loaded.inputs.size(), ruleSets.fingerprint());
        return loaded.inputs.size();
    }

    private void rescore(ScoringEngine engine, RevisionInput in, Loaded lookup) {
        String key = in.id;
        Ally ally = Allies.get().find(in.country).orElse(null);
        if (ally == null) {
            LOG.warnf("feed carried %s, which is not an Ally; ignored", in.country);
            return;
        }
        Assessment a = assess(engine, ally, in.toScoringInput(),
                        (country, year) -> lookup.input(country, year).map(RevisionInput::toScoringInput))
                .withAssessedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        AssessmentRecord record = new AssessmentRecord();
        record.id = key;
        record.country = a.country();
        record.year = a.year();
        record.revision = a.revision();
        record.seq = a.seq();
        record.assessed = a.assessed();
        record.score = a.score();
        record.ruleVersions = ruleSets.fingerprint();
        record.body = write(a);
        record.assessedAt = a.assessedAt();
        lookup.changedRecords.put(key, record);
        assessmentsWritten.increment();
        LOG.debugf("assessed %s %d revision %d: score %s", a.country(), a.year(), a.revision(), a.score());
    }

    public Optional<String> find(String country, int year) {
        return assessmentRecords.body(RevisionInput.key(country, year));
    }

    public List<String> list(String country, Integer year) {
        return assessmentRecords.bodies(country, year);
    }

    /**
     * The assessments as of a past day (of one nation and/or one year when given), by year and country: each key's
     * revision known by the end of that day, scored now as the current ones are (the same {@link #assess}), in JSON.
     */
    @Transactional
    public List<String> listAsOf(String country, Integer year, AsOf asOf) {
        ScoringEngine engine = engine();
        Map<String, ScoringInput> inputs = inputs(asOf, country, Allies.FIRST_YEAR, Allies.LAST_YEAR).stream()
                .collect(Collectors.toMap(in -> RevisionInput.key(in.country(), in.year()), in -> in));
        return inputs.values().stream().filter(in -> year == null || in.year() == year)
                .sorted(Comparator.comparing(ScoringInput::year).thenComparing(ScoringInput::country))
                .flatMap(in -> Allies.get().find(in.country()).stream().map(ally -> assess(engine, ally, in,
                        (c, y) -> Optional.ofNullable(inputs.get(RevisionInput.key(c, y))))))
                .map(a -> write(a.withAsOf(asOf.day()))).toList();
    }

    /** The targets' verdict and the analyst measures of one revision. */
    static Assessment assess(ScoringEngine engine, Ally ally, ScoringInput input, Optional<ScoringInput> baseline,
                             Optional<ScoringInput> previous) {
        Assessment a = engine.assess(ally, input, baseline);
        return a.assessed() ? a.withMeasures(AnalystMeasures.of(ally, input, previous)) : a;
    }

    /** The same, the nation's baseline year and previous year looked up in {@code inputs} (country, year). */
    private static Assessment assess(ScoringEngine engine, Ally ally, ScoringInput input,
                                     BiFunction<String, Integer, Optional<ScoringInput>> inputs) {
        return assess(engine, ally, input, engine.baselineYear().flatMap(y -> inputs.apply(input.country(), y)),
                inputs.apply(input.country(), input.year() - 1));
    }

    /**
     * The inputs a read rests on, of one nation ({@code country} null: of all) and the years {@code from} to {@code to},
     * by country and year: the current ones, or as of a past day each key's revision known by its end.
     */
    private List<ScoringInput> inputs(AsOf asOf, String country, int from, int to) {
        List<? extends RevisionFigures> rows = asOf.isNow() ? revisionInputs.of(country, from, to)
                : revisionHistory.knownBefore(asOf.cutoff(), country, from, to);
        return rows.stream().map(RevisionFigures::toScoringInput).toList();
    }

    /** Every year of one nation, oldest first, freshly assessed with its measures (the series a chart needs). */
    @Transactional
    public List<Scored> scoredCountry(String country, AsOf asOf) {
        ScoringEngine engine = engine();
        Ally ally = Allies.get().find(country).orElseThrow();
        Map<Integer, ScoringInput> byYear = inputs(asOf, country, Allies.FIRST_YEAR, Allies.LAST_YEAR).stream()
                .collect(Collectors.toMap(ScoringInput::year, in -> in, (a, b) -> a, TreeMap::new));
        return byYear.values().stream().map(in -> new Scored(ally, in, assess(engine, ally, in,
                (c, y) -> Optional.ofNullable(byYear.get(y))))).toList();
    }

    /** The current inputs of the plan years and the baseline year, by nation: what plans are evaluated from. */
    @Transactional
    public Map<String, Map<Integer, ScoringInput>> inputsByNation(int fromYear, int toYear) {
        return inputsByNation(fromYear, toYear, AsOf.NOW);
    }

    /** The same, as they stood at the end of a past day. */
    @Transactional
    public Map<String, Map<Integer, ScoringInput>> inputsByNation(int fromYear, int toYear, AsOf asOf) {
        return inputs(asOf, null, fromYear, toYear).stream().collect(Collectors.groupingBy(ScoringInput::country,
                TreeMap::new, Collectors.toMap(ScoringInput::year, in -> in, (a, b) -> a, TreeMap::new)));
    }

    /** Fresh, unrounded assessments of a year for aggregation (never the rounded JSON). */
    @Transactional
    public List<Scored> scoredYear(int year, AsOf asOf) {
        ScoringEngine engine = engine();
        // The baseline year's inputs in one query, not one per nation.
        Map<String, ScoringInput> baselines = engine.baselineYear()
                .map(y -> inputs(asOf, null, y, y).stream().collect(Collectors.toMap(ScoringInput::country, in -> in)))
                .orElse(Map.of());
        return inputs(asOf, null, year, year).stream().flatMap(in -> Allies.get().find(in.country()).stream().map(ally ->
                new Scored(ally, in, engine.assess(ally, in, Optional.ofNullable(baselines.get(in.country())))))).toList();
    }

    public record Scored(Ally ally, ScoringInput input, Assessment assessment) {
    }

    private String write(Assessment a) {
        try {
            return json.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
