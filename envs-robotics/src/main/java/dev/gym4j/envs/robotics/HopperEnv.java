package dev.gym4j.envs.robotics;

import dev.gym4j.Gym;
import dev.gym4j.envs.robotics.internal.physics.BodyModel;
import dev.gym4j.envs.robotics.internal.physics.Capsule;
import dev.gym4j.envs.robotics.internal.physics.Hinge;
import dev.gym4j.envs.robotics.internal.physics.Limb;
import java.util.List;
import java.util.Map;

/**
 * {@code planar/Hopper-v0}: a one-legged planar robot that must hop forward without falling.
 *
 * <h2>Description</h2>
 * Four capsules (torso, thigh, leg, foot) joined by three hinges, with the geometry of Gymnasium's Hopper:
 * the torso's centre starts 1.25 m above the floor. The goal is to move in the +x direction.
 * <b>How it differs from MuJoCo's Hopper-v5:</b> it is simulated by jbox2d (a 2-D impulse solver, float
 * precision) instead of MuJoCo, joint armature is approximated by extra limb inertia, and masses come from
 * 3-D capsules at 1000 kg/m^3, so trajectories, not the shape of the problem, differ; it is deterministic
 * to the bit on every JVM.
 *
 * <h2>Action space</h2>
 * {@code Box(-1, 1, (3,), float32)}: torques, {@code gear * action} with gear 200 N m. Values outside the
 * range are clamped before they reach the motors (as MuJoCo clamps {@code ctrl}).
 * <table>
 * <caption>Actions</caption>
 * <tr><th>index</th><th>joint</th><th>range (rad)</th></tr>
 * <tr><td>0</td><td>thigh (hip)</td><td>[-2.618, 0]</td></tr>
 * <tr><td>1</td><td>leg (knee)</td><td>[-2.618, 0]</td></tr>
 * <tr><td>2</td><td>foot (ankle)</td><td>[-0.785, 0.785]</td></tr>
 * </table>
 * Angles are counter-clockwise positive with x to the right and height up, as MuJoCo's hopper joints (axis -y).
 *
 * <h2>Observation space</h2>
 * {@code Box(-inf, inf, (11,), float64)}; with {@code exclude_current_positions_from_observation=false}
 * the torso x is prepended (12). Velocities are clipped to [-10, 10] as in v5.
 * <table>
 * <caption>Observation</caption>
 * <tr><th>index</th><th>value</th><th>unit</th></tr>
 * <tr><td>0</td><td>torso height z</td><td>m</td></tr>
 * <tr><td>1</td><td>torso angle</td><td>rad</td></tr>
 * <tr><td>2-4</td><td>thigh, leg, foot joint angles</td><td>rad</td></tr>
 * <tr><td>5-6</td><td>torso x and z velocity</td><td>m/s</td></tr>
 * <tr><td>7</td><td>torso angular velocity</td><td>rad/s</td></tr>
 * <tr><td>8-10</td><td>thigh, leg, foot joint speeds</td><td>rad/s</td></tr>
 * </table>
 *
 * <h2>Rewards</h2>
 * <table>
 * <caption>Reward terms (all in {@code info})</caption>
 * <tr><th>term</th><th>info key</th><th>value</th></tr>
 * <tr><td>healthy</td><td>reward_survive</td><td>{@code healthy_reward} while healthy, else 0</td></tr>
 * <tr><td>forward</td><td>reward_forward</td><td>{@code forward_reward_weight * x_velocity}, x velocity of the torso over the step</td></tr>
 * <tr><td>control</td><td>reward_ctrl</td><td>{@code -ctrl_cost_weight * sum(action^2)} (the action as given)</td></tr>
 * </table>
 * {@code info} also holds {@code x_position}, {@code z_distance_from_origin} and {@code x_velocity}.
 *
 * <h2>Starting state</h2>
 * Reference pose plus {@code U(-reset_noise_scale, reset_noise_scale)} on every generalised position
 * (x, z, angle, joints) and velocity, drawn in that order from the env's generator.
 *
 * <h2>Episode end</h2>
 * Terminated (if {@code terminate_when_unhealthy}) when unhealthy: torso z outside {@code healthy_z_range},
 * torso angle outside {@code healthy_angle_range}, or any joint angle or velocity outside
 * {@code healthy_state_range}. Truncated after 1000 steps by {@code Gym.make}'s {@code TimeLimit}.
 * Reward threshold 3000: surviving all 1000 steps (1000) while averaging 2 m/s (2000); Gymnasium's 3800 for
 * MuJoCo is not comparable, the bodies differ.
 *
 * <h2>Arguments</h2>
 * <table>
 * <caption>Keyword arguments</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>frame_skip</td><td>4</td><td>physics steps of 0.002 s per env step (dt 0.008 s)</td></tr>
 * <tr><td>forward_reward_weight</td><td>1.0</td><td>weight of x velocity</td></tr>
 * <tr><td>ctrl_cost_weight</td><td>0.001</td><td>weight of the control cost</td></tr>
 * <tr><td>healthy_reward</td><td>1.0</td><td>reward per healthy step</td></tr>
 * <tr><td>terminate_when_unhealthy</td><td>true</td><td>end the episode when unhealthy</td></tr>
 * <tr><td>healthy_state_range</td><td>(-100, 100)</td><td>range of joint angles and all velocities</td></tr>
 * <tr><td>healthy_z_range</td><td>(0.7, inf)</td><td>range of torso height</td></tr>
 * <tr><td>healthy_angle_range</td><td>(-0.2, 0.2)</td><td>range of torso angle</td></tr>
 * <tr><td>reset_noise_scale</td><td>0.005</td><td>half-width of the reset noise</td></tr>
 * <tr><td>exclude_current_positions_from_observation</td><td>true</td><td>leave torso x out of the observation</td></tr>
 * <tr><td>gravity</td><td>-9.81</td><td>gym4j extra: vertical acceleration in m/s^2 (0 for none)</td></tr>
 * <tr><td>render_mode</td><td>null</td><td>{@code "rgb_array"}: 480x480 side view following the torso</td></tr>
 * </table>
 *
 * <h2>Version history</h2>
 * v0: first version, modelled on Gymnasium's Hopper-v5.
 *
 * <p>Thread safety: not thread-safe, like every env.
 */
public final class HopperEnv extends LocomotionEnv {

    /** The body, built once: records are immutable. */
    static final BodyModel MODEL = new BodyModel(
            List.of(
                    limb("torso", Capsule.solid(0, 1.45, 0, 1.05, 0.05), 1.0, 0x3366cc),
                    limb("thigh", Capsule.solid(0, 1.05, 0, 0.6, 0.05), 1.0, 0xdd8833),
                    limb("leg", Capsule.solid(0, 0.6, 0, 0.1, 0.04), 1.0, 0x44aa55),
                    limb("foot", Capsule.solid(-0.13, 0.1, 0.26, 0.1, 0.06), 1.0, 0xaa3377)),
            List.of(
                    new Hinge("thigh_joint", 0, 1, 0, 1.05, Math.toRadians(-150), 0, 200, 1, 0),
                    new Hinge("leg_joint", 1, 2, 0, 0.6, Math.toRadians(-150), 0, 200, 1, 0),
                    new Hinge("foot_joint", 2, 3, 0, 0.1, Math.toRadians(-45), Math.toRadians(45), 200, 1, 0)),
            true, 0.9, true);

    private static final Spec SPEC = new Spec("Hopper", MODEL, 0.002f, 4, 1.0, 1.0, 1e-3, 1.0,
            new double[] {0.7, Double.POSITIVE_INFINITY}, new double[] {-0.2, 0.2}, new double[] {-100, 100},
            5e-3, false, 10.0, new int[0], false);

    /** Makes the env with its default arguments. */
    public HopperEnv() {
        this(Map.of());
    }

    /**
     * @param kwargs keyword arguments as in the table above
     * @throws dev.gym4j.api.InvalidArgumentException if a kwarg is unknown or has a bad value
     */
    public HopperEnv(Map<String, ?> kwargs) {
        super(SPEC, kwargs);
    }

    static Limb limb(String name, Capsule capsule, double armature, int colour) {
        return new Limb(name, List.of(capsule), armature, colour);
    }
}
