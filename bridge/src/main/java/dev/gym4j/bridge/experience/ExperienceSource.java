package dev.gym4j.bridge.experience;

import java.time.Duration;
import java.util.Optional;

/**
 * The trainer's end of an experience transport: yields each trajectory of its experiment exactly once,
 * de-duplicated by {@link Trajectory#key()}, and acknowledges what has been consumed so that producers may
 * forget it.
 *
 * <p>Thread safety: one consuming thread at a time; {@link #close()} from any thread.
 */
public interface ExperienceSource extends AutoCloseable {

    /**
     * Waits for the next trajectory not seen before.
     *
     * @param timeout how long to wait
     * @return the trajectory, or empty if none arrived in time
     * @throws InterruptedException if interrupted while waiting
     * @throws ExperienceException if the transport has failed or is closed
     */
    Optional<Trajectory> poll(Duration timeout) throws InterruptedException;

    /**
     * Acknowledges a trajectory returned by {@link #poll}: it has been consumed and will not be delivered again.
     *
     * @param trajectory a trajectory this source returned
     */
    void acknowledge(Trajectory trajectory);

    @Override
    void close();
}
