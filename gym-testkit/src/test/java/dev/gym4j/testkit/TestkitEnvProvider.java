package dev.gym4j.testkit;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.registry.EnvProvider;
import dev.gym4j.testkit.fixtures.GridWalkEnv;
import java.util.Collection;
import java.util.List;

/** Registers the testkit's test env through ServiceLoader (see META-INF/services in the test resources). */
public final class TestkitEnvProvider implements EnvProvider {
    /** The id {@link GridWalkEnv} is registered under. */
    static final String GRID_WALK = "testkit/GridWalk-v0";

    @Override
    public Collection<EnvSpec> specs() {
        return List.of(EnvSpec.of(GRID_WALK, GridWalkEnv.class.getName(), GridWalkEnv::new, 50, 0.5));
    }
}
