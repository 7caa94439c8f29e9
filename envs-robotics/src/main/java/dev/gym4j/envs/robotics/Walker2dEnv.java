package dev.gym4j.envs.robotics;

import dev.gym4j.envs.robotics.internal.physics.BodyModel;
import dev.gym4j.envs.robotics.internal.physics.Capsule;
import dev.gym4j.envs.robotics.internal.physics.Hinge;
import java.util.List;
import java.util.Map;

/**
 * {@code planar/Walker2d-v0}: a planar biped (torso and two legs) that must walk forward without falling.
 *
 * <h2>Description</h2>
 * Seven capsules: a torso, and for each leg a thigh, a leg and a foot, with Gymnasium's Walker2d geometry
 * (torso centre 1.25 m up). The two legs share the plane and do not collide with each other.
 * <b>How it differs from MuJoCo's Walker2d-v5:</b> simulated by jbox2d instead of MuJoCo, with joint
 * armature approximated by extra limb inertia and masses from 3-D capsules at 1000 kg/m^3; same shape of
 * problem, different trajectories; deterministic to the bit on every JVM.
 *
 * <h2>Action space</h2>
 * {@code Box(-1, 1, (6,), float32)}: torques {@code 100 N m * action}, clamped to the range.
 * <table>
 * <caption>Actions</caption>
 * <tr><th>index</th><th>joint</th><th>range (rad)</th></tr>
 * <tr><td>0</td><td>right thigh (hip)</td><td>[-2.618, 0]</td></tr>
 * <tr><td>1</td><td>right leg (knee)</td><td>[-2.618, 0]</td></tr>
 * <tr><td>2</td><td>right foot (ankle)</td><td>[-0.785, 0.785]</td></tr>
 * <tr><td>3-5</td><td>left thigh, leg, foot</td><td>as 0-2</td></tr>
 * </table>
 *
 * <h2>Observation space</h2>
 * {@code Box(-inf, inf, (17,), float64)} (18 with torso x): torso height, torso angle, six joint angles
 * (indices 0-7), then torso x and z velocity, torso angular velocity and six joint speeds (8-16), the
 * velocities clipped to [-10, 10] as in v5. Joint order as the actions.
 *
 * <h2>Rewards</h2>
 * <table>
 * <caption>Reward terms (in {@code info})</caption>
 * <tr><th>term</th><th>info key</th><th>value</th></tr>
 * <tr><td>healthy</td><td>reward_survive</td><td>{@code healthy_reward} while healthy, else 0</td></tr>
 * <tr><td>forward</td><td>reward_forward</td><td>{@code forward_reward_weight * x_velocity} of the torso</td></tr>
 * <tr><td>control</td><td>reward_ctrl</td><td>{@code -ctrl_cost_weight * sum(action^2)}</td></tr>
 * </table>
 * {@code info} also holds {@code x_position}, {@code z_distance_from_origin} and {@code x_velocity}.
 *
 * <h2>Starting state</h2>
 * Reference pose plus {@code U(-reset_noise_scale, reset_noise_scale)} on every generalised position and velocity.
 *
 * <h2>Episode end</h2>
 * Terminated (if {@code terminate_when_unhealthy}) when the torso height leaves {@code healthy_z_range} or
 * its angle leaves {@code healthy_angle_range}; truncated after 1000 steps. Reward threshold 4000:
 * surviving all 1000 steps (1000) while averaging 3 m/s (3000).
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
 * <tr><td>healthy_z_range</td><td>(0.8, 2.0)</td><td>range of torso height</td></tr>
 * <tr><td>healthy_angle_range</td><td>(-1, 1)</td><td>range of torso angle</td></tr>
 * <tr><td>reset_noise_scale</td><td>0.005</td><td>half-width of the reset noise</td></tr>
 * <tr><td>exclude_current_positions_from_observation</td><td>true</td><td>leave torso x out of the observation</td></tr>
 * <tr><td>gravity</td><td>-9.81</td><td>gym4j extra: vertical acceleration in m/s^2</td></tr>
 * <tr><td>render_mode</td><td>null</td><td>{@code "rgb_array"}: 480x480 side view following the torso</td></tr>
 * </table>
 *
 * <h2>Version history</h2>
 * v0: first version, modelled on Gymnasium's Walker2d-v5.
 *
 * <p>Thread safety: not thread-safe, like every env.
 */
public final class Walker2dEnv extends LocomotionEnv {

    static final BodyModel MODEL = new BodyModel(
            List.of(
                    HopperEnv.limb("torso", Capsule.solid(0, 1.45, 0, 1.05, 0.05), 1.0, 0x3366cc),
                    HopperEnv.limb("thigh", Capsule.solid(0, 1.05, 0, 0.6, 0.05), 1.0, 0xdd8833),
                    HopperEnv.limb("leg", Capsule.solid(0, 0.6, 0, 0.1, 0.04), 1.0, 0xc0392b),
                    HopperEnv.limb("foot", Capsule.solid(0, 0.1, 0.2, 0.1, 0.06), 1.0, 0x8e2a5e),
                    HopperEnv.limb("thigh_left", Capsule.solid(0, 1.05, 0, 0.6, 0.05), 1.0, 0x9bc46a),
                    HopperEnv.limb("leg_left", Capsule.solid(0, 0.6, 0, 0.1, 0.04), 1.0, 0x4caf9a),
                    HopperEnv.limb("foot_left", Capsule.solid(0, 0.1, 0.2, 0.1, 0.06), 1.0, 0x2e7d8c)),
            List.of(
                    new Hinge("thigh_joint", 0, 1, 0, 1.05, Math.toRadians(-150), 0, 100, 1, 0),
                    new Hinge("leg_joint", 1, 2, 0, 0.6, Math.toRadians(-150), 0, 100, 1, 0),
                    new Hinge("foot_joint", 2, 3, 0, 0.1, Math.toRadians(-45), Math.toRadians(45), 100, 1, 0),
                    new Hinge("thigh_left_joint", 0, 4, 0, 1.05, Math.toRadians(-150), 0, 100, 1, 0),
                    new Hinge("leg_left_joint", 4, 5, 0, 0.6, Math.toRadians(-150), 0, 100, 1, 0),
                    new Hinge("foot_left_joint", 5, 6, 0, 0.1, Math.toRadians(-45), Math.toRadians(45), 100, 1, 0)),
            true, 0.9, true);

    private static final LocomotionEnv.Spec SPEC = new LocomotionEnv.Spec("Walker2d", MODEL, 0.002f, 4, 1.0, 1.0, 1e-3, 1.0,
            new double[] {0.8, 2.0}, new double[] {-1, 1}, null, 5e-3, false, 10.0, new int[0], false);

    /** Makes the env with its default arguments. */
    public Walker2dEnv() {
        this(Map.of());
    }

    /**
     * @param kwargs keyword arguments as in the table above
     * @throws dev.gym4j.api.InvalidArgumentException if a kwarg is unknown or has a bad value
     */
    public Walker2dEnv(Map<String, ?> kwargs) {
        super(SPEC, kwargs);
    }
}
