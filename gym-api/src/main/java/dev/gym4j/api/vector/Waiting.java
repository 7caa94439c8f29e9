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
     * How long an idle worker keeps spinning before it parks. A parked worker takes tens of microseconds
     * to wake, by which time the caller has often stepped the whole round itself; a worker that spins
     * through the gap between two rounds (and through the caller's short pauses) is there when the next
     * one opens. Long idle periods (a trainer's own work) still end in a park.
     */
    static final long WORKER_SPIN_NANOS = 100_000;
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
