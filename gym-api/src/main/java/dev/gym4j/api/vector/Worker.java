package dev.gym4j.api.vector;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * One worker thread of a {@link ThreadedVectorEnv}. It runs two kinds of work:
 *
 * <ul>
 * <li>Single requests ({@code send} / {@code recv}) for the sub-envs it owns: a queue, single-producer
 *     (the caller) and single-consumer (this thread), bounded by the number of sub-envs owned, since
 *     each has at most one request in flight.
 * <li>Chunks of a {@link Round} ({@code step} / {@code reset} of every sub-env), claimed from the round
 *     it shares with the caller and the other workers.
 * </ul>
 */
final class Worker implements Runnable {

    private final int[] ring;
    private final AtomicLong tail = new AtomicLong();
    private final IntConsumer request;
    private final Round round;
    private long head;
    private long pendingTail;
    private volatile boolean parked;
    private volatile boolean stopped;
    private Thread thread;

    /**
     * @param ownedEnvs the number of sub-envs whose single requests this worker runs
     * @param request runs a queued request for one sub-env (and publishes its completion)
     * @param round the round this worker helps with, or null for a worker that only runs single
     *     requests (worker 0, whose place in a round the calling thread takes)
     */
    Worker(int ownedEnvs, IntConsumer request, Round round) {
        this.ring = new int[Math.max(1, ownedEnvs)];
        this.request = request;
        this.round = round;
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

    /** Any thread: unparks the worker if it is parked. */
    void wake() {
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
        int idle = 0;
        long idleSince = 0;
        while (!stopped) {
            if (head < tail.get()) {
                int env = ring[(int) (head % ring.length)];
                head++;
                request.accept(env);
                idle = 0;
            } else if (round != null && round.available()) {
                round.help();
                idle = 0;
            } else if (idle++ == 0) {
                idleSince = System.nanoTime();
            } else if ((idle & 63) != 0 || System.nanoTime() - idleSince < Waiting.WORKER_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                parked = true;
                if (head == tail.get() && (round == null || !round.available()) && !stopped) {
                    Waiting.park(this);
                }
                parked = false;
                idle = 0;
            }
        }
    }
}
