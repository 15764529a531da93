package io.pledgewatch.ingest.submission;

import java.time.Instant;

/**
 * The head of one nation's submission for one year (a row of table {@code submission}): which revision is current.
 * Its row is the lock that orders revisions of the same (country, year). Read and written by {@link SubmissionStore}.
 */
public class Submission {

    public Long id;

    public String country;

    public int year;

    public int currentRevision;

    public Instant createdAt;

    public Instant updatedAt;

    public static String key(String country, int year) {
        return country + "/" + year;
    }
}
