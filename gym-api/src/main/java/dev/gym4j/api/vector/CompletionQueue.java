package dev.gym4j.api.vector;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The sub-env ids that finished, in the order they finished: many worker threads publish, the one
 * caller thread takes. Bounded by the number of sub-envs, since each sub-env has at most one request
 * in flight. Thread-safe for that pattern only.
 */
final class CompletionQueue {

    private final int[] ids;
    private final AtomicLongArray published;
    private final AtomicLong tail = new AtomicLong();
    private long head;
    private volatile Thread waiter;

    CompletionQueue(int capacity) {
        ids = new int[capacity];
        published = new AtomicLongArray(capacity);
    }

    /** Called by a worker thread when sub-env {@code id} has finished. */
    void publish(int id) {
        long position = tail.getAndIncrement();
        int i = (int) (position % ids.length);
        ids[i] = id;
        published.set(i, position + 1);
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * Waits for the next finished sub-env; only the caller thread calls this.
     *
     * @param closed tells whether the vector env was closed meanwhile
     * @return its id, or -1 if the env was closed while waiting
     */
    int take(java.util.function.BooleanSupplier closed) {
        int i = (int) (head % ids.length);
        long expected = head + 1;
        int round = 0;
        while (published.get(i) != expected) {
            if (Waiting.backOff(round++, this)) {
                waiter = Thread.currentThread();
                if (published.get(i) != expected) {
                    if (closed.getAsBoolean()) {
                        waiter = null;
                        return -1;
                    }
                    Waiting.park(this);
                }
                waiter = null;
            }
        }
        head++;
        return ids[i];
    }
}
