package io.pledgewatch.compliance.follower;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pledgewatch.compliance.assessment.FeedRevision;
import java.util.List;

/**
 * ingest's answer to an import's dry run: the revisions the import would store, in the feed's shape and the file's
 * order, each with its CSV line. A tolerant reader, like {@link FeedPage}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportDryRun(int rows, List<FeedRevision> items) {
}
