package dev.gym4j.envs.robotics;

import dev.gym4j.envs.robotics.internal.physics.BodyModel;
import dev.gym4j.envs.robotics.internal.physics.Capsule;
import dev.gym4j.envs.robotics.internal.physics.Hinge;
import dev.gym4j.envs.robotics.internal.physics.Limb;
import java.util.List;
import java.util.Map;

/**
 * {@code planar/HalfCheetah-v0}: a planar four-legged runner (a back and a front leg) that must run forward fast.
 *
 * <h2>Description</h2>
 * A 1 m torso with a head, a back leg (thigh, shin, foot) and a front leg (thigh, shin, foot), laid out as
 * Gymnasium's HalfCheetah; its joints are springy (stiffness and damping per joint) and it cannot fall:
 * there is no health check. <b>How it differs from MuJoCo's HalfCheetah-v5:</b> simulated by jbox2d, masses
 * from 3-D capsules at 1000 kg/m^3 (about 21 kg in all), same springs, gears and friction 0.4; same
 * problem, different trajectories; deterministic to the bit on every JVM.
 *
 * <h2>Action space</h2>
 * {@code Box(-1, 1, (6,), float32)}, clamped to the range:
 * <table>
 * <caption>Actions</caption>
 * <tr><th>index</th><th>joint</th><th>gear (N m)</th><th>range (rad)</th></tr>
 * <tr><td>0</td><td>back thigh</td><td>120</td><td>[-1.05, 0.52]</td></tr>
 * <tr><td>1</td><td>back shin</td><td>90</td><td>[-0.785, 0.785]</td></tr>
 * <tr><td>2</td><td>back foot</td><td>60</td><td>[-0.785, 0.4]</td></tr>
 * <tr><td>3</td><td>front thigh</td><td>120</td><td>[-0.7, 1]</td></tr>
 * <tr><td>4</td><td>front shin</td><td>60</td><td>[-0.87, 1.2]</td></tr>
 * <tr><td>5</td><td>front foot</td><td>30</td><td>[-0.5, 0.5]</td></tr>
 * </table>
 * Angles here are counter-clockwise positive (x to the right, height up), the opposite sign of MuJoCo's
 * cheetah joints (axis +y), whose ranges are mirrored accordingly.
 *
 * <h2>Observation space</h2>
 * {@code Box(-inf, inf, (17,), float64)} (18 with torso x): torso height, torso angle, six joint angles
 * (0-7), torso x and z velocity, torso angular velocity, six joint speeds (8-16); no clipping.
 *
 * <h2>Rewards</h2>
 * <table>
 * <caption>Reward terms (in {@code info})</caption>
 * <tr><th>term</th><th>info key</th><th>value</th></tr>
 * <tr><td>forward</td><td>reward_forward</td><td>{@code forward_reward_weight * x_velocity} of the torso</td></tr>
 * <tr><td>control</td><td>reward_ctrl</td><td>{@code -ctrl_cost_weight * sum(action^2)}</td></tr>
 * </table>
 * {@code info} also holds {@code x_position}, {@code z_distance_from_origin} and {@code x_velocity}.
 *
 * <h2>Starting state</h2>
 * Reference pose plus {@code U(-reset_noise_scale, reset_noise_scale)} on every generalised position, then
 * {@code reset_noise_scale * standard_normal} on every generalised velocity, as v5.
 *
 * <h2>Episode end</h2>
 * Never terminated; truncated after 1000 steps. Reward threshold 4800, Gymnasium's: an average of about
 * 4.8 m/s over the 50 s episode.
 *
 * <h2>Arguments</h2>
 * <table>
 * <caption>Keyword arguments</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>frame_skip</td><td>15</td><td>physics steps of 1/300 s per env step (dt 0.05 s as in MuJoCo, which uses 5 of 0.01 s; shorter steps keep the light feet from swinging past their limits on impact)</td></tr>
 * <tr><td>forward_reward_weight</td><td>1.0</td><td>weight of x velocity</td></tr>
 * <tr><td>ctrl_cost_weight</td><td>0.1</td><td>weight of the control cost</td></tr>
 * <tr><td>reset_noise_scale</td><td>0.1</td><td>scale of the reset noise</td></tr>
 * <tr><td>exclude_current_positions_from_observation</td><td>true</td><td>leave torso x out of the observation</td></tr>
 * <tr><td>gravity</td><td>-9.81</td><td>gym4j extra: vertical acceleration in m/s^2</td></tr>
 * <tr><td>render_mode</td><td>null</td><td>{@code "rgb_array"}: 480x480 side view following the torso</td></tr>
 * </table>
 *
 * <h2>Version history</h2>
 * v0: first version, modelled on Gymnasium's HalfCheetah-v5.
 *
 * <p>Thread safety: not thread-safe, like every env.
 */
public final class HalfCheetahEnv extends LocomotionEnv {

    private static final double R = 0.046;
    private static final double ARMATURE = 0.1;

    static final BodyModel MODEL = new BodyModel(
            List.of(
                    new Limb("torso", List.of(Capsule.solid(-0.5, 0.7, 0.5, 0.7, R),
                            Capsule.solid(0.485, 0.703, 0.715, 0.897, R)), ARMATURE, 0x3366cc),
                    HopperEnv.limb("bthigh", Capsule.solid(-0.489, 0.685, -0.311, 0.455, R), ARMATURE, 0xdd8833),
                    HopperEnv.limb("bshin", Capsule.solid(-0.346, 0.446, -0.614, 0.314, R), ARMATURE, 0xc0392b),
                    HopperEnv.limb("bfoot", Capsule.solid(-0.615, 0.304, -0.565, 0.122, R), ARMATURE, 0x8e2a5e),
                    HopperEnv.limb("fthigh", Capsule.solid(0.496, 0.695, 0.364, 0.465, R), ARMATURE, 0x9bc46a),
                    HopperEnv.limb("fshin", Capsule.solid(0.365, 0.4575, 0.485, 0.2825, R), ARMATURE, 0x4caf9a),
                    HopperEnv.limb("ffoot", Capsule.solid(0.4955, 0.268, 0.5745, 0.152, R), ARMATURE, 0x2e7d8c)),
            List.of(
                    new Hinge("bthigh", 0, 1, -0.5, 0.7, -1.05, 0.52, 120, 6, 240),
                    new Hinge("bshin", 1, 2, -0.34, 0.45, -0.785, 0.785, 90, 4.5, 180),
                    new Hinge("bfoot", 2, 3, -0.62, 0.31, -0.785, 0.4, 60, 3, 120),
                    new Hinge("fthigh", 0, 4, 0.5, 0.7, -0.7, 1.0, 120, 4.5, 180),
                    new Hinge("fshin", 4, 5, 0.36, 0.46, -0.87, 1.2, 60, 3, 120),
                    new Hinge("ffoot", 5, 6, 0.49, 0.28, -0.5, 0.5, 30, 1.5, 60)),
            true, 0.4, true);

    private static final LocomotionEnv.Spec SPEC = new LocomotionEnv.Spec("HalfCheetah", MODEL, 1f / 300, 15, 1.0, 1.0, 0.1,
            Double.NaN, null, null, null, 0.1, true, NO_CLIP, new int[0], false);

    /** Makes the env with its default arguments. */
    public HalfCheetahEnv() {
        this(Map.of());
    }

    /**
     * @param kwargs keyword arguments as in the table above
     * @throws dev.gym4j.api.InvalidArgumentException if a kwarg is unknown or has a bad value
     */
    public HalfCheetahEnv(Map<String, ?> kwargs) {
        super(SPEC, kwargs);
    }
}
