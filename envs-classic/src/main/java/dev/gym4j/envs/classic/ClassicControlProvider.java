package dev.gym4j.envs.classic;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.registry.EnvProvider;
import java.util.Collection;
import java.util.List;

/**
 * Registers the classic-control envs with Gymnasium's ids, time limits and reward thresholds:
 * <table>
 * <caption>Registered ids</caption>
 * <tr><th>id</th><th>env</th><th>max_episode_steps</th><th>reward_threshold</th></tr>
 * <tr><td>{@code CartPole-v0}</td><td>{@link CartPoleEnv}</td><td>200</td><td>195.0</td></tr>
 * <tr><td>{@code CartPole-v1}</td><td>{@link CartPoleEnv}</td><td>500</td><td>475.0</td></tr>
 * <tr><td>{@code MountainCar-v0}</td><td>{@link MountainCarEnv}</td><td>200</td><td>-110.0</td></tr>
 * <tr><td>{@code MountainCarContinuous-v0}</td><td>{@link MountainCarContinuousEnv}</td><td>999</td>
 *     <td>90.0</td></tr>
 * <tr><td>{@code Pendulum-v1}</td><td>{@link PendulumEnv}</td><td>200</td><td>none</td></tr>
 * <tr><td>{@code Acrobot-v1}</td><td>{@link AcrobotEnv}</td><td>500</td><td>-100.0</td></tr>
 * </table>
 * Found by {@link java.util.ServiceLoader} on the module path ({@code provides} in {@code module-info}) and on
 * the class path ({@code META-INF/services}).
 *
 * <p>Immutable and thread-safe.
 */
public final class ClassicControlProvider implements EnvProvider {

    private static final List<EnvSpec> SPECS = List.of(
            EnvSpec.of("CartPole-v0", CartPoleEnv.class.getName(), CartPoleEnv::fromKwargs, 200, 195.0),
            EnvSpec.of("CartPole-v1", CartPoleEnv.class.getName(), CartPoleEnv::fromKwargs, 500, 475.0),
            EnvSpec.of("MountainCar-v0", MountainCarEnv.class.getName(), MountainCarEnv::fromKwargs, 200, -110.0),
            EnvSpec.of("MountainCarContinuous-v0", MountainCarContinuousEnv.class.getName(),
                    MountainCarContinuousEnv::fromKwargs, 999, 90.0),
            EnvSpec.of("Pendulum-v1", PendulumEnv.class.getName(), PendulumEnv::fromKwargs, 200, null),
            EnvSpec.of("Acrobot-v1", AcrobotEnv.class.getName(), AcrobotEnv::fromKwargs, 500, -100.0));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ClassicControlProvider() {
    }

    @Override
    public Collection<EnvSpec> specs() {
        return SPECS;
    }
}
