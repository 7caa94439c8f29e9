package dev.gym4j.envs.robotics;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.Frame;
import dev.gym4j.api.Kwargs;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.envs.robotics.internal.physics.BodyModel;
import dev.gym4j.envs.robotics.internal.physics.PlanarWorld;
import dev.gym4j.envs.robotics.internal.physics.StepSettings;
import dev.gym4j.envs.robotics.internal.render.SideViewRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared machinery of the planar walkers (Hopper, Walker2d, HalfCheetah, Humanoid), shaped like
 * Gymnasium's MuJoCo v5 locomotion envs: reward {@code = healthy_reward (while healthy) +
 * forward_reward_weight * x_velocity - ctrl_cost_weight * sum(action^2)}, termination when unhealthy (if
 * asked), reset noise on the generalised coordinates drawn from the env's generator, and v5's info keys.
 *
 * <p>Thread safety: not thread-safe, like every env.
 */
abstract class LocomotionEnv extends AbstractEnv<double[], float[]> {

    /** Gymnasium's velocity clip for Hopper and Walker2d observations; infinity for no clip. */
    static final double NO_CLIP = Double.POSITIVE_INFINITY;

    /**
     * What differs between the walkers.
     *
     * @param name the env's name for messages
     * @param model the body
     * @param timestep the physics step in seconds
     * @param frameSkip default physics steps per env step
     * @param ctrlLimit the control range is {@code [-ctrlLimit, ctrlLimit]}
     * @param forwardRewardWeight default weight of x velocity
     * @param ctrlCostWeight default weight of the control cost
     * @param healthyReward default reward per healthy step, or NaN when the env has no health
     * @param healthyZ default healthy torso height range, or null
     * @param healthyAngle default healthy torso angle range, or null
     * @param healthyState default healthy range for the rest of the state (Hopper), or null
     * @param resetNoiseScale default reset noise scale
     * @param normalVelocityNoise whether qvel noise is {@code scale * standard_normal} (HalfCheetah) rather than uniform
     * @param velocityClip clip of the qvel part of the observation
     * @param feet limb indices whose ground contact is appended to the observation (Humanoid), may be empty
     * @param comVelocity whether x velocity is that of the centre of mass (Humanoid) rather than of the torso
     */
    record Spec(String name, BodyModel model, float timestep, int frameSkip, double ctrlLimit,
                double forwardRewardWeight, double ctrlCostWeight, double healthyReward, double[] healthyZ,
                double[] healthyAngle, double[] healthyState, double resetNoiseScale, boolean normalVelocityNoise,
                double velocityClip, int[] feet, boolean comVelocity) {
        boolean hasHealth() {
            return !Double.isNaN(healthyReward);
        }
    }

    private final Spec spec;
    private final BodyModel model;
    private final double forwardRewardWeight;
    private final double ctrlCostWeight;
    private final double healthyReward;
    private final boolean terminateWhenUnhealthy;
    private final double[] healthyZ;
    private final double[] healthyAngle;
    private final double[] healthyState;
    private final double resetNoiseScale;
    private final boolean excludeX;
    private final int frameSkip;
    private final double gravity;
    private final StepSettings stepSettings;
    private final double dt;
    private final Box<float[]> actionSpace;
    private final Box<double[]> observationSpace;
    private final double[] qpos;
    private final double[] qvel;
    private final double[] control;
    private PlanarWorld world;
    private SideViewRenderer renderer;

    LocomotionEnv(Spec spec, Map<String, ?> kwargs) {
        this(spec, Kwargs.of(spec.name(), kwargs));
    }

    private LocomotionEnv(Spec spec, Kwargs k) {
        super(k.renderMode(), List.of("rgb_array"));
        this.spec = spec;
        this.model = spec.model();
        this.frameSkip = k.intInRange("frame_skip", spec.frameSkip(), 1, 1000);
        this.forwardRewardWeight = k.number("forward_reward_weight", spec.forwardRewardWeight());
        this.ctrlCostWeight = k.nonNegative("ctrl_cost_weight", spec.ctrlCostWeight());
        if (spec.hasHealth()) {
            this.healthyReward = k.number("healthy_reward", spec.healthyReward());
            this.terminateWhenUnhealthy = k.bool("terminate_when_unhealthy", true);
            this.healthyZ = k.range("healthy_z_range", spec.healthyZ()[0], spec.healthyZ()[1]);
            this.healthyAngle = spec.healthyAngle() == null ? null
                    : k.range("healthy_angle_range", spec.healthyAngle()[0], spec.healthyAngle()[1]);
            this.healthyState = spec.healthyState() == null ? null
                    : k.range("healthy_state_range", spec.healthyState()[0], spec.healthyState()[1]);
        } else {
            this.healthyReward = 0;
            this.terminateWhenUnhealthy = false;
            this.healthyZ = null;
            this.healthyAngle = null;
            this.healthyState = null;
        }
        this.resetNoiseScale = k.nonNegative("reset_noise_scale", spec.resetNoiseScale());
        this.excludeX = k.bool("exclude_current_positions_from_observation", true);
        this.gravity = k.number("gravity", -9.81);
        k.rejectUnknown();
        this.stepSettings = new StepSettings(spec.timestep(), 10, 4);
        this.dt = (double) spec.timestep() * frameSkip;
        int nu = model.hinges().size();
        this.actionSpace = Box.float32((float) -spec.ctrlLimit(), (float) spec.ctrlLimit(), nu);
        int nq = model.nq();
        int obsSize = (excludeX ? nq - 1 : nq) + nq + spec.feet().length;
        this.observationSpace = Box.float64(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, obsSize);
        this.qpos = new double[nq];
        this.qvel = new double[nq];
        this.control = new double[nu];
    }

    @Override
    public final Space<double[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public final Space<float[]> actionSpace() {
        return actionSpace;
    }

    @Override
    public final Map<String, Object> metadata() {
        return metadata(dt);
    }

    /**
     * @param dt the env step in seconds
     * @return Gymnasium's metadata in a fixed order ({@code Map.of} would iterate differently in every JVM)
     */
    static Map<String, Object> metadata(double dt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("render_modes", List.of("rgb_array"));
        m.put("render_fps", (int) Math.rint(1.0 / dt));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** @return the duration of one env step in seconds ({@code frame_skip} physics steps) */
    public final double dt() {
        return dt;
    }

    @Override
    protected final ResetResult<double[]> doReset(Map<String, ?> options) {
        Generator rng = npRandom();
        double[] q = model.referenceQpos();
        for (int i = 0; i < q.length; i++) {
            q[i] += rng.uniform(-resetNoiseScale, resetNoiseScale);
        }
        double[] v = new double[q.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = spec.normalVelocityNoise() ? resetNoiseScale * rng.standardNormal()
                    : rng.uniform(-resetNoiseScale, resetNoiseScale);
        }
        return startFrom(q, v);
    }

    /** Starts an episode from a given state; the golden and sanity tests use it to bypass the generator. */
    final ResetResult<double[]> startFrom(double[] q, double[] v) {
        if (world == null) {
            world = new PlanarWorld(model, gravity, stepSettings, q, v);
        } else {
            world.reset(q, v);
        }
        readState();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("x_position", qpos[0]);
        info.put("z_distance_from_origin", qpos[1] - model.referenceQpos()[1]);
        return new ResetResult<>(observation(), info);
    }

    @Override
    protected final StepResult<double[]> doStep(float[] action) {
        double ctrlSquares = 0;
        for (int i = 0; i < control.length; i++) {
            ctrlSquares += (double) action[i] * action[i];
            control[i] = Math.max(-spec.ctrlLimit(), Math.min(spec.ctrlLimit(), action[i]));
        }
        double xBefore = xForVelocity();
        world.advance(control, frameSkip);
        readState();
        double xVelocity = (xForVelocity() - xBefore) / dt;
        double forward = forwardRewardWeight * xVelocity;
        double ctrlCost = ctrlCostWeight * ctrlSquares;
        boolean healthy = isHealthy();
        double survive = spec.hasHealth() && healthy ? healthyReward : 0;
        double reward = forward + survive - ctrlCost;
        boolean terminated = terminateWhenUnhealthy && !healthy;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("x_position", qpos[0]);
        info.put("z_distance_from_origin", qpos[1] - model.referenceQpos()[1]);
        info.put("x_velocity", xVelocity);
        info.put("reward_forward", forward);
        info.put("reward_ctrl", -ctrlCost);
        if (spec.hasHealth()) {
            info.put("reward_survive", survive);
        }
        return new StepResult<>(observation(), reward, terminated, false, info);
    }

    private double xForVelocity() {
        return spec.comVelocity() ? world.centerOfMassX() : qpos[0];
    }

    private void readState() {
        world.readQpos(qpos);
        world.readQvel(qvel);
    }

    /**
     * v5's health check: torso height and angle within their ranges and, for Hopper, every other state
     * value within {@code healthy_state_range}; envs without health are always healthy.
     *
     * @return whether the current state is healthy
     */
    final boolean isHealthy() {
        if (!spec.hasHealth()) {
            return true;
        }
        boolean ok = qpos[1] > healthyZ[0] && qpos[1] < healthyZ[1];
        if (healthyAngle != null) {
            ok &= qpos[2] > healthyAngle[0] && qpos[2] < healthyAngle[1];
        }
        if (healthyState != null) {
            for (int i = 2; i < qpos.length; i++) {
                ok &= qpos[i] > healthyState[0] && qpos[i] < healthyState[1];
            }
            for (double v : qvel) {
                ok &= v > healthyState[0] && v < healthyState[1];
            }
        }
        return ok;
    }

    private double[] observation() {
        int start = excludeX ? 1 : 0;
        int[] feet = spec.feet();
        double[] obs = new double[qpos.length - start + qvel.length + feet.length];
        int k = 0;
        for (int i = start; i < qpos.length; i++) {
            obs[k++] = qpos[i];
        }
        double clip = spec.velocityClip();
        for (double v : qvel) {
            obs[k++] = Math.max(-clip, Math.min(clip, v));
        }
        for (int foot : feet) {
            obs[k++] = world.touchesGround(foot) ? 1.0 : 0.0;
        }
        return obs;
    }

    @Override
    protected final Optional<Frame> doRender() {
        if (renderer == null) {
            renderer = new SideViewRenderer(model);
        }
        return Optional.of(renderer.render(world));
    }

    /** @return the physics of the current episode, for tests in this package; null before the first reset */
    final PlanarWorld world() {
        return world;
    }

    /** @return a copy of the current generalised positions */
    final double[] qpos() {
        return qpos.clone();
    }

    /** @return a copy of the current generalised velocities */
    final double[] qvel() {
        return qvel.clone();
    }

    /** @return the body model */
    final BodyModel model() {
        return model;
    }
}
