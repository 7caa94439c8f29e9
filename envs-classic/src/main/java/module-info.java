/**
 * The five classic-control envs of Gymnasium (CartPole, MountainCar, MountainCarContinuous, Acrobot and
 * Pendulum), computing step for step what Gymnasium 1.4.0 computes, with Java2D {@code rgb_array} rendering.
 * They register themselves with {@code Gym.make} through {@link java.util.ServiceLoader}.
 */
module dev.gym4j.envs.classic {
    requires transitive dev.gym4j.api;
    requires java.desktop;

    exports dev.gym4j.envs.classic;

    provides dev.gym4j.api.registry.EnvProvider with dev.gym4j.envs.classic.ClassicControlProvider;
}
