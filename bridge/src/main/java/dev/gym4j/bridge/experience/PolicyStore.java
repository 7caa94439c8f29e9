package dev.gym4j.bridge.experience;

import java.time.Duration;
import java.util.Optional;

/**
 * Where policy versions are published by a trainer and picked up by workers: versions per experiment are
 * strictly increasing, the latest is always findable (a late worker still gets it), and the store may name the
 * oldest version a worker may still act with.
 *
 * <p>Implementations: in-memory ({@link InMemoryExperience}), a directory (atomic writes, index last), Redis and
 * ZeroMQ, chosen by URI with {@code PolicyStores}. Thread-safe.
 */
public interface PolicyStore extends AutoCloseable {

    /**
     * Publishes a version.
     *
     * @param policy the version; its number must exceed the latest published one of its experiment
     * @throws ExperienceException if the version is not newer than the latest, or the store fails
     */
    void publish(PolicyVersion policy);

    /**
     * The latest version of an experiment.
     *
     * @param experiment the experiment
     * @return the latest version, or empty if none was published
     */
    Optional<PolicyVersion> latest(String experiment);

    /**
     * Waits for a version newer than {@code afterVersion}.
     *
     * @param experiment the experiment
     * @param afterVersion the version the caller has ({@code 0} for none)
     * @param timeout how long to wait
     * @return the latest version if it is newer than {@code afterVersion}, or empty on time-out
     * @throws InterruptedException if interrupted while waiting
     */
    Optional<PolicyVersion> awaitNewer(String experiment, long afterVersion, Duration timeout)
            throws InterruptedException;

    /**
     * Sets the oldest version workers of an experiment may still act with (on-policy training sets it to the
     * latest; a bounded policy lag of {@code k} sets it to {@code latest - k}).
     *
     * @param experiment the experiment
     * @param version the oldest usable version
     */
    void setMinimumVersion(String experiment, long version);

    /**
     * @param experiment the experiment
     * @return the oldest usable version ({@code 0} when none was set)
     */
    long minimumVersion(String experiment);

    @Override
    void close();
}
