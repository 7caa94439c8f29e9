package dev.gym4j.worker.cli;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.registry.EnvProvider;
import dev.gym4j.testkit.fixtures.ClippedWalkEnv;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Registers the command-line tests' envs. */
public final class CliTestEnvProvider implements EnvProvider {
    static final String WALK = "clitest/Walk-v0";
    static final String BROKEN = "clitest/BrokenWalk-v0";
    /** An env whose own thread fails with an {@code Error} once it is made (see {@link ClippedWalkEnv}). */
    public static final String FATAL = "clitest/FatalWalk-v0";

    @Override
    public Collection<EnvSpec> specs() {
        return List.of(
                EnvSpec.of(WALK, ClippedWalkEnv.class.getName(), ClippedWalkEnv::new, 20, 10.0),
                new EnvSpec(BROKEN, ClippedWalkEnv.class.getName(), ClippedWalkEnv::new, 20, null, false, Map.of("broken", true), true, false),
                new EnvSpec(FATAL, ClippedWalkEnv.class.getName(), ClippedWalkEnv::new, 20, null, false, Map.of("fatal", true), true, false));
    }
}
