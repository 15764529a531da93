package io.pledgewatch.platform.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for the processes a test starts. */
public final class FreePorts {

    /**
     * Below the kernel's ephemeral range (Linux 32768-60999, others from 49152): a port the kernel handed out for
     * "any free port" is also one it may give an outgoing connection as its local port, and between the choice and
     * the service's bind, seconds later, the services already started open connections to PostgreSQL and to each
     * other. In CI that took compliance's port ("Port … seems to be in use").
     */
    private static final int FIRST = 20_000;
    private static final int LAST = 32_767;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    /** Where this JVM starts looking: another JVM running tests beside it most likely starts elsewhere. */
    private static int candidate = FIRST + ThreadLocalRandom.current().nextInt(LAST - FIRST);

    private FreePorts() {
    }

    /**
     * A port free now and never handed out before by this JVM: two services given the same port would have one
     * answer the other's health check (seen in CI).
     */
    public static synchronized int next() {
        for (int tries = 0; tries <= LAST - FIRST; tries++) {
            int port = candidate;
            candidate = candidate == LAST ? FIRST : candidate + 1;
            if (!HANDED_OUT.contains(port) && free(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + LAST);
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
