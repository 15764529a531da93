package io.pledgewatch.compliance.plan;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A plan check's answer ({@code POST /api/v1/plans/{country}/check}): the plan, in the shape
 * {@code GET /api/v1/plans/{country}} gives it, that these rows would make if they were stored, and that they were
 * not.
 *
 * @param stored        always false: a check stores nothing
 * @param yearsFromBody the years the body gave; every other year is the nation's current revision
 */
@RegisterForReflection
public record CheckedPlan(@JsonUnwrapped Plan plan, boolean stored, List<Integer> yearsFromBody) {
}
