package io.pledgewatch.ingest.feed;

import io.pledgewatch.ingest.submission.FeedSequencer;
import io.pledgewatch.ingest.submission.SubmissionStore;
import io.pledgewatch.ingest.submission.SubmissionView;
import io.pledgewatch.platform.problem.ProblemException;
import io.pledgewatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every revision in feed order. A consumer keeps the {@code seq} of the last item it applied and asks for
 * {@code after=} that; {@link FeedSequencer} guarantees nothing below a visible position appears later.
 */
@Path("/api/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feed")
@SecurityRequirement(name = "jwt")
public class FeedResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    FeedSequencer sequencer;

    @Inject
    SubmissionStore store;

    public record FeedPage(List<SubmissionView> items, long next, long latest, boolean hasMore) {
    }

    @GET
    @Transactional
    @RolesAllowed({Caller.SERVICE, Caller.STAFF})
    @Operation(summary = "Revisions after a position, oldest first; follow 'next' until hasMore is false")
    public FeedPage feed(@QueryParam("after") String afterText, @QueryParam("limit") String limitText) {
        long after = parse("after", afterText, 0, 0, Long.MAX_VALUE);
        int limit = (int) parse("limit", limitText, DEFAULT_LIMIT, 1, MAX_LIMIT);
        // Read the high-water mark first: everything at or below it is committed, so hasMore is never falsely false.
        // Two statements, each with its own snapshot (read committed): the second sees at least what the first did.
        long latest = sequencer.latest();
        List<SubmissionView> items = store.feed(after, limit).stream().map(SubmissionView::of).toList();
        long next = items.isEmpty() ? after : items.get(items.size() - 1).seq();
        return new FeedPage(items, next, Math.max(latest, next), next < latest);
    }

    private static long parse(String name, String text, long absent, long min, long max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
    }
}
