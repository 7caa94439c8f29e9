package dev.gym4j.envs.tracker;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.registry.ExpertPolicy;
import dev.gym4j.api.registry.ExpertProvider;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.util.Set;

/**
 * Offers the object tracker's scripted bearing follower ({@link TrackerExpert}) as the expert of
 * {@code tracker/ObjectTracker-v0}, for every observation kind and both action spaces.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrackerExpertProvider implements ExpertProvider {

    static final String ID = "tracker/ObjectTracker-v0";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public TrackerExpertProvider() {
    }

    @Override
    public Set<String> envIds() {
        return Set.of(ID);
    }

    @Override
    public ExpertPolicy create(String envId, Space<?> observationSpace, Space<?> actionSpace) {
        if (!ID.equals(envId)) {
            throw new InvalidArgumentException("TrackerExpertProvider has an expert for " + ID + " only, not '" + envId + "'");
        }
        if (actionSpace instanceof Discrete d && d.n() == 5 && d.start() == 0) {
            return new TrackerExpert(false);
        }
        if (actionSpace instanceof Box) {
            return new TrackerExpert(true);
        }
        throw new InvalidArgumentException("the tracker expert acts in Discrete(5) or the continuous Box, not " + actionSpace);
    }
}
