package io.pledgewatch.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One follower's nudges, driven by a signal whose calls stay open until the test answers them: every step is a
 * method call on this thread, so "no further call" is a count read after a known event, not a pause.
 */
class NudgeCoalescingTest {

    /** A follower's signal endpoint that answers each call only when the test says so. */
    static final class HeldSignal implements FollowerSignal {
        final Deque<UniEmitter<? super Void>> open = new ArrayDeque<>();
        int calls;

        @Override
        public Uni<Void> signal() {
            return Uni.createFrom().emitter(call -> {
                calls++;
                open.add(call);
            });
        }

        void answer() {
            open.removeFirst().complete(null);
        }

        void fail() {
            open.removeFirst().fail(new IllegalStateException("follower down"));
        }

        @Override
        public void close() {
        }
    }

    private final HeldSignal signal = new HeldSignal();
    private final List<String> warnings = new ArrayList<>();
    private final FollowerNudge.Follower follower = new FollowerNudge.Follower("http://follower/signal", signal,
            warnings::add);

    @Test
    void nudgesDuringACallBecomeOneMoreCallAfterIt() {
        follower.nudge();
        assertEquals(1, signal.calls);
        follower.nudge();
        follower.nudge();
        follower.nudge();
        assertEquals(1, signal.calls, "a second call while one is in flight");
        signal.answer();
        assertEquals(2, signal.calls, "the three nudges meanwhile become one more call");
        signal.answer();
        assertEquals(2, signal.calls, "a call with nothing pending after it");
        follower.nudge();
        assertEquals(3, signal.calls, "the next commit is signalled at once");
    }

    @Test
    void aFollowerThatFailsACallIsNudgedAgainByTheNextCommit() {
        follower.nudge();
        signal.fail();
        assertEquals(1, signal.calls, "a failed call is not retried");
        assertEquals(1, warnings.size());
        follower.nudge();
        assertEquals(2, signal.calls);
    }
}
