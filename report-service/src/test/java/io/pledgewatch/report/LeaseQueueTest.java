package io.pledgewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseQueueTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final LeaseQueue QUEUE = new LeaseQueue(8, Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void theWaitDoublesAfterEachFailedAttempt() {
        assertEquals(NOW.plusSeconds(30), QUEUE.retryAt(1, NOW));
        assertEquals(NOW.plusSeconds(60), QUEUE.retryAt(2, NOW));
        assertEquals(NOW.plusSeconds(120), QUEUE.retryAt(3, NOW));
        assertEquals(NOW.plusSeconds(30 * 64), QUEUE.retryAt(7, NOW));
    }

    @Test
    void theWaitIsCappedAtAnHour() {
        assertEquals(NOW.plus(Duration.ofHours(1)), QUEUE.retryAt(8, NOW));
        assertEquals(NOW.plus(Duration.ofHours(1)), QUEUE.retryAt(40, NOW));
        assertEquals(NOW.plus(Duration.ofHours(1)),
                new LeaseQueue(3, Duration.ofHours(2), Duration.ofMinutes(1)).retryAt(1, NOW));
    }

    @Test
    void aLeaseLastsItsConfiguredTime() {
        assertEquals(NOW.plus(Duration.ofMinutes(5)), QUEUE.leaseUntil(NOW));
    }

    @Test
    void theLastAttemptIsTheConfiguredOne() {
        assertFalse(QUEUE.exhausted(7));
        assertTrue(QUEUE.exhausted(8));
        assertTrue(QUEUE.exhausted(9));
    }

    @Test
    void aReasonIsCutToWhatItsColumnHolds() {
        assertEquals(2000, LeaseQueue.reason("x".repeat(5000)).length());
        assertEquals("refused", LeaseQueue.reason("refused"));
        assertEquals(null, LeaseQueue.reason(null));
    }
}
