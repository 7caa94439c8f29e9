package dev.gym4j.api.vector;

import java.util.concurrent.locks.LockSupport;

/**
 * The back-off the threaded vector env's threads use while waiting for each other: a short busy spin
 * (a hand-off is usually microseconds away), then yields (so that on a machine with few cores the
 * thread being waited for can run), then parking until unparked.
 */
final class Waiting {

    static final int SPINS = 200;

    /**
     * How long an idle worker keeps spinning (at least 64 spins) before it parks. Short on purpose: on a
     * machine whose cores are shared with other work, a spinning worker takes the core the caller or
     * another worker needs (measured on the project's loaded 2-core machine: 100 us of spinning cut Acrobot
     * throughput several times, while parking at once gave 2 threads 1.2 times 1 thread). A round never
     * waits for a worker that is not awake (see {@code Round}), so a parked worker costs little.
     */
    static final long WORKER_SPIN_NANOS = 2_000;
    static final int YIELDS = 20;

    private Waiting() {
    }

    /**
     * @param round how many times the caller has waited for the same condition so far
     * @param blocker the park blocker, for thread dumps
     * @return true if the caller should now publish that it parks and park (via {@link #park})
     */
    static boolean backOff(int round, Object blocker) {
        if (round < SPINS) {
            Thread.onSpinWait();
            return false;
        }
        if (round < SPINS + YIELDS) {
            Thread.yield();
            return false;
        }
        return true;
    }

    static void park(Object blocker) {
        LockSupport.park(blocker);
    }
}
