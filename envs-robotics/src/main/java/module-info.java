/**
 * gym4j's planar robotics envs (Reacher, Hopper, Walker2d, HalfCheetah, Humanoid) on jbox2d. jbox2d stays
 * behind {@code dev.gym4j.envs.robotics.internal.physics}: no jbox2d type appears in an exported signature.
 */
module dev.gym4j.envs.robotics {
    requires transitive dev.gym4j.api;
    requires jbox2d.library;
    requires java.desktop;

    exports dev.gym4j.envs.robotics;

    provides dev.gym4j.api.registry.EnvProvider with dev.gym4j.envs.robotics.RoboticsEnvProvider;
}
