package io.pledgewatch.compliance.follower;

/**
 * ingest refused a call made for a caller (400, 403, 413, 415, 422 …): its status and problem+json body, which
 * {@link IngestAnswers} passes on to the caller as they are, since the refusal is the caller's to read.
 */
public class IngestRefusal extends RuntimeException {

    private final int status;
    private final String contentType;
    private final String body;

    IngestRefusal(int status, String contentType, String body) {
        super("ingest refused the call with " + status, null, false, false);
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public String body() {
        return body;
    }
}
