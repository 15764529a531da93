package io.pledgewatch.report.briefing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/** A briefing's metadata as the API shows it, with its download links once READY ({@code csv} takes a table name). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BriefingView(long id, Briefing.Kind kind, String country, String period, Briefing.Trigger trigger,
                           Integer focusYear, LocalDate asOf, Instant createdAt, Instant completedAt,
                           Briefing.Status status, Long size, Integer pages, String sha256, Instant dataCutoff, Integer attempts, String failureReason,
                           Instant nextAttemptAt, String requestedBy, String pdf, String xlsx, String csv) {

    public static BriefingView of(Briefing b) {
        return new BriefingView(b.id, b.kind, b.country, b.period, b.trigger, b.focusYear, b.asOf, b.createdAt,
                b.completedAt, b.status, b.sizeBytes, b.pageCount, b.sha256, b.dataCutoff, b.attempts, b.failureReason,
                b.isReady() ? null : b.nextAttemptAt, b.requestedBy,
                b.isReady() ? "/api/v1/briefings/" + b.id + "/pdf" : null,
                b.isReady() ? "/api/v1/briefings/" + b.id + "/xlsx" : null,
                b.isReady() ? "/api/v1/briefings/" + b.id + "/csv?table=" : null);
    }

    public boolean inProgress() {
        return status == Briefing.Status.PENDING || status == Briefing.Status.RUNNING;
    }
}
