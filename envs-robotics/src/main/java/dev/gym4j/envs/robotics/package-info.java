/**
 * Planar rigid-body envs on jbox2d, registered under {@code planar/}: {@link dev.gym4j.envs.robotics.ReacherEnv},
 * {@link dev.gym4j.envs.robotics.HopperEnv}, {@link dev.gym4j.envs.robotics.Walker2dEnv},
 * {@link dev.gym4j.envs.robotics.HalfCheetahEnv} and {@link dev.gym4j.envs.robotics.HumanoidEnv}, shaped like
 * Gymnasium's MuJoCo v5 envs (observations, actions, reward terms, termination, kwargs, info keys).
 *
 * <p>Every trajectory is a function of the seed and the actions only, bit for bit on every JVM: Java 17
 * floating point is strict, jbox2d's lookup-table trigonometry is switched off, each episode gets a fresh
 * physics world built in a fixed order, and no unseeded randomness is used.
 */
package dev.gym4j.envs.robotics;
