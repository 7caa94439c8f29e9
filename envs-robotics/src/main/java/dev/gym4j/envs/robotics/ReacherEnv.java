package dev.gym4j.envs.robotics;

import dev.gym4j.Gym;
import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.Frame;
import dev.gym4j.api.Kwargs;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.envs.robotics.internal.physics.BodyModel;
import dev.gym4j.envs.robotics.internal.physics.Capsule;
import dev.gym4j.envs.robotics.internal.physics.Hinge;
import dev.gym4j.envs.robotics.internal.physics.PlanarWorld;
import dev.gym4j.envs.robotics.internal.physics.StepSettings;
import dev.gym4j.envs.robotics.internal.render.TopViewRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code planar/Reacher-v1} (and the older {@code planar/Reacher-v0}): a two-link arm in a horizontal plane must
 * bring its fingertip to a random target.
 *
 * <h2>Description</h2>
 * The arm is fixed at the origin; link 0 (0.1 m) turns freely about the origin, link 1 (0.11 m, to the
 * fingertip) is hinged at the end of link 0 with a limit of +-3 rad. There is no gravity and no floor.
 * The target is drawn uniformly in the disc of radius 0.2 m, within reach (0.21 m).
 * <b>How it differs from MuJoCo's Reacher-v5:</b> the same geometry and reward simulated by jbox2d; v1's
 * torque and damping are scaled to the limbs' inertia as MuJoCo's are to its armature (gear 200 and damping 1
 * per unit of armature: a constant action {@code a} accelerates a joint at rest at about {@code 200 a} rad/s^2
 * and the joint's speed relaxes in about 1 s), so the arm moves at MuJoCo's pace but not along the same
 * trajectory; it is deterministic to the bit on every JVM.
 *
 * <h2>Action space</h2>
 * {@code Box(-1, 1, (2,), float32)}: torque {@code 5 N m * action} (v0: 2 N m) on joint 0 (index 0) and
 * joint 1 (index 1).
 * Values outside the range are clamped before they reach the motors.
 *
 * <h2>Observation space</h2>
 * {@code Box(-inf, inf, (10,), float64)}, in Gymnasium's order:
 * <table>
 * <caption>Observation</caption>
 * <tr><th>index</th><th>value</th><th>unit</th></tr>
 * <tr><td>0, 1</td><td>cos of joint 0 and joint 1 angles</td><td>-</td></tr>
 * <tr><td>2, 3</td><td>sin of joint 0 and joint 1 angles</td><td>-</td></tr>
 * <tr><td>4, 5</td><td>target x, y</td><td>m</td></tr>
 * <tr><td>6, 7</td><td>joint 0 and joint 1 angular velocities</td><td>rad/s</td></tr>
 * <tr><td>8, 9</td><td>fingertip minus target, x and y</td><td>m</td></tr>
 * </table>
 *
 * <h2>Rewards</h2>
 * As in v5, the distance term is that of the state <i>after</i> the step's physics (v0 took the state before
 * it, as v4 does):
 * <table>
 * <caption>Reward terms (in {@code info})</caption>
 * <tr><th>term</th><th>info key</th><th>value</th></tr>
 * <tr><td>distance</td><td>reward_dist</td><td>{@code -reward_dist_weight * |fingertip - target|}</td></tr>
 * <tr><td>control</td><td>reward_ctrl</td><td>{@code -reward_control_weight * sum(action^2)} (the action as given)</td></tr>
 * </table>
 * {@code info} also holds {@code distance}, the fingertip-target distance the distance term used.
 *
 * <h2>Starting state</h2>
 * As v5, from the env's generator: joint angles {@code U(-0.1, 0.1)} (four draws, the last two unused as
 * MuJoCo's target slots), then target pairs {@code U(-0.2, 0.2)} until one lies inside the 0.2 m disc, then
 * joint velocities {@code U(-0.005, 0.005)} (four draws, the last two unused).
 *
 * <h2>Episode end</h2>
 * Never terminated; truncated after 50 steps by {@code Gym.make}'s {@code TimeLimit}. Reward threshold
 * -3.75, Gymnasium's: reached by holding the fingertip within about 5 cm of the target on average with small torques.
 *
 * <h2>Arguments</h2>
 * <table>
 * <caption>Keyword arguments</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>frame_skip</td><td>4</td><td>physics steps of 0.005 s per env step (dt 0.02 s; MuJoCo uses 2 of 0.01 s)</td></tr>
 * <tr><td>reward_dist_weight</td><td>1.0</td><td>weight of the distance term</td></tr>
 * <tr><td>reward_control_weight</td><td>1.0</td><td>weight of the control term (v5's code default)</td></tr>
 * <tr><td>render_mode</td><td>null</td><td>{@code "rgb_array"}: 480x480 top view</td></tr>
 * </table>
 *
 * <h2>Version history</h2>
 * v0: first version, modelled on Gymnasium's Reacher-v5, but with a motor about 3 times weaker per unit of
 * action and 10 times more damped than MuJoCo's, relative to the arm's inertia (a constant action of 0.1 turned
 * joint 0 by 0.12 rad in 10 steps where MuJoCo's turns it by about 0.37), and the distance taken before the
 * step. Reaching quickly then costs full torques: a hand-written Jacobian controller scored at best -8.6 and,
 * ignoring the control cost, the distance term alone stayed above -4; PPO plateaued at -8 to -9.
 * v1: the motor (5 N m) and damping (0.025 N m s/rad) scaled as MuJoCo's, the distance after the step
 * (the same controller scores -6.2).
 *
 * <p>Thread safety: not thread-safe, like every env.
 */
public final class ReacherEnv extends AbstractEnv<double[], float[]> {

    /** Where the fingertip is on link 1 in the reference pose (the arm stretched along +x). */
    static final double FINGERTIP_X = 0.21;
    static final BodyModel MODEL = model(2.0, 0.1);
    /**
     * v1's arm: joint 0's effective inertia with the arm stretched is about 0.025 kg m^2 (a 2 N m torque
     * accelerates it at about 80 rad/s^2), so gear {@code 200 * 0.025} and damping {@code 1 * 0.025} as MuJoCo's
     * gear 200 and damping 1 on armature 1.
     */
    static final BodyModel MODEL_V1 = model(5.0, 0.025);

    private static BodyModel model(double gear, double damping) {
        return new BodyModel(
                List.of(
                        HopperEnv.limb("link0", Capsule.solid(0, 0, 0.1, 0, 0.02), 0.02, 0x3366cc),
                        HopperEnv.limb("link1", Capsule.solid(0.1, 0, FINGERTIP_X, 0, 0.02), 0.02, 0xdd8833)),
                List.of(
                        new Hinge("joint0", -1, 0, 0, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, gear,
                                damping, 0),
                        new Hinge("joint1", 0, 1, 0.1, 0, -3.0, 3.0, gear, damping, 0)),
                false, 1.0, false);
    }
    private static final float TIMESTEP = 0.005f;

    private final int frameSkip;
    private final double distWeight;
    private final double controlWeight;
    private final StepSettings stepSettings = new StepSettings(TIMESTEP, 10, 4);
    private final Box<float[]> actionSpace = Box.float32(-1f, 1f, 2);
    private final Box<double[]> observationSpace = Box.float64(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 10);
    private final double[] qpos = new double[2];
    private final double[] qvel = new double[2];
    private final double[] control = new double[2];
    private PlanarWorld world;
    private double targetX;
    private double targetY;
    private TopViewRenderer renderer;

    private final int version;
    private final BodyModel model;

    /** Makes {@code planar/Reacher-v0} with its default arguments. */
    public ReacherEnv() {
        this(Map.of());
    }

    /**
     * Makes {@code planar/Reacher-v0}.
     *
     * @param kwargs keyword arguments as in the table above
     * @throws dev.gym4j.api.InvalidArgumentException if a kwarg is unknown or has a bad value
     */
    public ReacherEnv(Map<String, ?> kwargs) {
        this(kwargs, 0);
    }

    /**
     * Makes {@code planar/Reacher-v<version>}.
     *
     * @param kwargs keyword arguments as in the table above
     * @param version 0 or 1 (see the version history)
     * @throws dev.gym4j.api.InvalidArgumentException if a kwarg is unknown or has a bad value
     * @throws IllegalArgumentException if the version is neither 0 nor 1
     */
    public ReacherEnv(Map<String, ?> kwargs, int version) {
        this(Kwargs.of("Reacher", kwargs), version);
    }

    private ReacherEnv(Kwargs k, int version) {
        super(k.renderMode(), List.of("rgb_array"));
        if (version != 0 && version != 1) {
            throw new IllegalArgumentException("Reacher has versions 0 and 1, not " + version);
        }
        this.version = version;
        this.model = version == 0 ? MODEL : MODEL_V1;
        frameSkip = k.intInRange("frame_skip", 4, 1, 1000);
        distWeight = k.number("reward_dist_weight", 1.0);
        controlWeight = k.nonNegative("reward_control_weight", 1.0);
        k.rejectUnknown();
    }

    @Override
    public Space<double[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<float[]> actionSpace() {
        return actionSpace;
    }

    @Override
    public Map<String, Object> metadata() {
        return LocomotionEnv.metadata(dt());
    }

    /** @return the duration of one env step in seconds */
    public double dt() {
        return (double) TIMESTEP * frameSkip;
    }

    @Override
    protected ResetResult<double[]> doReset(Map<String, ?> options) {
        Generator rng = npRandom();
        double[] q = new double[4];
        for (int i = 0; i < 4; i++) {
            q[i] = rng.uniform(-0.1, 0.1);
        }
        double gx;
        double gy;
        do {
            gx = rng.uniform(-0.2, 0.2);
            gy = rng.uniform(-0.2, 0.2);
        } while (!(Math.hypot(gx, gy) < 0.2));
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            v[i] = rng.uniform(-0.005, 0.005);
        }
        return startFrom(new double[] {q[0], q[1]}, new double[] {v[0], v[1]}, gx, gy);
    }

    /** Starts an episode from a given arm state and target; tests use it to bypass the generator. */
    ResetResult<double[]> startFrom(double[] q, double[] v, double tx, double ty) {
        if (world == null) {
            world = new PlanarWorld(model, 0.0, stepSettings, q, v);
        } else {
            world.reset(q, v);
        }
        targetX = tx;
        targetY = ty;
        readState();
        return new ResetResult<>(observation(), new LinkedHashMap<>());
    }

    @Override
    protected StepResult<double[]> doStep(float[] action) {
        double distance = fingertipDistance();
        double squares = 0;
        for (int i = 0; i < 2; i++) {
            squares += (double) action[i] * action[i];
            control[i] = Math.max(-1.0, Math.min(1.0, action[i]));
        }
        double rewardDist = -distWeight * distance;
        double rewardCtrl = -controlWeight * squares;
        world.advance(control, frameSkip);
        readState();
        if (version >= 1) {
            distance = fingertipDistance();
            rewardDist = -distWeight * distance;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("reward_dist", rewardDist);
        info.put("reward_ctrl", rewardCtrl);
        info.put("distance", distance);
        return new StepResult<>(observation(), rewardDist + rewardCtrl, false, false, info);
    }

    private void readState() {
        world.readQpos(qpos);
        world.readQvel(qvel);
    }

    /** @return the fingertip's position {@code {x, y}} */
    double[] fingertip() {
        return world.worldPoint(1, FINGERTIP_X, 0);
    }

    /** @return the target's position {@code {x, y}} */
    double[] target() {
        return new double[] {targetX, targetY};
    }

    private double fingertipDistance() {
        double[] f = fingertip();
        return Math.hypot(f[0] - targetX, f[1] - targetY);
    }

    private double[] observation() {
        double[] f = fingertip();
        return new double[] {
            Math.cos(qpos[0]), Math.cos(qpos[1]), Math.sin(qpos[0]), Math.sin(qpos[1]),
            targetX, targetY, qvel[0], qvel[1], f[0] - targetX, f[1] - targetY};
    }

    @Override
    protected Optional<Frame> doRender() {
        if (renderer == null) {
            renderer = new TopViewRenderer(FINGERTIP_X);
        }
        return Optional.of(renderer.render(world, targetX, targetY));
    }

    /** @return the physics of the current episode, for tests in this package */
    PlanarWorld world() {
        return world;
    }

    /** @return a copy of the joint angles */
    double[] qpos() {
        return qpos.clone();
    }
}
