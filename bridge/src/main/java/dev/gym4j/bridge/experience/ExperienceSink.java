package dev.gym4j.bridge.experience;

import java.time.Duration;

/**
 * The worker's end of an experience transport: trajectories go in, and each is kept until the receiving side
 * has acknowledged it (at-least-once delivery; the receiver de-duplicates by {@link Trajectory#key()}).
 *
 * <p>Implementations: in-memory ({@link InMemoryExperience}), ZeroMQ and Redis Streams, chosen by URI with
 * {@code ExperienceTransports}. Thread safety: {@link #send} and {@link #flush} may be called from one thread at a
 * time; {@link #unacknowledged()} and {@link #close()} from any thread.
 */
public interface ExperienceSink extends AutoCloseable {

    /**
     * Hands a trajectory to the transport. Blocks while the bounded send buffer is full (a slow consumer makes
     * the worker wait; nothing is dropped).
     *
     * @param trajectory the fragment; its sequence must be the previous one plus one
     * @throws InterruptedException if interrupted while waiting for room
     * @throws ExperienceException if the transport has failed or is closed
     */
    void send(Trajectory trajectory) throws InterruptedException;

    /**
     * Waits until everything sent has been acknowledged by the receiver.
     *
     * @param timeout how long to wait
     * @return whether everything was acknowledged in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean flush(Duration timeout) throws InterruptedException;

    /** @return the number of trajectories sent but not yet acknowledged */
    int unacknowledged();

    /** Releases the transport; trajectories not yet acknowledged are not lost where the transport persists them. */
    @Override
    void close();
}
