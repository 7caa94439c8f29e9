package dev.gym4j.api.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * One {@code step} or {@code reset} of every sub-env of a {@link ThreadedVectorEnv}, shared out in
 * chunks that the calling thread and the workers claim as they come. Nobody waits for a thread that
 * has not started yet: if a worker is slow to wake (a loaded machine), the caller steps the chunks
 * itself, and the round costs about what a {@link SyncVectorEnv} step costs; when every thread runs,
 * the work splits between them.
 *
 * <p>Which thread steps a sub-env changes from round to round, which is safe and does not change any
 * result: a sub-env is stepped by one thread at a time, claims and completions go through atomics, so
 * each step happens-after the sub-env's previous one, and a sub-env's trajectory depends only on its own
 * state, seed and actions.
 *
 * <p>Thread safety: {@link #run} by the one calling thread; {@link #help} and {@link #available} by any
 * thread.
 */
final class Round {

    private final int size;
    private final int chunk;
    private final IntConsumer work;
    /** The round's generation in the high 32 bits and the next unclaimed index in the low 32 bits. */
    private final AtomicLong claim;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Thread waiter;
    private long generation;

    /**
     * @param size the number of sub-envs
     * @param threads the threads that will share a round
     * @param work steps one sub-env (and records its failure itself; it must not throw)
     */
    Round(int size, int threads, IntConsumer work) {
        this.size = size;
        this.chunk = Math.max(1, size / (threads * 4));
        this.work = work;
        this.claim = new AtomicLong(size);
    }

    /** @return whether a round is under way with chunks left to claim */
    boolean available() {
        return (int) claim.get() < size;
    }

    /** Claims and runs chunks until none is left; any thread. */
    void help() {
        while (true) {
            long c = claim.get();
            int next = (int) c;
            if (next >= size) {
                return;
            }
            int end = Math.min(size, next + chunk);
            if (claim.compareAndSet(c, (c & 0xFFFF_FFFF_0000_0000L) | end)) {
                for (int env = next; env < end; env++) {
                    work.accept(env);
                }
                if (finished.addAndGet(end - next) == size) {
                    Thread w = waiter;
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                }
            }
        }
    }

    /**
     * Runs a round: opens it, wakes the workers, helps, and waits for the chunks others claimed.
     *
     * @param wakeWorkers wakes parked workers so that they help
     * @param closed whether the env was closed (then the wait gives up)
     */
    void run(Runnable wakeWorkers, java.util.function.BooleanSupplier closed) {
        generation++;
        finished.set(0);
        claim.set(generation << 32);
        wakeWorkers.run();
        help();
        int round = 0;
        while (finished.get() != size) {
            if (Waiting.backOff(round++, this)) {
                waiter = Thread.currentThread();
                if (finished.get() != size && !closed.getAsBoolean()) {
                    Waiting.park(this);
                }
                waiter = null;
                if (closed.getAsBoolean()) {
                    return;
                }
            }
        }
    }
}
