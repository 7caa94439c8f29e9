package dev.gym4j.envs.classic;

import dev.gym4j.Gym;
import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.Frame;
import dev.gym4j.api.Kwargs;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepOutcome;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.math.Libm;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.awt.Color;
import java.util.Map;
import java.util.Optional;

/**
 * The cart-pole balancing task, computing exactly what Gymnasium 1.4.0's {@code CartPoleEnv} computes.
 * Registered as {@code CartPole-v1} (500 steps, reward threshold 475) and {@code CartPole-v0} (200 steps,
 * threshold 195). Same seed and actions, same episode, bit for bit with no tolerance, for any number of steps:
 * the dynamics keep Gymnasium's order of float64 operations and take {@code sin}/{@code cos} from
 * {@link dev.gym4j.api.math.Libm}, which returns glibc's (NumPy's) results to the last bit.
 *
 * <h2>Description</h2>
 * A pole stands on a cart through an unpowered hinge; the cart rolls without friction along a straight
 * track. Each step pushes the cart left or right with a force of fixed size, and the task is to keep the
 * pole upright for as long as possible. The model is the one of Barto, Sutton and Anderson (1983), "Neuronlike
 * adaptive elements that can solve difficult learning control problems", integrated with explicit Euler
 * steps of 0.02 s.
 *
 * <h2>Action space</h2>
 * {@code Discrete(2)}: {@code 0} pushes the cart to the left, {@code 1} to the right, always with a force of
 * 10 N. How much the cart's speed changes for that push depends on the pole's angle, because the pole's
 * centre of mass moves with it.
 *
 * <h2>Observation space</h2>
 * A float32 {@code Box} of shape {@code (4,)}:
 * <table>
 * <caption>Observation</caption>
 * <tr><th>Index</th><th>Meaning</th><th>Min</th><th>Max</th></tr>
 * <tr><td>0</td><td>cart position</td><td>-4.8</td><td>4.8</td></tr>
 * <tr><td>1</td><td>cart velocity</td><td>-inf</td><td>inf</td></tr>
 * <tr><td>2</td><td>pole angle (radians, 0 = upright)</td><td>about -0.419 (-24 degrees)</td>
 *     <td>about 0.419 (24 degrees)</td></tr>
 * <tr><td>3</td><td>pole angular velocity</td><td>-inf</td><td>inf</td></tr>
 * </table>
 * The bounds are twice the limits that end an episode (2.4 and 12 degrees), so the observation of a
 * terminating step still lies inside the space. The internal state is float64; observations are its float32
 * rounding, in a fresh array each time (the caller owns it).
 *
 * <h2>Rewards</h2>
 * {@code +1} for every step, the terminating step included, so the return counts the steps the pole stayed
 * up. With {@code sutton_barto_reward=true} the reward is {@code 0} for a step that does not terminate and
 * {@code -1} for one that does. Stepping on after termination gives {@code 0} ({@code -1} with the Sutton and
 * Barto reward) and logs a warning once per episode through {@link System.Logger}; the state keeps evolving.
 *
 * <h2>Starting state</h2>
 * All four state variables are drawn independently and uniformly from {@code [-0.05, 0.05)}, in the order
 * position, velocity, angle, angular velocity. The reset options {@code low} and {@code high} replace the two
 * bounds (each converted as Python's {@code float()}; {@code low > high} is an error).
 *
 * <h2>Episode end</h2>
 * The episode terminates when the cart position leaves {@code [-2.4, 2.4]} (the cart's centre reaches the
 * edge of the picture) or the pole angle leaves {@code [-12, 12]} degrees. {@code Gym.make} truncates it after
 * 500 steps ({@code CartPole-v1}) or 200 steps ({@code CartPole-v0}).
 *
 * <h2>Arguments</h2>
 * <ul>
 * <li>{@code render_mode}: null (default), {@code "rgb_array"} ({@link #render()} returns a 600x400
 *     {@link Frame}) or {@code "human"}, accepted for compatibility and a no-op here: gym4j opens no window,
 *     so {@code render()} returns empty.</li>
 * <li>{@code sutton_barto_reward} (Boolean, default false): use the 0 / -1 rewards described above.</li>
 * </ul>
 *
 * <h2>Version history</h2>
 * <ul>
 * <li>v1: the time limit went from 200 to 500 steps and the reward threshold from 195 to 475. Gymnasium 1.0
 *     added the {@code sutton_barto_reward} argument.</li>
 * <li>v0: the first release.</li>
 * </ul>
 *
 * <p>Thread safety: not thread-safe; confine each instance to one thread at a time.
 */
public final class CartPoleEnv extends AbstractEnv<float[], Integer> {

    private static final System.Logger LOG = System.getLogger(CartPoleEnv.class.getName());

    private static final double GRAVITY = 9.8;
    private static final double MASS_CART = 1.0;
    private static final double MASS_POLE = 0.1;
    private static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    /** Half the pole's length, as Gymnasium names it. */
    private static final double LENGTH = 0.5;
    private static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
    private static final double FORCE_MAG = 10.0;
    private static final double TAU = 0.02;
    private static final double THETA_THRESHOLD_RADIANS = 12 * 2 * Math.PI / 360;
    private static final double X_THRESHOLD = 2.4;

    private static final Map<String, Object> METADATA = ClassicMetadata.of(50);

    private static final int SCREEN_WIDTH = 600;
    private static final int SCREEN_HEIGHT = 400;

    private final boolean suttonBartoReward;
    private final Discrete actionSpace = new Discrete(2);
    private final Box<float[]> observationSpace;

    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;
    /** Gymnasium's {@code steps_beyond_terminated}; -1 stands for its {@code None}. */
    private int stepsBeyondTerminated = -1;

    /** Makes the env without rendering and with the default +1 reward. */
    public CartPoleEnv() {
        this(null, false);
    }

    /**
     * @param renderMode null, {@code "rgb_array"} or {@code "human"} (a no-op)
     * @param suttonBartoReward whether to use the 0 / -1 rewards
     * @throws dev.gym4j.api.InvalidArgumentException if the render mode is not supported
     */
    public CartPoleEnv(String renderMode, boolean suttonBartoReward) {
        super(renderMode, ClassicMetadata.RENDER_MODES);
        this.suttonBartoReward = suttonBartoReward;
        float[] high = {
            (float) (X_THRESHOLD * 2), Float.POSITIVE_INFINITY, (float) (THETA_THRESHOLD_RADIANS * 2),
            Float.POSITIVE_INFINITY,
        };
        float[] low = new float[high.length];
        for (int i = 0; i < high.length; i++) {
            low[i] = -high[i];
        }
        observationSpace = Box.float32(low, high);
    }

    /**
     * Makes the env from Gymnasium-style kwargs, as {@code Gym.make} does.
     *
     * @param kwargs {@code render_mode} and {@code sutton_barto_reward}, both optional; null means none
     * @return a new env
     * @throws dev.gym4j.api.InvalidArgumentException naming the kwarg if one is unknown or has a bad value
     */
    public static CartPoleEnv fromKwargs(Map<String, ?> kwargs) {
        Kwargs k = Kwargs.of("CartPoleEnv", kwargs);
        String renderMode = k.renderMode();
        boolean suttonBartoReward = k.bool("sutton_barto_reward", false);
        k.rejectUnknown();
        return new CartPoleEnv(renderMode, suttonBartoReward);
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
        resetState(options);
        return new ResetResult<>(observation(), Map.of());
    }

    /** Vector envs' allocation-free reset: the same as {@code doReset}, writing the observation at {@code offset}. */
    @Override
    protected Map<String, Object> doResetInto(Map<String, ?> options, Object observations, int offset) {
        resetState(options);
        writeObservation((float[]) observations, offset);
        return Map.of();
    }

    private void resetState(Map<String, ?> options) {
        double low = -0.05;
        double high = 0.05;
        if (!options.isEmpty()) {
            double[] bounds = ResetOptions.bounds(options, low, high);
            low = bounds[0];
            high = bounds[1];
        }
        x = npRandom().uniform(low, high);
        xDot = npRandom().uniform(low, high);
        theta = npRandom().uniform(low, high);
        thetaDot = npRandom().uniform(low, high);
        stepsBeyondTerminated = -1;
    }

    @Override
    protected StepResult<float[]> doStep(Integer action) {
        boolean terminated = advance(action);
        return new StepResult<>(observation(), reward(terminated), terminated, false, Map.of());
    }

    /** Vector envs' allocation-free step: the same as {@code doStep}, writing the observation at {@code offset}. */
    @Override
    protected void doStepInto(Integer action, Object observations, int offset, StepOutcome outcome) {
        boolean terminated = advance(action);
        writeObservation((float[]) observations, offset);
        outcome.set(reward(terminated), terminated, false, Map.of());
    }

    /** Advances the physics by one Euler step; returns whether the episode terminated. */
    private boolean advance(int action) {
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        double costheta = Libm.cos(theta);
        double sintheta = Libm.sin(theta);
        double temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sintheta) / TOTAL_MASS;
        double thetaacc = (GRAVITY * sintheta - costheta * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (costheta * costheta) / TOTAL_MASS));
        double xacc = temp - POLEMASS_LENGTH * thetaacc * costheta / TOTAL_MASS;
        // Explicit Euler: every right-hand side uses the values from before the step.
        x = x + TAU * xDot;
        xDot = xDot + TAU * xacc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaacc;

        return x < -X_THRESHOLD || x > X_THRESHOLD
                || theta < -THETA_THRESHOLD_RADIANS || theta > THETA_THRESHOLD_RADIANS;
    }

    private double reward(boolean terminated) {
        if (!terminated) {
            return suttonBartoReward ? 0.0 : 1.0;
        }
        if (stepsBeyondTerminated < 0) {
            stepsBeyondTerminated = 0;
            return suttonBartoReward ? -1.0 : 1.0;
        }
        if (stepsBeyondTerminated == 0) {
            LOG.log(System.Logger.Level.WARNING, "step() was called on CartPoleEnv after it returned terminated = true;"
                    + " call reset() once an episode terminates: further steps are undefined behaviour");
        }
        stepsBeyondTerminated++;
        return suttonBartoReward ? -1.0 : 0.0;
    }

    private float[] observation() {
        float[] observation = new float[4];
        writeObservation(observation, 0);
        return observation;
    }

    private void writeObservation(float[] out, int offset) {
        out[offset] = (float) x;
        out[offset + 1] = (float) xDot;
        out[offset + 2] = (float) theta;
        out[offset + 3] = (float) thetaDot;
    }

    /** @return a copy of the float64 state {@code [x, x_dot, theta, theta_dot]} (for tests) */
    double[] state() {
        return new double[] {x, xDot, theta, thetaDot};
    }

    /** @return Gymnasium's {@code steps_beyond_terminated}, -1 for {@code None} (for tests) */
    int stepsBeyondTerminated() {
        return stepsBeyondTerminated;
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
        double worldWidth = X_THRESHOLD * 2;
        double scale = SCREEN_WIDTH / worldWidth;
        double polewidth = 10.0;
        double polelen = scale * (2 * LENGTH);
        double cartwidth = 50.0;
        double cartheight = 30.0;
        double axleoffset = cartheight / 4.0;
        double cartx = x * scale + SCREEN_WIDTH / 2.0;
        double carty = 100; // height of the track and of the cart's centre, from the bottom edge

        Canvas canvas = new Canvas(SCREEN_WIDTH, SCREEN_HEIGHT);
        canvas.fillRotatedRect(-cartwidth / 2, cartwidth / 2, -cartheight / 2, cartheight / 2, 0, cartx, carty,
                Color.BLACK);
        canvas.fillRotatedRect(-polewidth / 2, polewidth / 2, -polewidth / 2, polelen - polewidth / 2, -theta,
                cartx, carty + axleoffset, new Color(202, 152, 101));
        canvas.fillCircle(cartx, carty + axleoffset, polewidth / 2, new Color(129, 132, 203));
        // The track: one row of pixels, as pygame's hline draws it (a 1-pixel stroke would straddle two rows).
        canvas.fillRotatedRect(0, SCREEN_WIDTH, carty, carty + 1, 0, 0, 0, Color.BLACK);
        return Optional.of(canvas.toFrame());
    }
}
