package dev.gym4j.envs.tracker;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.registry.EnvProvider;
import java.util.Collection;
import java.util.List;

/**
 * Registers {@code tracker/ObjectTracker-v0} ({@link ObjectTrackerEnv}) with the original's time limit of 1000
 * steps and reward threshold 200 (the RoboMaker sample's {@code RoboMaker-ObjectTracker-v0} registration).
 *
 * <p>Immutable and thread-safe.
 */
public final class TrackerEnvProvider implements EnvProvider {

    private static final List<EnvSpec> SPECS = List.of(
            EnvSpec.of("tracker/ObjectTracker-v0", ObjectTrackerEnv.class.getName(), ObjectTrackerEnv::fromKwargs, 1000, 200.0));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public TrackerEnvProvider() {
    }

    @Override
    public Collection<EnvSpec> specs() {
        return SPECS;
    }
}
