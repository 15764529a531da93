package io.pledgewatch.compliance.follower;

import io.pledgewatch.platform.problem.ProblemException;

/** ingest could not answer a call made for a caller (down, too slow, failing, or its circuit open): a 503 to retry. */
public class IngestUnavailable extends ProblemException {

    /** Seconds: a little longer than the circuit stays open, so that a retry finds it closed. */
    static final int RETRY_AFTER_SECONDS = 5;

    IngestUnavailable() {
        super(503, "Service unavailable", "ingest-service, which checks the rows, cannot be reached just now; nothing "
                + "was checked; retry in a few seconds");
    }
}
