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
import java.awt.Color;
import java.util.Map;
import java.util.Optional;

/**
 * The acrobot swing-up, computing what Gymnasium 1.4.0's {@code AcrobotEnv} computes. Registered as
 * {@code Acrobot-v1} (500 steps, reward threshold -100).
 *
 * <h2>Description</h2>
 * Two links hang in a chain from a fixed pivot; only the joint between them has a motor. Starting from
 * hanging straight down, the agent applies torque at that joint to swing the tip of the outer link above a
 * line one link length above the pivot. The task follows Sutton (1996), "Generalization in reinforcement
 * learning: successful examples using sparse coarse coding", and Sutton and Barto's book; one classic
 * Runge-Kutta step of 0.2 s integrates the equations of motion per env step.
 *
 * <h2>Action space</h2>
 * {@code Discrete(3)}: the torque on the actuated joint is {@code -1} for action 0, {@code 0} for action 1
 * and {@code +1} for action 2 (N m).
 *
 * <h2>Observation space</h2>
 * A float32 {@code Box} of shape {@code (6,)}:
 * <table>
 * <caption>Observation</caption>
 * <tr><th>Index</th><th>Meaning</th><th>Min</th><th>Max</th></tr>
 * <tr><td>0</td><td>cos of {@code theta1}</td><td>-1</td><td>1</td></tr>
 * <tr><td>1</td><td>sin of {@code theta1}</td><td>-1</td><td>1</td></tr>
 * <tr><td>2</td><td>cos of {@code theta2}</td><td>-1</td><td>1</td></tr>
 * <tr><td>3</td><td>sin of {@code theta2}</td><td>-1</td><td>1</td></tr>
 * <tr><td>4</td><td>angular velocity of {@code theta1}</td><td>-4 pi (about -12.567)</td>
 *     <td>4 pi (about 12.567)</td></tr>
 * <tr><td>5</td><td>angular velocity of {@code theta2}</td><td>-9 pi (about -28.274)</td>
 *     <td>9 pi (about 28.274)</td></tr>
 * </table>
 * {@code theta1} is the angle of the first link, 0 meaning straight down; {@code theta2} is the angle of the
 * second link relative to the first, 0 meaning both links in line. So {@code [1, 0, 1, 0, ., .]} means both
 * links hang down. The angles are kept in {@code [-pi, pi]} and the velocities are clipped to the bounds.
 *
 * <h2>Rewards</h2>
 * {@code -1} for every step that does not reach the target and {@code 0} for the step that does.
 *
 * <h2>Starting state</h2>
 * The two angles and the two angular velocities are drawn independently and uniformly from
 * {@code [-0.1, 0.1)} and rounded to float32, so the links start near hanging down. The reset options
 * {@code low} and {@code high} replace the bounds (converted as Python's {@code float()}; {@code low > high}
 * is an error).
 *
 * <h2>Episode end</h2>
 * The episode terminates when the tip is above the target line: {@code -cos(theta1) - cos(theta2 + theta1) >
 * 1}. {@code Gym.make} truncates it after 500 steps.
 *
 * <h2>Arguments</h2>
 * <ul>
 * <li>{@code render_mode}: null (default), {@code "rgb_array"} ({@link #render()} returns a 500x500
 *     {@link Frame}) or {@code "human"}, accepted for compatibility and a no-op here: gym4j opens no window,
 *     so {@code render()} returns empty.</li>
 * <li>{@code book_or_nips} ({@code "book"}, the default, or {@code "nips"}): which equations of motion to use.
 *     The book's are those of Sutton and Barto; the NeurIPS 1995 paper left out one term. Sutton confirmed the
 *     paper's experiments were run with the book's equations. Gymnasium has this as an attribute
 *     ({@code env.unwrapped.book_or_nips}); gym4j takes it as a kwarg.</li>
 * </ul>
 *
 * <h2>Numerical agreement with Gymnasium</h2>
 * Identical to Gymnasium 1.4.0 on NumPy, bit for bit, with no tolerance: every observation, reward and flag of
 * every step, and the internal state. The equations are evaluated in Gymnasium's order of operations, and their
 * {@code sin}, {@code cos} and {@code x**2} (which is {@code pow(x, 2)}, not {@code x*x}) are glibc 2.36's, to the
 * last bit, through {@link dev.gym4j.api.math.Libm} ({@code Math.sin/cos/pow} differ in the last bit for a few
 * arguments, and the dynamics amplify one such bit until the episodes part).
 *
 * <h2>Version history</h2>
 * <ul>
 * <li>v1: the time limit went from 200 to 500 steps, and the observation gives the sine and cosine of each
 *     angle instead of the angles themselves.</li>
 * <li>v0: the first release (no longer registered).</li>
 * </ul>
 *
 * <p>Thread safety: not thread-safe; confine each instance to one thread at a time.
 */
public final class AcrobotEnv extends AbstractEnv<float[], Integer> {

    private static final double DT = 0.2;
    private static final double LINK_LENGTH_1 = 1.0;
    private static final double LINK_LENGTH_2 = 1.0;
    private static final double LINK_MASS_1 = 1.0;
    private static final double LINK_MASS_2 = 1.0;
    private static final double LINK_COM_POS_1 = 0.5;
    private static final double LINK_COM_POS_2 = 0.5;
    private static final double LINK_MOI = 1.0;
    private static final double MAX_VEL_1 = 4 * Math.PI;
    private static final double MAX_VEL_2 = 9 * Math.PI;
    private static final double[] AVAIL_TORQUE = {-1.0, 0.0, +1};

    private static final Map<String, Object> METADATA = ClassicMetadata.of(15);
    private static final int SCREEN_DIM = 500;

    private final boolean nips;
    private final Discrete actionSpace = new Discrete(3);
    private final Box<float[]> observationSpace;

    /** {@code [theta1, theta2, dtheta1, dtheta2]}, float64 (float32 values right after a reset). */
    private final double[] s = new double[4];

    /** Makes the env without rendering and with the book's dynamics. */
    public AcrobotEnv() {
        this(null, "book");
    }

    /**
     * @param renderMode null, {@code "rgb_array"} or {@code "human"} (a no-op)
     * @param bookOrNips {@code "book"} or {@code "nips"}, not null
     * @throws dev.gym4j.api.InvalidArgumentException if the render mode or {@code bookOrNips} is not supported
     */
    public AcrobotEnv(String renderMode, String bookOrNips) {
        super(renderMode, ClassicMetadata.RENDER_MODES);
        this.nips = "nips".equals(Kwargs.requireChoice("AcrobotEnv", "book_or_nips", bookOrNips, "book", "nips"));
        float[] high = {1f, 1f, 1f, 1f, (float) MAX_VEL_1, (float) MAX_VEL_2};
        float[] low = new float[high.length];
        for (int i = 0; i < high.length; i++) {
            low[i] = -high[i];
        }
        observationSpace = Box.float32(low, high);
    }

    /**
     * Makes the env from Gymnasium-style kwargs, as {@code Gym.make} does.
     *
     * @param kwargs {@code render_mode} and {@code book_or_nips}, both optional; null means none
     * @return a new env
     * @throws dev.gym4j.api.InvalidArgumentException naming the kwarg if one is unknown or has a bad value
     */
    public static AcrobotEnv fromKwargs(Map<String, ?> kwargs) {
        Kwargs k = Kwargs.of("AcrobotEnv", kwargs);
        String renderMode = k.renderMode();
        String bookOrNips = k.choice("book_or_nips", "book", "book", "nips");
        k.rejectUnknown();
        return new AcrobotEnv(renderMode, bookOrNips);
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

    /** @return {@code "book"} or {@code "nips"}: the equations of motion in use */
    public String bookOrNips() {
        return nips ? "nips" : "book";
    }

    @Override
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        double[] bounds = ResetOptions.bounds(options, -0.1, 0.1);
        for (int i = 0; i < 4; i++) {
            s[i] = (float) npRandom().uniform(bounds[0], bounds[1]);
        }
        return new ResetResult<>(observation(), Map.of());
    }

    @Override
    protected StepResult<float[]> doStep(Integer action) {
        double torque = AVAIL_TORQUE[action];
        double[] ns = rk4(s, torque);
        s[0] = wrap(ns[0], -Math.PI, Math.PI);
        s[1] = wrap(ns[1], -Math.PI, Math.PI);
        s[2] = bound(ns[2], -MAX_VEL_1, MAX_VEL_1);
        s[3] = bound(ns[3], -MAX_VEL_2, MAX_VEL_2);
        boolean terminated = -Libm.cos(s[0]) - Libm.cos(s[1] + s[0]) > 1.0;
        return new StepResult<>(observation(), terminated ? 0.0 : -1.0, terminated, false, Map.of());
    }

    /**
     * One classic Runge-Kutta step of length {@code DT} of the state augmented with the (constant) torque, with
     * NumPy's element-wise order of operations.
     */
    private double[] rk4(double[] y0, double torque) {
        double dt = DT - 0;
        double dt2 = dt / 2.0;
        double[] k1 = dsdt(y0, torque);
        double[] k2 = dsdt(axpy(y0, dt2, k1), torque);
        double[] k3 = dsdt(axpy(y0, dt2, k2), torque);
        double[] k4 = dsdt(axpy(y0, dt, k3), torque);
        double h = dt / 6.0;
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = y0[i] + h * (((k1[i] + 2 * k2[i]) + 2 * k3[i]) + k4[i]);
        }
        return y;
    }

    private static double[] axpy(double[] y, double a, double[] k) {
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = y[i] + a * k[i];
        }
        return out;
    }

    /**
     * The equations of motion, written exactly as Gymnasium writes them: Java and Python both evaluate
     * {@code a * b * c} as {@code (a * b) * c}, and {@code x**2} is {@code pow(x, 2)}, not {@code x * x}.
     */
    private double[] dsdt(double[] st, double a) {
        double m1 = LINK_MASS_1;
        double m2 = LINK_MASS_2;
        double l1 = LINK_LENGTH_1;
        double lc1 = LINK_COM_POS_1;
        double lc2 = LINK_COM_POS_2;
        double i1 = LINK_MOI;
        double i2 = LINK_MOI;
        double g = 9.8;
        double theta1 = st[0];
        double theta2 = st[1];
        double dtheta1 = st[2];
        double dtheta2 = st[3];
        double d1 = m1 * Libm.pow(lc1, 2)
                + m2 * (Libm.pow(l1, 2) + Libm.pow(lc2, 2) + 2 * l1 * lc2 * Libm.cos(theta2))
                + i1
                + i2;
        double d2 = m2 * (Libm.pow(lc2, 2) + l1 * lc2 * Libm.cos(theta2)) + i2;
        double phi2 = m2 * lc2 * g * Libm.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * Libm.pow(dtheta2, 2) * Libm.sin(theta2)
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Libm.sin(theta2)
                + (m1 * lc1 + m2 * l1) * g * Libm.cos(theta1 - Math.PI / 2)
                + phi2;
        double ddtheta2;
        if (nips) {
            ddtheta2 = (a + d2 / d1 * phi1 - phi2) / (m2 * Libm.pow(lc2, 2) + i2 - Libm.pow(d2, 2) / d1);
        } else {
            ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * Libm.pow(dtheta1, 2) * Libm.sin(theta2) - phi2)
                    / (m2 * Libm.pow(lc2, 2) + i2 - Libm.pow(d2, 2) / d1);
        }
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2};
    }

    /** Gymnasium's {@code wrap}: shifts {@code x} by whole periods {@code hi - lo} into {@code [lo, hi]}. */
    private static double wrap(double x, double lo, double hi) {
        double diff = hi - lo;
        while (x > hi) {
            x = x - diff;
        }
        while (x < lo) {
            x = x + diff;
        }
        return x;
    }

    /** Python's {@code min(max(x, lo), hi)}. */
    private static double bound(double x, double lo, double hi) {
        double y = lo > x ? lo : x;
        return hi < y ? hi : y;
    }

    private float[] observation() {
        return new float[] {
            (float) Libm.cos(s[0]), (float) Libm.sin(s[0]), (float) Libm.cos(s[1]), (float) Libm.sin(s[1]),
            (float) s[2], (float) s[3],
        };
    }

    /** @return a copy of the state {@code [theta1, theta2, dtheta1, dtheta2]} (for tests) */
    double[] state() {
        return s.clone();
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
        double bound = LINK_LENGTH_1 + LINK_LENGTH_2 + 0.2;
        double scale = SCREEN_DIM / (bound * 2);
        double offset = SCREEN_DIM / 2.0;
        // Joint positions relative to the pivot, with Gymnasium's swap of the two coordinates.
        double p1x = LINK_LENGTH_1 * Math.sin(s[0]) * scale;
        double p1y = -LINK_LENGTH_1 * Math.cos(s[0]) * scale;
        double p2x = p1x + LINK_LENGTH_2 * Math.sin(s[0] + s[1]) * scale;
        double p2y = p1y - LINK_LENGTH_2 * Math.cos(s[0] + s[1]) * scale;
        double[][] joints = {{0, 0}, {p1x, p1y}, {p2x, p2y}};
        double[] thetas = {s[0] - Math.PI / 2, s[0] + s[1] - Math.PI / 2};
        double[] lengths = {LINK_LENGTH_1 * scale, LINK_LENGTH_2 * scale};

        Canvas canvas = new Canvas(SCREEN_DIM, SCREEN_DIM);
        canvas.line(-2.2 * scale + offset, 1 * scale + offset, 2.2 * scale + offset, 1 * scale + offset, 1.5f,
                Color.BLACK);
        Color link = new Color(0, 204, 204);
        Color joint = new Color(204, 204, 0);
        for (int i = 0; i < 2; i++) {
            double x = joints[i][0] + offset;
            double y = joints[i][1] + offset;
            canvas.fillRotatedRect(0, lengths[i], -0.1 * scale, 0.1 * scale, thetas[i], x, y, link);
            canvas.fillCircle(x, y, 0.1 * scale, joint);
        }
        return Optional.of(canvas.toFrame());
    }
}
