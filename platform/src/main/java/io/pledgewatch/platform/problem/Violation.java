package io.pledgewatch.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One reason a request was refused, naming the field (JSON path, or CSV column with its row). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String message, Integer row) {

    public Violation(String field, String message) {
        this(field, message, null);
    }

    public Violation atRow(int csvLine) {
        return new Violation(field, message, csvLine);
    }
}
