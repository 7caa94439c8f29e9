package dev.gym4j.envs.classic;

import dev.gym4j.Gym;
import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.Frame;
import dev.gym4j.api.Kwargs;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.math.Libm;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Space;
import java.util.Map;
import java.util.Optional;

/**
 * The mountain car with a continuous engine force, computing exactly what Gymnasium 1.4.0's
 * {@code Continuous_MountainCarEnv} computes under NumPy 2's float32 rules. Registered as
 * {@code MountainCarContinuous-v0} (999 steps, reward threshold 90).
 *
 * <h2>Description</h2>
 * The same valley as {@link MountainCarEnv}: a car between two hills must rock back and forth to gather the
 * momentum it needs to reach the flag on the right-hand hilltop, but here the agent chooses how hard to push,
 * and pushing costs reward. The task comes from Andrew Moore's PhD thesis (1990), "Efficient memory-based
 * learning for robot control".
 *
 * <h2>Action space</h2>
 * A float32 {@code Box(-1, 1, (1,))}: the force applied to the car, scaled by the engine power 0.0015.
 * Values outside {@code [-1, 1]} are accepted; the force is clipped, but the reward's penalty uses the action
 * as given.
 *
 * <h2>Observation space</h2>
 * A float32 {@code Box} of shape {@code (2,)}:
 * <table>
 * <caption>Observation</caption>
 * <tr><th>Index</th><th>Meaning</th><th>Min</th><th>Max</th></tr>
 * <tr><td>0</td><td>position of the car along the x axis</td><td>-1.2</td><td>0.6</td></tr>
 * <tr><td>1</td><td>velocity of the car</td><td>-0.07</td><td>0.07</td></tr>
 * </table>
 *
 * <h2>Transition</h2>
 * {@code velocity += force * 0.0015 - 0.0025 cos(3 position)}, clipped to {@code [-0.07, 0.07]}; then
 * {@code position += velocity}, clipped to {@code [-1.2, 0.6]}; at the left wall a negative velocity becomes
 * 0. As in Gymnasium, the state is float64 after a reset and float32 after every step, and the arithmetic of
 * a step follows NumPy 2's promotion rules: operations between a float32 value and a Python constant are done
 * in float32, and {@code cos} is glibc's to the last bit ({@link dev.gym4j.api.math.Libm}), so the results
 * match Gymnasium bit for bit, with no tolerance.
 *
 * <h2>Rewards</h2>
 * {@code -0.1 * action^2} every step (the unclipped action), plus {@code 100} on the step that reaches the
 * goal.
 *
 * <h2>Starting state</h2>
 * The position is uniform in {@code [-0.6, -0.4)} and the velocity is 0. The reset options {@code low} and
 * {@code high} replace the position bounds (converted as Python's {@code float()}; {@code low > high} is an
 * error).
 *
 * <h2>Episode end</h2>
 * The episode terminates when the position reaches 0.45 with a velocity of at least {@code goal_velocity}.
 * {@code Gym.make} truncates it after 999 steps.
 *
 * <h2>Arguments</h2>
 * <ul>
 * <li>{@code render_mode}: null (default), {@code "rgb_array"} ({@link #render()} returns a 600x400
 *     {@link Frame}) or {@code "human"}, accepted for compatibility and a no-op here: gym4j opens no window,
 *     so {@code render()} returns empty.</li>
 * <li>{@code goal_velocity} (number, default 0): the velocity the car must have at the flag.</li>
 * </ul>
 *
 * <h2>Version history</h2>
 * <ul>
 * <li>v0: the first release.</li>
 * </ul>
 *
 * <p>Thread safety: not thread-safe; confine each instance to one thread at a time.
 */
public final class MountainCarContinuousEnv extends AbstractEnv<float[], float[]> {

    private static final double MIN_ACTION = -1.0;
    private static final double MAX_ACTION = 1.0;
    private static final double MIN_POSITION = -1.2;
    private static final double MAX_POSITION = 0.6;
    private static final double MAX_SPEED = 0.07;
    private static final double GOAL_POSITION = 0.45;
    private static final double POWER = 0.0015;

    private static final Map<String, Object> METADATA = ClassicMetadata.of(30);

    private final double goalVelocity;
    private final Box<float[]> actionSpace = Box.float32((float) MIN_ACTION, (float) MAX_ACTION, 1);
    private final Box<float[]> observationSpace = Box.float32(
            new float[] {(float) MIN_POSITION, (float) -MAX_SPEED}, new float[] {(float) MAX_POSITION, (float) MAX_SPEED});

    /** float64 right after a reset, float32 after every step: NumPy computes differently with the two. */
    private NpScalar position = NpScalar.float64(0);
    private NpScalar velocity = NpScalar.float64(0);

    /** Makes the env without rendering and with {@code goal_velocity} 0. */
    public MountainCarContinuousEnv() {
        this(null, 0.0);
    }

    /**
     * @param renderMode null, {@code "rgb_array"} or {@code "human"} (a no-op)
     * @param goalVelocity the velocity needed at the flag
     * @throws dev.gym4j.api.InvalidArgumentException if the render mode is not supported
     */
    public MountainCarContinuousEnv(String renderMode, double goalVelocity) {
        super(renderMode, ClassicMetadata.RENDER_MODES);
        this.goalVelocity = goalVelocity;
    }

    /**
     * Makes the env from Gymnasium-style kwargs, as {@code Gym.make} does.
     *
     * @param kwargs {@code render_mode} and {@code goal_velocity}, both optional; null means none
     * @return a new env
     * @throws dev.gym4j.api.InvalidArgumentException naming the kwarg if one is unknown or has a bad value
     */
    public static MountainCarContinuousEnv fromKwargs(Map<String, ?> kwargs) {
        Kwargs k = Kwargs.of("MountainCarContinuousEnv", kwargs);
        String renderMode = k.renderMode();
        double goalVelocity = k.finiteNumber("goal_velocity", 0.0);
        k.rejectUnknown();
        return new MountainCarContinuousEnv(renderMode, goalVelocity);
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<float[]> actionSpace() {
        return actionSpace;
    }

    @Override
    public Map<String, Object> metadata() {
        return METADATA;
    }

    @Override
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        double[] bounds = ResetOptions.bounds(options, -0.6, -0.4);
        position = NpScalar.float64(npRandom().uniform(bounds[0], bounds[1]));
        velocity = NpScalar.float64(0.0);
        return new ResetResult<>(observation(), Map.of());
    }

    /**
     * Gymnasium's step line by line, with NumPy 2's scalar types: see {@link NpScalar}. The reward uses the
     * action as given, squared exactly in float64 ({@code math.pow} of a float32 value).
     */
    @Override
    protected StepResult<float[]> doStep(float[] action) {
        NpScalar a = NpScalar.float32(action[0]);
        NpScalar p = position;
        NpScalar v = velocity;
        NpScalar force = a.pyMax(py(MIN_ACTION)).pyMin(py(MAX_ACTION));

        NpScalar gravity = py(0.0025 * Libm.cos(py(3).times(p).value()));
        v = v.plus(force.times(py(POWER)).minus(gravity));
        if (v.greaterThan(py(MAX_SPEED))) {
            v = py(MAX_SPEED);
        }
        if (v.lessThan(py(-MAX_SPEED))) {
            v = py(-MAX_SPEED);
        }
        p = p.plus(v);
        if (p.greaterThan(py(MAX_POSITION))) {
            p = py(MAX_POSITION);
        }
        if (p.lessThan(py(MIN_POSITION))) {
            p = py(MIN_POSITION);
        }
        if (p.equalTo(py(MIN_POSITION)) && v.lessThan(py(0))) {
            v = py(0);
        }
        boolean terminated = p.atLeast(py(GOAL_POSITION)) && v.atLeast(py(goalVelocity));
        double reward = (terminated ? 100.0 : 0.0) - (a.value() * a.value()) * 0.1;

        position = NpScalar.float32(p.value());
        velocity = NpScalar.float32(v.value());
        return new StepResult<>(observation(), reward, terminated, false, Map.of());
    }

    private static NpScalar py(double v) {
        return NpScalar.python(v);
    }

    private float[] observation() {
        return new float[] {(float) position.value(), (float) velocity.value()};
    }

    /** @return a copy of the state {@code [position, velocity]} (for tests) */
    double[] state() {
        return new double[] {position.value(), velocity.value()};
    }

    /** @return the env's generator, to check its PCG64 state against Gymnasium's (for tests) */
    Generator rngForTests() {
        return npRandom();
    }

    @Override
    protected Optional<Frame> doRender() {
        if (!"rgb_array".equals(renderMode())) {
            return Optional.empty();
        }
        return Optional.of(MountainCarPicture.draw(position.value(), GOAL_POSITION));
    }
}
