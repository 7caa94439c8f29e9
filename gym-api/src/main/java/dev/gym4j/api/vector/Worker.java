package dev.gym4j.api.vector;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * One worker thread of a {@link ThreadedVectorEnv}: it owns a fixed set of sub-envs and runs the
 * requests the caller queues for them, in order. The queue is single-producer (the caller) and
 * single-consumer (this thread), bounded by the number of sub-envs owned, since each has at most one
 * request in flight.
 */
final class Worker implements Runnable {

    private final int[] ring;
    private final AtomicLong tail = new AtomicLong();
    private final IntConsumer process;
    private long head;
    private volatile boolean parked;
    private volatile boolean stopped;
    private Thread thread;

    Worker(int ownedEnvs, IntConsumer process) {
        this.ring = new int[Math.max(1, ownedEnvs)];
        this.process = process;
    }

    void start(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by the caller thread: queue a request for sub-env {@code env}. */
    void submit(int env) {
        long t = tail.get();
        ring[(int) (t % ring.length)] = env;
        tail.set(t + 1);
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
                process.accept(env);
                round = 0;
            } else if (Waiting.backOff(round++, this)) {
                parked = true;
                if (head == tail.get() && !stopped) {
                    Waiting.park(this);
                }
                parked = false;
            }
        }
    }
}
