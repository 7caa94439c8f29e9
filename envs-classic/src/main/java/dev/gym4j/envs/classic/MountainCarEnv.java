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
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.util.Map;
import java.util.Optional;

/**
 * The mountain car with three discrete actions, computing exactly what Gymnasium 1.4.0's
 * {@code MountainCarEnv} computes. Registered as {@code MountainCar-v0} (200 steps, reward threshold -110).
 * Same seed and actions, same episode, bit for bit with no tolerance ({@code cos} from
 * {@link dev.gym4j.api.math.Libm}, glibc's to the last bit).
 *
 * <h2>Description</h2>
 * A car sits in a valley between two hills, on the curve {@code y = 0.45 sin(3x) + 0.55}. Its engine is too
 * weak to drive straight up the right-hand hill, so it has to rock back and forth to build up momentum until
 * it reaches the flag at the top. The task comes from Andrew Moore's PhD thesis (1990), "Efficient memory-based
 * learning for robot control".
 *
 * <h2>Action space</h2>
 * {@code Discrete(3)}: {@code 0} accelerates to the left, {@code 1} does not accelerate, {@code 2} accelerates
 * to the right.
 *
 * <h2>Observation space</h2>
 * A float32 {@code Box} of shape {@code (2,)}:
 * <table>
 * <caption>Observation</caption>
 * <tr><th>Index</th><th>Meaning</th><th>Min</th><th>Max</th></tr>
 * <tr><td>0</td><td>position of the car along the x axis</td><td>-1.2</td><td>0.6</td></tr>
 * <tr><td>1</td><td>velocity of the car</td><td>-0.07</td><td>0.07</td></tr>
 * </table>
 * The internal state is float64; observations are its float32 rounding, in a fresh array each time.
 *
 * <h2>Transition</h2>
 * {@code velocity += (action - 1) * 0.001 - 0.0025 cos(3 position)}, clipped to {@code [-0.07, 0.07]}; then
 * {@code position += velocity}, clipped to {@code [-1.2, 0.6]}. Hitting the left wall stops the car (a negative
 * velocity becomes 0): the collisions are inelastic.
 *
 * <h2>Rewards</h2>
 * {@code -1} for every step, so a shorter episode is better.
 *
 * <h2>Starting state</h2>
 * The position is uniform in {@code [-0.6, -0.4)} and the velocity is 0. The reset options {@code low} and
 * {@code high} replace the position bounds (converted as Python's {@code float()}; {@code low > high} is an
 * error).
 *
 * <h2>Episode end</h2>
 * The episode terminates when the position reaches 0.5 (the flag) with a velocity of at least
 * {@code goal_velocity}. {@code Gym.make} truncates it after 200 steps.
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
public final class MountainCarEnv extends AbstractEnv<float[], Integer> {

    private static final double MIN_POSITION = -1.2;
    private static final double MAX_POSITION = 0.6;
    private static final double MAX_SPEED = 0.07;
    private static final double GOAL_POSITION = 0.5;
    private static final double FORCE = 0.001;
    private static final double GRAVITY = 0.0025;

    private static final Map<String, Object> METADATA = ClassicMetadata.of(30);

    private final double goalVelocity;
    private final Discrete actionSpace = new Discrete(3);
    private final Box<float[]> observationSpace = Box.float32(
            new float[] {(float) MIN_POSITION, (float) -MAX_SPEED}, new float[] {(float) MAX_POSITION, (float) MAX_SPEED});

    private double position;
    private double velocity;

    /** Makes the env without rendering and with {@code goal_velocity} 0. */
    public MountainCarEnv() {
        this(null, 0.0);
    }

    /**
     * @param renderMode null, {@code "rgb_array"} or {@code "human"} (a no-op)
     * @param goalVelocity the velocity needed at the flag
     * @throws dev.gym4j.api.InvalidArgumentException if the render mode is not supported
     */
    public MountainCarEnv(String renderMode, double goalVelocity) {
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
    public static MountainCarEnv fromKwargs(Map<String, ?> kwargs) {
        Kwargs k = Kwargs.of("MountainCarEnv", kwargs);
        String renderMode = k.renderMode();
        double goalVelocity = k.finiteNumber("goal_velocity", 0.0);
        k.rejectUnknown();
        return new MountainCarEnv(renderMode, goalVelocity);
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actionSpace;
    }

    @Override
    public Map<String, Object> metadata() {
        return METADATA;
    }

    @Override
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        double[] bounds = ResetOptions.bounds(options, -0.6, -0.4);
        position = npRandom().uniform(bounds[0], bounds[1]);
        velocity = 0.0;
        return new ResetResult<>(observation(), Map.of());
    }

    @Override
    protected StepResult<float[]> doStep(Integer action) {
        double v = velocity + ((action - 1) * FORCE + Libm.cos(3 * position) * (-GRAVITY));
        v = Math.min(Math.max(v, -MAX_SPEED), MAX_SPEED);
        double p = position + v;
        p = Math.min(Math.max(p, MIN_POSITION), MAX_POSITION);
        if (p == MIN_POSITION && v < 0) {
            v = 0.0;
        }
        position = p;
        velocity = v;
        boolean terminated = p >= GOAL_POSITION && v >= goalVelocity;
        return new StepResult<>(observation(), -1.0, terminated, false, Map.of());
    }

    private float[] observation() {
        return new float[] {(float) position, (float) velocity};
    }

    /** @return a copy of the float64 state {@code [position, velocity]} (for tests) */
    double[] state() {
        return new double[] {position, velocity};
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
        return Optional.of(MountainCarPicture.draw(position, GOAL_POSITION));
    }
}
