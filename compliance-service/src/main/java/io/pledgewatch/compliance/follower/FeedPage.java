package io.pledgewatch.compliance.follower;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pledgewatch.compliance.assessment.FeedRevision;
import java.util.List;

/**
 * A page of ingest's feed: its revisions in feed order, where the next page starts, the newest position ingest has
 * published and whether more follow. A tolerant reader: fields ingest adds later are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedPage(List<FeedRevision> items, long next, long latest, boolean hasMore) {
}
