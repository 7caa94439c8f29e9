package dev.gym4j.bridge.experience;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An experience channel and policy store inside one process: the transport of {@code gym4j train}'s embedded
 * workers, with the same contract as the ZeroMQ and Redis transports (bounded buffer that blocks senders,
 * exactly-once delivery by (worker, sequence), acknowledgement, monotonic policy versions).
 *
 * <p>Thread-safe: any number of sinks (from {@link #sink()}) on any threads feed the one {@link #source()}.
 */
public final class InMemoryExperience implements PolicyStore {

    private final int capacity;
    private final ArrayDeque<Trajectory> queue = new ArrayDeque<>();
    private final Set<Trajectory.Key> delivered = new HashSet<>();
    private final Map<String, Long> inFlightByWorker = new HashMap<>();
    private final Map<String, PolicyVersion> latest = new HashMap<>();
    private final Map<String, Long> minimum = new HashMap<>();
    private boolean closed;

    /**
     * @param capacity the most trajectories held, sent but not yet acknowledged, before senders block ({@code >= 1})
     */
    public InMemoryExperience(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** @return a new sink feeding this channel */
    public ExperienceSink sink() {
        return new Sink();
    }

    /** @return the channel's consuming end (the same object each call) */
    public ExperienceSource source() {
        return source;
    }

    private final ExperienceSource source = new ExperienceSource() {
        @Override
        public Optional<Trajectory> poll(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (InMemoryExperience.this) {
                while (true) {
                    checkOpen();
                    Trajectory t = queue.poll();
                    if (t != null) {
                        if (delivered.add(t.key())) {
                            InMemoryExperience.this.notifyAll();
                            return Optional.of(t);
                        }
                        release(t);
                        continue;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    InMemoryExperience.this.wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        @Override
        public void acknowledge(Trajectory trajectory) {
            synchronized (InMemoryExperience.this) {
                release(trajectory);
            }
        }

        @Override
        public void close() {
            InMemoryExperience.this.close();
        }
    };

    private void release(Trajectory t) {
        inFlightByWorker.merge(t.workerId(), -1L, Long::sum);
        notifyAll();
    }

    private long inFlight() {
        long n = 0;
        for (long v : inFlightByWorker.values()) {
            n += v;
        }
        return n;
    }

    private void checkOpen() {
        if (closed) {
            throw new ExperienceException("the in-memory experience channel is closed");
        }
    }

    @Override
    public synchronized void publish(PolicyVersion policy) {
        checkOpen();
        PolicyVersion current = latest.get(policy.experiment());
        if (current != null && policy.version() <= current.version()) {
            throw new ExperienceException("policy version " + policy.version() + " of experiment '"
                    + policy.experiment() + "' is not newer than the latest, " + current.version());
        }
        latest.put(policy.experiment(), policy);
        notifyAll();
    }

    @Override
    public synchronized Optional<PolicyVersion> latest(String experiment) {
        return Optional.ofNullable(latest.get(experiment));
    }

    @Override
    public synchronized Optional<PolicyVersion> awaitNewer(String experiment, long afterVersion, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            checkOpen();
            PolicyVersion p = latest.get(experiment);
            if (p != null && p.version() > afterVersion) {
                return Optional.of(p);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public synchronized void setMinimumVersion(String experiment, long version) {
        minimum.merge(experiment, version, Math::max);
        notifyAll();
    }

    @Override
    public synchronized long minimumVersion(String experiment) {
        return minimum.getOrDefault(experiment, 0L);
    }

    /** Closes the channel: blocked senders and pollers fail with an {@link ExperienceException}. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    private final class Sink implements ExperienceSink {
        private final Map<String, Long> nextSequence = new HashMap<>();

        @Override
        public void send(Trajectory t) throws InterruptedException {
            synchronized (InMemoryExperience.this) {
                long expected = nextSequence.getOrDefault(t.workerId(), t.sequence());
                if (t.sequence() != expected) {
                    throw new ExperienceException("worker '" + t.workerId() + "' sent sequence " + t.sequence()
                            + ", expected " + expected);
                }
                while (!closed && inFlight() >= capacity) {
                    InMemoryExperience.this.wait();
                }
                checkOpen();
                queue.add(t);
                inFlightByWorker.merge(t.workerId(), 1L, Long::sum);
                nextSequence.put(t.workerId(), t.sequence() + 1);
                InMemoryExperience.this.notifyAll();
            }
        }

        @Override
        public boolean flush(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (InMemoryExperience.this) {
                while (unackedOfThisSink() > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || closed) {
                        return false;
                    }
                    InMemoryExperience.this.wait(Math.max(1, left / 1_000_000));
                }
                return true;
            }
        }

        private long unackedOfThisSink() {
            long n = 0;
            for (String w : nextSequence.keySet()) {
                n += inFlightByWorker.getOrDefault(w, 0L);
            }
            return n;
        }

        @Override
        public int unacknowledged() {
            synchronized (InMemoryExperience.this) {
                return (int) unackedOfThisSink();
            }
        }

        @Override
        public void close() {
            // Nothing of its own to release: the channel belongs to its creator.
        }
    }
}
