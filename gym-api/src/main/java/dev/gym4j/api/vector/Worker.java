package dev.gym4j.api.vector;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * One worker thread of a {@link ThreadedVectorEnv}: it owns the sub-envs {@code from .. to-1} and runs
 * two kinds of work for them.
 *
 * <ul>
 * <li>Single requests ({@code send} / {@code recv}): a queue, single-producer (the caller) and
 *     single-consumer (this thread), bounded by the number of sub-envs owned, since each has at most one
 *     request in flight.
 * <li>Whole-block rounds ({@code step} / {@code reset} of every sub-env): one hand-off per worker and
 *     round instead of one per sub-env; the caller bumps {@code roundRequested}, the worker steps its
 *     block and publishes {@code roundDone}.
 * </ul>
 */
final class Worker implements Runnable {

    private final int from;
    private final int to;
    private final int[] ring;
    private final AtomicLong tail = new AtomicLong();
    private final IntConsumer request;
    private final IntConsumer roundWork;
    private long head;
    private long pendingTail;
    private volatile long roundRequested;
    private volatile long roundDone;
    private volatile boolean parked;
    private volatile boolean stopped;
    private volatile Thread waiter;
    private Thread thread;

    /**
     * @param from the first sub-env owned
     * @param to one past the last sub-env owned
     * @param request runs a queued request for one sub-env (and publishes its completion)
     * @param roundWork runs one sub-env's part of a whole-block round
     */
    Worker(int from, int to, IntConsumer request, IntConsumer roundWork) {
        this.from = from;
        this.to = to;
        this.ring = new int[Math.max(1, to - from)];
        this.request = request;
        this.roundWork = roundWork;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    void start(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Caller thread: queue a request for sub-env {@code env} and wake the worker. */
    void submit(int env) {
        enqueue(env);
        publish();
    }

    /** Caller thread: queue a request for sub-env {@code env}; the worker sees it after {@link #publish()}. */
    void enqueue(int env) {
        ring[(int) (pendingTail % ring.length)] = env;
        pendingTail++;
    }

    /** Caller thread: hand the requests queued so far to the worker, in one volatile write. */
    void publish() {
        if (pendingTail != tail.get()) {
            tail.set(pendingTail);
            wake();
        }
    }

    /** Caller thread: start a whole-block round. */
    void startRound() {
        roundRequested = roundRequested + 1;
        wake();
    }

    /** Caller thread: wait until the last round started has finished. */
    void awaitRound() {
        long target = roundRequested;
        int round = 0;
        while (roundDone != target) {
            if (Waiting.backOff(round++, this)) {
                waiter = Thread.currentThread();
                if (roundDone != target && !stopped) {
                    Waiting.park(this);
                }
                waiter = null;
                if (stopped && roundDone != target) {
                    return;
                }
            }
        }
    }

    private void wake() {
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void run() {
        int round = 0;
        while (!stopped) {
            if (head < tail.get()) {
                int env = ring[(int) (head % ring.length)];
                head++;
                request.accept(env);
                round = 0;
            } else if (roundDone != roundRequested) {
                long target = roundRequested;
                for (int env = from; env < to; env++) {
                    roundWork.accept(env);
                }
                roundDone = target;
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
                round = 0;
            } else if (Waiting.backOff(round++, this)) {
                parked = true;
                if (head == tail.get() && roundDone == roundRequested && !stopped) {
                    Waiting.park(this);
                }
                parked = false;
                round = Waiting.SPINS;
            }
        }
    }
}
