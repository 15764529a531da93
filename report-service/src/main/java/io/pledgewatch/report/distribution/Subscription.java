package io.pledgewatch.report.distribution;

import java.time.Instant;

/** An address that receives every scheduled Alliance briefing (table {@code subscription}). */
public class Subscription {

    public String email;

    public Instant createdAt;

    public String createdBy;
}
