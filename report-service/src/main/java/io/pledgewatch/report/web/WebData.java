package io.pledgewatch.report.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** ingest-service's JSON as the console reads it (tolerant: unknown fields are ignored). */
final class WebData {

    private WebData() {
    }

    /** A current revision: where its figures come from ({@code source}, {@code note}, {@code submittedBy}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Revision(String country, int year, int revision, String kind, String status, String source, String submittedBy,
                    String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImportResult(String importId, int rows, Map<String, Long> outcomes) {
    }
}
