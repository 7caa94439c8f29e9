package dev.gym4j.envs.robotics;

import dev.gym4j.envs.robotics.internal.physics.BodyModel;
import dev.gym4j.envs.robotics.internal.physics.Capsule;
import dev.gym4j.envs.robotics.internal.physics.Hinge;
import dev.gym4j.envs.robotics.internal.physics.Limb;
import java.util.List;
import java.util.Map;

/**
 * {@code planar/Humanoid-v0}: a humanoid-like biped seen from the side that must walk forward without falling.
 *
 * <h2>Description</h2>
 * Twelve capsules: a torso with a head (the root), a pelvis on an abdomen joint, two legs (thigh, shin,
 * foot) on the pelvis and two arms (upper, lower) on the torso, about 1.7 m tall and 43 kg. Left and right
 * limbs share the plane and do not collide with each other.
 * <b>How it differs from MuJoCo's Humanoid-v5:</b> it is planar (MuJoCo's humanoid is 3-D with 17 actuators
 * and a 348-value observation of inertias and contact forces), so it has 11 actuators, a compact
 * observation with foot contacts, and no contact cost; reward weights, health range and control range are v5's.
 *
 * <h2>Action space</h2>
 * {@code Box(-0.4, 0.4, (11,), float32)}, as v5's range, clamped; torque {@code gear * action}:
 * <table>
 * <caption>Actions</caption>
 * <tr><th>index</th><th>joint</th><th>gear (N m)</th><th>range (rad)</th></tr>
 * <tr><td>0</td><td>abdomen (pelvis vs torso)</td><td>100</td><td>[-0.8, 0.6]</td></tr>
 * <tr><td>1</td><td>right hip</td><td>300</td><td>[-0.6, 1.8]</td></tr>
 * <tr><td>2</td><td>right knee</td><td>200</td><td>[-2.5, 0]</td></tr>
 * <tr><td>3</td><td>right ankle</td><td>100</td><td>[-0.8, 0.8]</td></tr>
 * <tr><td>4-6</td><td>left hip, knee, ankle</td><td>as 1-3</td><td>as 1-3</td></tr>
 * <tr><td>7</td><td>right shoulder</td><td>25</td><td>[-1.5, 2.5]</td></tr>
 * <tr><td>8</td><td>right elbow</td><td>25</td><td>[-0.1, 2.5]</td></tr>
 * <tr><td>9, 10</td><td>left shoulder, elbow</td><td>as 7, 8</td><td>as 7, 8</td></tr>
 * </table>
 * Angles are counter-clockwise positive with the humanoid facing +x: positive hip and shoulder angles
 * swing the limb forward, negative knee angles bend the knee.
 *
 * <h2>Observation space</h2>
 * {@code Box(-inf, inf, (29,), float64)} (30 with torso x):
 * <table>
 * <caption>Observation</caption>
 * <tr><th>index</th><th>value</th><th>unit</th></tr>
 * <tr><td>0</td><td>torso height z</td><td>m</td></tr>
 * <tr><td>1</td><td>torso angle</td><td>rad</td></tr>
 * <tr><td>2-12</td><td>joint angles, in action order</td><td>rad</td></tr>
 * <tr><td>13-14</td><td>torso x and z velocity</td><td>m/s</td></tr>
 * <tr><td>15</td><td>torso angular velocity</td><td>rad/s</td></tr>
 * <tr><td>16-26</td><td>joint speeds, in action order</td><td>rad/s</td></tr>
 * <tr><td>27, 28</td><td>right and left foot touching the ground (1 or 0)</td><td>-</td></tr>
 * </table>
 *
 * <h2>Rewards</h2>
 * <table>
 * <caption>Reward terms (in {@code info})</caption>
 * <tr><th>term</th><th>info key</th><th>value</th></tr>
 * <tr><td>healthy</td><td>reward_survive</td><td>{@code healthy_reward} while healthy, else 0</td></tr>
 * <tr><td>forward</td><td>reward_forward</td><td>{@code forward_reward_weight * x_velocity}, x velocity of the centre of mass</td></tr>
 * <tr><td>control</td><td>reward_ctrl</td><td>{@code -ctrl_cost_weight * sum(action^2)}</td></tr>
 * </table>
 * {@code info} also holds {@code x_position} (torso), {@code z_distance_from_origin} and {@code x_velocity}.
 *
 * <h2>Starting state</h2>
 * Standing pose plus {@code U(-reset_noise_scale, reset_noise_scale)} on every generalised position and velocity.
 *
 * <h2>Episode end</h2>
 * Terminated (if {@code terminate_when_unhealthy}) when the torso height leaves {@code healthy_z_range}
 * (or its angle leaves {@code healthy_angle_range}, unbounded by default);
 * truncated after 1000 steps. Reward threshold 6000: surviving all 1000 steps (5000) while the centre of
 * mass averages 0.8 m/s (1000), the bar RLlib's tuned Humanoid examples stop at.
 *
 * <h2>Arguments</h2>
 * <table>
 * <caption>Keyword arguments</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>frame_skip</td><td>6</td><td>physics steps of 0.0025 s per env step (dt 0.015 s)</td></tr>
 * <tr><td>forward_reward_weight</td><td>1.25</td><td>weight of x velocity</td></tr>
 * <tr><td>ctrl_cost_weight</td><td>0.1</td><td>weight of the control cost</td></tr>
 * <tr><td>healthy_reward</td><td>5.0</td><td>reward per healthy step</td></tr>
 * <tr><td>terminate_when_unhealthy</td><td>true</td><td>end the episode when unhealthy</td></tr>
 * <tr><td>healthy_z_range</td><td>(1.0, 2.0)</td><td>range of torso height</td></tr>
 * <tr><td>healthy_angle_range</td><td>(-inf, inf)</td><td>range of torso angle (gym4j extra; v5's Humanoid has none)</td></tr>
 * <tr><td>reset_noise_scale</td><td>0.01</td><td>half-width of the reset noise</td></tr>
 * <tr><td>exclude_current_positions_from_observation</td><td>true</td><td>leave torso x out of the observation</td></tr>
 * <tr><td>gravity</td><td>-9.81</td><td>gym4j extra: vertical acceleration in m/s^2</td></tr>
 * <tr><td>render_mode</td><td>null</td><td>{@code "rgb_array"}: 480x480 side view following the torso</td></tr>
 * </table>
 *
 * <h2>Version history</h2>
 * v0: first version, modelled on Gymnasium's Humanoid-v5.
 *
 * <p>Thread safety: not thread-safe, like every env.
 */
public final class HumanoidEnv extends LocomotionEnv {

    private static final double ARMATURE = 0.1;
    /** The feet, whose ground contacts end the observation. */
    static final int RIGHT_FOOT = 4;
    static final int LEFT_FOOT = 7;

    static final BodyModel MODEL = new BodyModel(
            List.of(
                    new Limb("torso", List.of(Capsule.solid(0, 1.45, 0, 1.1, 0.07), Capsule.solid(0, 1.6, 0, 1.6, 0.09)),
                            ARMATURE, 0x3366cc),
                    HopperEnv.limb("pelvis", Capsule.solid(0, 1.04, 0, 0.92, 0.08), ARMATURE, 0x2b4f8f),
                    HopperEnv.limb("thigh_right", Capsule.solid(0, 0.9, 0, 0.5, 0.06), ARMATURE, 0xdd8833),
                    HopperEnv.limb("shin_right", Capsule.solid(0, 0.5, 0, 0.12, 0.05), ARMATURE, 0xc0392b),
                    HopperEnv.limb("foot_right", Capsule.solid(-0.05, 0.07, 0.17, 0.07, 0.05), ARMATURE, 0x8e2a5e),
                    HopperEnv.limb("thigh_left", Capsule.solid(0, 0.9, 0, 0.5, 0.06), ARMATURE, 0x9bc46a),
                    HopperEnv.limb("shin_left", Capsule.solid(0, 0.5, 0, 0.12, 0.05), ARMATURE, 0x4caf9a),
                    HopperEnv.limb("foot_left", Capsule.solid(-0.05, 0.07, 0.17, 0.07, 0.05), ARMATURE, 0x2e7d8c),
                    HopperEnv.limb("upper_arm_right", Capsule.solid(0, 1.4, 0, 1.13, 0.04), ARMATURE, 0xe0b030),
                    HopperEnv.limb("lower_arm_right", Capsule.solid(0, 1.13, 0, 0.88, 0.035), ARMATURE, 0xb07810),
                    HopperEnv.limb("upper_arm_left", Capsule.solid(0, 1.4, 0, 1.13, 0.04), ARMATURE, 0xa58fd0),
                    HopperEnv.limb("lower_arm_left", Capsule.solid(0, 1.13, 0, 0.88, 0.035), ARMATURE, 0x7a5fb0)),
            List.of(
                    new Hinge("abdomen", 0, 1, 0, 1.07, -0.8, 0.6, 100, 1, 0),
                    new Hinge("hip_right", 1, 2, 0, 0.92, -0.6, 1.8, 300, 1, 0),
                    new Hinge("knee_right", 2, 3, 0, 0.5, -2.5, 0, 200, 1, 0),
                    new Hinge("ankle_right", 3, 4, 0, 0.1, -0.8, 0.8, 100, 1, 0),
                    new Hinge("hip_left", 1, 5, 0, 0.92, -0.6, 1.8, 300, 1, 0),
                    new Hinge("knee_left", 5, 6, 0, 0.5, -2.5, 0, 200, 1, 0),
                    new Hinge("ankle_left", 6, 7, 0, 0.1, -0.8, 0.8, 100, 1, 0),
                    new Hinge("shoulder_right", 0, 8, 0, 1.4, -1.5, 2.5, 25, 0.5, 0),
                    new Hinge("elbow_right", 8, 9, 0, 1.13, -0.1, 2.5, 25, 0.5, 0),
                    new Hinge("shoulder_left", 0, 10, 0, 1.4, -1.5, 2.5, 25, 0.5, 0),
                    new Hinge("elbow_left", 10, 11, 0, 1.13, -0.1, 2.5, 25, 0.5, 0)),
            true, 0.9, true);

    private static final LocomotionEnv.Spec SPEC = new LocomotionEnv.Spec("Humanoid", MODEL, 0.0025f, 6, 0.4, 1.25, 0.1, 5.0,
            new double[] {1.0, 2.0}, new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}, null, 1e-2, false, NO_CLIP, new int[] {RIGHT_FOOT, LEFT_FOOT}, true);

    /** Makes the env with its default arguments. */
    public HumanoidEnv() {
        this(Map.of());
    }

    /**
     * @param kwargs keyword arguments as in the table above
     * @throws dev.gym4j.api.InvalidArgumentException if a kwarg is unknown or has a bad value
     */
    public HumanoidEnv(Map<String, ?> kwargs) {
        super(SPEC, kwargs);
    }
}
