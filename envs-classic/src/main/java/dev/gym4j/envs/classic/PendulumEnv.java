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
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.util.Map;
import java.util.Optional;

/**
 * The inverted pendulum swing-up, computing what Gymnasium 1.4.0's {@code PendulumEnv} computes under
 * NumPy 2's float32 rules. Registered as {@code Pendulum-v1} (200 steps, no reward threshold).
 *
 * <h2>Description</h2>
 * A rigid rod hangs from a frictionless pivot with its free end anywhere on the circle around it. Torque
 * applied at the pivot must swing the rod up and then hold it upright, with its centre of gravity straight
 * above the pivot. Angles are measured from the upright position, counter-clockwise positive, in radians.
 *
 * <h2>Action space</h2>
 * A float32 {@code Box(-2, 2, (1,))}: the torque applied at the pivot. Values outside {@code [-2, 2]} are
 * accepted and clipped to that range before use.
 *
 * <h2>Observation space</h2>
 * A float32 {@code Box} of shape {@code (3,)}:
 * <table>
 * <caption>Observation</caption>
 * <tr><th>Index</th><th>Meaning</th><th>Min</th><th>Max</th></tr>
 * <tr><td>0</td><td>{@code x = cos(theta)} of the free end</td><td>-1</td><td>1</td></tr>
 * <tr><td>1</td><td>{@code y = sin(theta)} of the free end</td><td>-1</td><td>1</td></tr>
 * <tr><td>2</td><td>angular velocity</td><td>-8</td><td>8</td></tr>
 * </table>
 * The state {@code [theta, theta_dot]} is float64.
 *
 * <h2>Transition</h2>
 * With {@code u} the clipped torque, {@code theta_dot += (3g / 2l * sin(theta) + 3 / (m l^2) * u) * dt},
 * clipped to {@code [-8, 8]}, then {@code theta += theta_dot * dt} (semi-implicit Euler, {@code dt = 0.05},
 * {@code m = l = 1}). Terms that involve the float32 torque are computed in float32, as NumPy 2 does.
 *
 * <h2>Rewards</h2>
 * {@code -(theta_n^2 + 0.1 theta_dot^2 + 0.001 u^2)} where {@code theta_n} is the angle brought into
 * {@code [-pi, pi)}. The reward lies between about -16.27 (hanging down, spinning at full speed, full torque)
 * and 0 (upright, still, no torque).
 *
 * <h2>Starting state</h2>
 * The angle is uniform in {@code [-pi, pi)} and the angular velocity in {@code [-1, 1)}. The reset options
 * {@code x_init} and {@code y_init} (converted as Python's {@code float()}; not negative) replace pi and 1
 * as the half-widths of the two ranges.
 *
 * <h2>Episode end</h2>
 * The episode never terminates; {@code Gym.make} truncates it after 200 steps.
 *
 * <h2>Arguments</h2>
 * <ul>
 * <li>{@code render_mode}: null (default), {@code "rgb_array"} ({@link #render()} returns a 500x500
 *     {@link Frame}) or {@code "human"}, accepted for compatibility and a no-op here: gym4j opens no window,
 *     so {@code render()} returns empty.</li>
 * <li>{@code g} (number, default 10.0): the acceleration of gravity.</li>
 * </ul>
 *
 * <h2>Numerical agreement with Gymnasium</h2>
 * Identical to Gymnasium 1.4.0 on NumPy 2 (or NumPy 1.24+ with {@code NPY_PROMOTION_STATE=weak}), bit for bit,
 * with no tolerance: every observation, reward and flag of every step, and the internal state. The float32 steps
 * follow NumPy 2's promotion rules, and {@code sin}, {@code cos}, {@code pow} (float64 {@code x**2}) and
 * {@code powf} (float32 {@code u**2}) are glibc 2.36's, to the last bit, through {@link dev.gym4j.api.math.Libm}.
 *
 * <h2>Version history</h2>
 * <ul>
 * <li>v1: the equations were simplified; the behaviour did not change.</li>
 * <li>v0: the first release.</li>
 * </ul>
 *
 * <p>Thread safety: not thread-safe; confine each instance to one thread at a time.
 */
public final class PendulumEnv extends AbstractEnv<float[], float[]> {

    private static final double MAX_SPEED = 8;
    private static final double MAX_TORQUE = 2.0;
    private static final double DT = 0.05;
    private static final double M = 1.0;
    private static final double L = 1.0;
    private static final double DEFAULT_X = Math.PI;
    private static final double DEFAULT_Y = 1.0;

    private static final Map<String, Object> METADATA = ClassicMetadata.of(30);
    private static final int SCREEN_DIM = 500;

    private final double g;
    private final Box<float[]> actionSpace = Box.float32((float) -MAX_TORQUE, (float) MAX_TORQUE, 1);
    private final Box<float[]> observationSpace = Box.float32(
            new float[] {-1f, -1f, (float) -MAX_SPEED}, new float[] {1f, 1f, (float) MAX_SPEED});

    private double th;
    private double thdot;
    /** The last clipped torque, NaN until the first step of an episode (Gymnasium's {@code last_u = None}). */
    private float lastU = Float.NaN;

    /** Makes the env without rendering and with {@code g = 10.0}. */
    public PendulumEnv() {
        this(null, 10.0);
    }

    /**
     * @param renderMode null, {@code "rgb_array"} or {@code "human"} (a no-op)
     * @param g the acceleration of gravity
     * @throws dev.gym4j.api.InvalidArgumentException if the render mode is not supported
     */
    public PendulumEnv(String renderMode, double g) {
        super(renderMode, ClassicMetadata.RENDER_MODES);
        this.g = g;
    }

    /**
     * Makes the env from Gymnasium-style kwargs, as {@code Gym.make} does.
     *
     * @param kwargs {@code render_mode} and {@code g}, both optional; null means none
     * @return a new env
     * @throws dev.gym4j.api.InvalidArgumentException naming the kwarg if one is unknown or has a bad value
     */
    public static PendulumEnv fromKwargs(Map<String, ?> kwargs) {
        Kwargs k = Kwargs.of("PendulumEnv", kwargs);
        String renderMode = k.renderMode();
        double g = k.finiteNumber("g", 10.0);
        k.rejectUnknown();
        return new PendulumEnv(renderMode, g);
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
        double x = ResetOptions.number(options, "x_init", DEFAULT_X);
        double y = ResetOptions.number(options, "y_init", DEFAULT_Y);
        ResetOptions.requireFiniteRange(-x, x, "reset option 'x_init' as -x_init and x_init");
        ResetOptions.requireFiniteRange(-y, y, "reset option 'y_init' as -y_init and y_init");
        th = npRandom().uniform(-x, x);
        thdot = npRandom().uniform(-y, y);
        lastU = Float.NaN;
        return new ResetResult<>(observation(), Map.of());
    }

    @Override
    protected StepResult<float[]> doStep(float[] action) {
        float u = Math.min(Math.max(action[0], (float) -MAX_TORQUE), (float) MAX_TORQUE);
        lastU = u;
        // NumPy 2: float32 ** 2 is powf, and Python constants meeting the float32 u are rounded to float32.
        float uSquared = Libm.powf(u, 2f);
        float torqueCost = 0.001f * uSquared;
        float torqueTerm = (float) (3.0 / (M * Libm.pow(L, 2))) * u;
        double costs = Libm.pow(angleNormalize(th), 2) + 0.1 * Libm.pow(thdot, 2) + torqueCost;

        double newthdot = thdot + (3 * g / (2 * L) * Libm.sin(th) + torqueTerm) * DT;
        newthdot = Math.min(Math.max(newthdot, -MAX_SPEED), MAX_SPEED);
        double newth = th + newthdot * DT;
        th = newth;
        thdot = newthdot;
        return new StepResult<>(observation(), -costs, false, false, Map.of());
    }

    /** NumPy's {@code ((x + pi) % (2 pi)) - pi}, with NumPy's sign rule for the float remainder. */
    static double angleNormalize(double x) {
        double b = 2 * Math.PI;
        double mod = (x + Math.PI) % b;
        if (mod != 0.0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod - Math.PI;
    }

    private float[] observation() {
        return new float[] {(float) Libm.cos(th), (float) Libm.sin(th), (float) thdot};
    }

    /** @return a copy of the float64 state {@code [theta, theta_dot]} (for tests) */
    double[] state() {
        return new double[] {th, thdot};
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
        double bound = 2.2;
        double scale = SCREEN_DIM / (bound * 2);
        double offset = SCREEN_DIM / 2;
        double rodLength = 1 * scale;
        double rodWidth = 0.2 * scale;
        double angle = th + Math.PI / 2;
        Color rod = new Color(204, 77, 77);

        Canvas canvas = new Canvas(SCREEN_DIM, SCREEN_DIM);
        canvas.fillRotatedRect(0, rodLength, -rodWidth / 2, rodWidth / 2, angle, offset, offset, rod);
        canvas.fillCircle(offset, offset, rodWidth / 2, rod);
        canvas.fillCircle(offset + rodLength * Math.cos(angle), offset + rodLength * Math.sin(angle), rodWidth / 2,
                rod);
        if (!Float.isNaN(lastU) && lastU != 0f) {
            drawTorqueArrow(canvas.graphics(), offset, scale * Math.abs(lastU) / 4, lastU > 0);
        }
        canvas.fillCircle(offset, offset, 0.05 * scale, Color.BLACK);
        return Optional.of(canvas.toFrame());
    }

    /**
     * Draws a curved arrow around the pivot whose size grows with the torque: counter-clockwise for a
     * positive torque, clockwise for a negative one (Gymnasium shows a picture of such an arrow).
     */
    private static void drawTorqueArrow(Graphics2D gr, double centre, double radius, boolean counterClockwise) {
        double startDeg = 200;
        double extentDeg = 250;
        gr.setColor(Color.BLACK);
        gr.setStroke(new BasicStroke((float) Math.max(2, radius / 6), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        // Arc2D angles run counter-clockwise in a y-down space; this canvas is y-up, so they run clockwise here.
        double start = counterClockwise ? -startDeg : startDeg;
        double extent = counterClockwise ? -extentDeg : extentDeg;
        gr.draw(new Arc2D.Double(centre - radius, centre - radius, 2 * radius, 2 * radius, start, extent, Arc2D.OPEN));
        double endRad = Math.toRadians(-(start + extent));
        double ex = centre + radius * Math.cos(endRad);
        double ey = centre + radius * Math.sin(endRad);
        // Tangent direction of travel at the arc's end, in the y-up canvas.
        double dir = counterClockwise ? 1 : -1;
        double tx = -Math.sin(endRad) * dir;
        double ty = Math.cos(endRad) * dir;
        double head = Math.max(6, radius / 2.5);
        double nx = -ty;
        double ny = tx;
        double[] xs = {ex + tx * head, ex - nx * head / 2, ex + nx * head / 2};
        double[] ys = {ey + ty * head, ey - ny * head / 2, ey + ny * head / 2};
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        p.lineTo(xs[1], ys[1]);
        p.lineTo(xs[2], ys[2]);
        p.closePath();
        gr.fill(p);
    }
}
