package dev.gym4j.api.registry;

import java.util.Map;

/**
 * A scripted policy that an env module ships for one of its envs: a controller written by hand (not learned), for
 * demonstrations, videos, baselines and tests. Found by env id through {@link Experts}.
 *
 * <p>An expert may read privileged state from {@code info} (for example poses that a camera observation does not
 * show), so it is given both the observation and the info of the {@code reset} or {@code step} that produced it.
 *
 * <p>Thread safety: an expert may keep state between calls (one episode at a time); use one instance per env and
 * one thread at a time. Call {@link #reset()} at the start of each episode.
 */
public interface ExpertPolicy {

    /**
     * @param observation the env's latest observation (from {@code reset} or {@code step}), not modified
     * @param info the info that came with it
     * @return an action in the env's action space (for {@code Discrete} an {@code Integer}, for a float {@code Box}
     *     a {@code float[]})
     * @throws IllegalStateException if the observation or info lacks what the expert needs (the message says what)
     */
    Object act(Object observation, Map<String, ?> info);

    /** Forgets any state of the previous episode; the default does nothing (a stateless expert). */
    default void reset() {
    }
}
