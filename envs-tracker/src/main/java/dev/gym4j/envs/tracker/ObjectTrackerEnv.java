package dev.gym4j.envs.tracker;

import dev.gym4j.Gym;
import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.Frame;
import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.Kwargs;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepOutcome;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.envs.tracker.internal.DiffDrive;
import dev.gym4j.envs.tracker.internal.Mesh;
import dev.gym4j.envs.tracker.internal.Models;
import dev.gym4j.envs.tracker.internal.Renderers;
import dev.gym4j.envs.tracker.internal.ScenePoses;
import dev.gym4j.envs.tracker.internal.SceneRenderer;
import dev.gym4j.envs.tracker.internal.TargetMotion;
import dev.gym4j.envs.tracker.internal.TrackerReward;
import dev.gym4j.envs.tracker.internal.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RoboMaker object tracker: a TurtleBot3 Waffle Pi drives toward a TurtleBot3 Burger that it sees through its
 * head camera. A port of {@code TurtleBot3ObjectTrackerAndFollowerDiscreteEnv} (the RoboMaker sample application
 * {@code aws-robomaker-sample-application-objecttracker}, {@code markov/environments/object_tracker_env.py}) that
 * steps in simulated time instead of Gazebo's wall clock. Registered as {@code tracker/ObjectTracker-v0} (1000
 * steps, reward threshold 200, as the original's registration).
 *
 * <h2>Description</h2>
 * The Waffle starts at the origin facing +x; the Burger stands 3.5 m ahead, somewhat to the side. Each step
 * sends one velocity command ({@code cmd_vel}: throttle as {@code linear.x}, steering as {@code angular.z}) and
 * advances 0.1 s of simulated time, the original's {@code sleep(0.1)} between action and reward. The Waffle's
 * wheels follow Gazebo's diff-drive plugin: wheel separation 0.287 m, wheel diameter 0.066 m, 30 Hz updates,
 * wheel acceleration limited to 1 m/s² (see {@code internal.DiffDrive}); between updates the pose follows the
 * exact arc. Nothing depends on the wall clock or the host's load.
 *
 * <h2>Action space</h2>
 * {@code Discrete(5)}, the original's table (the SageMaker notebook's prose says six; the code has five):
 * <table>
 * <caption>Actions</caption>
 * <tr><th>action</th><th>steering (rad/s)</th><th>throttle (m/s)</th></tr>
 * <tr><td>0</td><td>+0.6 (left)</td><td>0.1</td></tr>
 * <tr><td>1</td><td>-0.6 (right)</td><td>0.1</td></tr>
 * <tr><td>2</td><td>0 (straight)</td><td>0.1</td></tr>
 * <tr><td>3</td><td>+0.3</td><td>0.1</td></tr>
 * <tr><td>4</td><td>-0.3</td><td>0.1</td></tr>
 * </table>
 * With {@code continuous=true}: the base class's float32 {@code Box([-1, 0], [1, 1])} of (steering, throttle);
 * an action outside the bounds is an error (the original would publish it; Gymnasium's checker forbids it).
 *
 * <h2>Observation space</h2>
 * <ul>
 * <li>{@code observation="rgb"} (default): the head camera's picture, uint8 {@code Box(0, 255, (120, 160, 3))}
 *     (height, width, RGB; rows top-down), as the original's {@code TRAINING_IMAGE_SIZE}. The camera sits where
 *     the Waffle Pi's URDF puts {@code camera_rgb_frame} (0.076 m ahead, 0.103 m up), looks level, and has the
 *     Pi camera's horizontal field of view, 1.085595 rad.</li>
 * <li>{@code "gray"}: the Coach preset's input filter, luma {@code 0.2989 R + 0.5870 G + 0.1140 B} truncated to
 *     uint8, shape (120, 160, 1).</li>
 * <li>{@code "state"}: float32 {@code (6,)}: the Waffle's x, y, yaw and the Burger's x, y, yaw (metres, radians in
 *     [-pi, pi]); no picture is drawn, for fast experiments and scripted experts.</li>
 * </ul>
 * The scene: a checkered ground, a sky with a gradient, the Burger (dark grey plates, black wheels and LIDAR, a
 * green board), optional distractor boxes and cylinders. It is drawn with OpenGL 3.3 through EGL on Mesa (headless,
 * no display) when available, else with a pure-Java software renderer of the same scene (the choice is made once
 * per env, logged once per JVM, and selectable with {@code renderer}).
 *
 * <h2>Rewards</h2>
 * The original's, exactly: with {@code d} the distance in the ground plane from the Waffle to the Burger, a step
 * that beats the episode's best distance so far (initially {@code sys.maxsize}) records it and earns
 * {@code 10 / d²}; every other step earns 0. No negative rewards. (With a moving Burger, {@code d} is measured to
 * where it is; the original measures to where the reset put it, the same thing when it stands still.)
 *
 * <h2>Starting state</h2>
 * The Waffle at (0, 0), heading 0, at rest. The Burger at x = 3.5, y ~ U(-1, 1), heading 0; as the original, the
 * reset also draws its quaternion's w ~ U(0, 3), which does not change the (normalised) heading. Both values come
 * from the env's seeded generator, in that order; distractors, lighting and camera noise draw after them only when
 * enabled.
 *
 * <h2>Episode end</h2>
 * Terminated when an improving step reaches {@code d < 0.2} m (success) or when {@code d > 5} m (lost).
 * Truncated by {@code Gym.make}'s time limit after 1000 steps.
 *
 * <h2>Arguments</h2>
 * <ul>
 * <li>{@code observation}: {@code "rgb"} (default), {@code "gray"} or {@code "state"}.</li>
 * <li>{@code continuous} (Boolean, default false): the Box action space above.</li>
 * <li>{@code image_size}: [width, height] of the camera picture (PIL's order, as {@code TRAINING_IMAGE_SIZE}),
 *     default [160, 120], each in [8, 1024].</li>
 * <li>{@code target_motion}: {@code "static"} (default, as the original), {@code "wander"} or {@code "evade"}.</li>
 * <li>{@code camera_noise} (number in [0, 64], default 0): standard deviation of Gaussian noise added to each
 *     colour value of the picture, seeded.</li>
 * <li>{@code randomize_lighting} (Boolean, default false): a per-episode light gain in [0.6, 1.4] with a ±10 % tint
 *     per channel, seeded.</li>
 * <li>{@code distractors} (integer in [0, 20], default 0): boxes and cylinders placed at random, away from the
 *     path between the robots.</li>
 * <li>{@code renderer}: {@code "auto"} (default: GL, else software; the system property
 *     {@code gym4j.tracker.renderer} or the environment variable {@code GYM4J_TRACKER_RENDERER} may force
 *     {@code software}), {@code "gl"} (an error if EGL is missing) or {@code "software"}.</li>
 * <li>{@code render_mode}: null or {@code "rgb_array"}: {@link #render()} returns a 480x360 third-person view of
 *     both robots and the camera's view cone (yellow), for videos.</li>
 * </ul>
 *
 * <h2>Info</h2>
 * {@code distance} and {@code best_distance} (metres, Double), {@code waffle_pose} and {@code burger_pose}
 * (double[3]: x, y, yaw). Reset info holds the poses and {@code renderer} when pictures are drawn.
 *
 * <h2>Version history</h2>
 * <ul>
 * <li>v0: the first release.</li>
 * </ul>
 *
 * <p>Thread safety: not thread-safe; one thread at a time. Each env owns its own GL context, which it makes
 * current on the calling thread for each picture, so a vector env's worker threads may step it in turn.
 */
public final class ObjectTrackerEnv extends AbstractEnv<Object, Object> {

    /** The original's five (steering, throttle) pairs. */
    static final double[][] ACTIONS = {{0.6, 0.1}, {-0.6, 0.1}, {0.0, 0.1}, {0.3, 0.1}, {-0.3, 0.1}};
    /** Plugin updates per env step: 0.1 s at 30 Hz. */
    static final int UPDATES_PER_STEP = 3;
    static final double BURGER_X = 3.5;
    static final int VIEW_WIDTH = 480;
    static final int VIEW_HEIGHT = 360;
    static final double MAX_CAMERA_NOISE = 64;

    private static final List<String> RENDER_MODES = List.of("rgb_array");
    private static final Map<String, Object> METADATA = metadata(10);

    private final Config config;
    private final Space<?> observationSpace;
    private final Space<?> actionSpace;
    private final DiffDrive waffle = DiffDrive.waffle();
    private final DiffDrive burger = DiffDrive.burger();
    private final TrackerReward reward = new TrackerReward();
    private final float[] gain = {1f, 1f, 1f};
    private final byte[] rgb;
    private final double[] noise;
    private SceneRenderer renderer;
    private Generator noiseRng;
    private double burgerRefX;
    private double burgerRefY;
    private double distance;
    private int steps;

    /** The parsed kwargs. */
    record Config(String observation, boolean continuous, int width, int height, TargetMotion targetMotion,
                  double cameraNoise, boolean randomizeLighting, int distractors, String renderer, String renderMode) {
    }

    ObjectTrackerEnv(Config config) {
        super(config.renderMode(), RENDER_MODES);
        this.config = config;
        int w = config.width(), h = config.height();
        switch (config.observation()) {
            case "rgb":
                observationSpace = Box.uint8(0, 255, h, w, 3);
                break;
            case "gray":
                observationSpace = Box.uint8(0, 255, h, w, 1);
                break;
            case "state":
                float inf = Float.POSITIVE_INFINITY, pi = (float) Math.PI;
                observationSpace = Box.float32(new float[] {-inf, -inf, -pi, -inf, -inf, -pi}, new float[] {inf, inf, pi, inf, inf, pi});
                break;
            default:
                throw new AssertionError(config.observation());
        }
        actionSpace = config.continuous() ? Box.float32(new float[] {-1f, 0f}, new float[] {1f, 1f}) : new Discrete(5);
        boolean pictures = !"state".equals(config.observation());
        rgb = pictures && ("gray".equals(config.observation()) || config.cameraNoise() > 0) ? new byte[w * h * 3] : null;
        noise = config.cameraNoise() > 0 ? new double[w * h * 3] : null;
    }

    /** Makes the env with the defaults: RGB camera, discrete actions, a static Burger. */
    public ObjectTrackerEnv() {
        this(parse(Map.of()));
    }

    /**
     * Makes the env from Gymnasium-style kwargs, as {@code Gym.make} does.
     *
     * @param kwargs the arguments listed in the class documentation, all optional; null means none
     * @return a new env
     * @throws dev.gym4j.api.InvalidArgumentException naming the kwarg if one is unknown or has a bad value
     */
    public static ObjectTrackerEnv fromKwargs(Map<String, ?> kwargs) {
        return new ObjectTrackerEnv(parse(kwargs));
    }

    static Config parse(Map<String, ?> kwargs) {
        Map<String, ?> all = kwargs == null ? Map.of() : kwargs;
        // image_size is a pair of integers, which gym-api's reader has no method for: read here, the rest there
        Map<String, Object> rest = new LinkedHashMap<>(all);
        int[] size = imageSize(rest.remove("image_size"));
        Kwargs k = Kwargs.of("ObjectTrackerEnv", rest);
        String observation = k.choice("observation", "rgb", "rgb", "gray", "state");
        boolean continuous = k.bool("continuous", false);
        String motion = k.choice("target_motion", "static", "static", "wander", "evade");
        double noise = k.nonNegative("camera_noise", 0);
        if (noise > MAX_CAMERA_NOISE) {
            throw new InvalidArgumentException("kwarg 'camera_noise' of ObjectTrackerEnv must be a number in [0, "
                    + MAX_CAMERA_NOISE + "], got " + Kwargs.describe(all.get("camera_noise")));
        }
        boolean lighting = k.bool("randomize_lighting", false);
        int distractors = k.intInRange("distractors", 0, 0, 20);
        String renderer = k.choice("renderer", "auto", "auto", "gl", "software");
        String renderMode = k.renderMode();
        k.rejectUnknown();
        return new Config(observation, continuous, size[0], size[1], TargetMotion.valueOf(motion.toUpperCase(java.util.Locale.ROOT)),
                noise, lighting, distractors, renderer, renderMode);
    }

    /** @return [width, height] from null (the default 160 x 120), an int[2] or a list of two integers, each in [8, 1024] */
    private static int[] imageSize(Object v) {
        if (v == null) {
            return new int[] {160, 120};
        }
        List<?> items = v instanceof int[] a ? java.util.Arrays.stream(a).boxed().toList() : v instanceof List<?> l ? l : List.of();
        if (items.size() == 2 && items.stream().allMatch(e -> (e instanceof Integer || e instanceof Long)
                && ((Number) e).longValue() >= 8 && ((Number) e).longValue() <= 1024)) {
            return new int[] {((Number) items.get(0)).intValue(), ((Number) items.get(1)).intValue()};
        }
        throw new InvalidArgumentException("kwarg 'image_size' of ObjectTrackerEnv must be two integers [width, height] in [8, 1024]"
                + " such as [160, 120], got " + (v instanceof int[] a ? java.util.Arrays.toString(a) : Kwargs.describe(v)));
    }

    private static Map<String, Object> metadata(int fps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("render_modes", RENDER_MODES);
        m.put("render_fps", fps);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Space<Object> observationSpace() {
        return (Space<Object>) observationSpace;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Space<Object> actionSpace() {
        return (Space<Object>) actionSpace;
    }

    @Override
    public Map<String, Object> metadata() {
        return METADATA;
    }

    /** @return the renderer's name, {@code "gl"} or {@code "software"}, choosing it now if needed */
    public String rendererName() {
        return renderer().name();
    }

    // ---------------------------------------------------------------------------------------------- reset

    @Override
    protected ResetResult<Object> doReset(Map<String, ?> options) {
        Map<String, Object> info = resetState();
        Object obs = newObservation();
        writeObservation(obs, 0);
        return new ResetResult<>(obs, info);
    }

    @Override
    protected Map<String, Object> doResetInto(Map<String, ?> options, Object observations, int offset) {
        Map<String, Object> info = resetState();
        writeObservation(observations, offset);
        return info;
    }

    private Map<String, Object> resetState() {
        Generator rng = npRandom();
        waffle.place(0, 0, 0);
        burgerRefX = BURGER_X;
        burgerRefY = rng.uniform(-1, 1);
        rng.uniform(0, 3); // the quaternion's w: drawn as the original does, normalised away
        burger.place(burgerRefX, burgerRefY, 0);
        reward.reset();
        steps = 0;
        distance = currentDistance();
        boolean pictures = !"state".equals(config.observation()) || renderMode() != null;
        if (pictures) {
            Mesh world = Models.world();
            if (config.distractors() > 0) {
                world.addAll(Models.distractors(config.distractors(), rng, burgerRefY));
            }
            renderer().setWorld(world);
        }
        if (config.randomizeLighting()) {
            double level = rng.uniform(0.6, 1.4);
            for (int i = 0; i < 3; i++) {
                gain[i] = (float) (level * rng.uniform(0.9, 1.1));
            }
        }
        if (noise != null) {
            noiseRng = Generator.fromSeed(rng.integers(Long.MAX_VALUE));
        }
        Map<String, Object> info = poseInfo();
        if (pictures) {
            info.put("renderer", renderer().name());
        }
        return info;
    }

    // ---------------------------------------------------------------------------------------------- step

    @Override
    protected StepResult<Object> doStep(Object action) {
        advance(action);
        Object obs = newObservation();
        writeObservation(obs, 0);
        return new StepResult<>(obs, reward.reward(), reward.done(), false, stepInfo());
    }

    @Override
    protected void doStepInto(Object action, Object observations, int offset, StepOutcome outcome) {
        advance(action);
        writeObservation(observations, offset);
        outcome.set(reward.reward(), reward.done(), false, stepInfo());
    }

    private void advance(Object action) {
        double steering;
        double throttle;
        if (action instanceof float[] a) {
            if (!(a[0] >= -1f && a[0] <= 1f && a[1] >= 0f && a[1] <= 1f)) {
                throw new InvalidActionException("Invalid action [" + a[0] + ", " + a[1] + "] for action space " + actionSpace
                        + ": steering must be in [-1, 1] and throttle in [0, 1]");
            }
            steering = a[0];
            throttle = a[1];
        } else {
            double[] pair = ACTIONS[((Number) action).intValue()];
            steering = pair[0];
            throttle = pair[1];
        }
        waffle.command(throttle, steering);
        config.targetMotion().command(burger, waffle, steps, npRandom());
        waffle.advance(UPDATES_PER_STEP);
        burger.advance(UPDATES_PER_STEP);
        if (config.targetMotion() != TargetMotion.STATIC) {
            burgerRefX = burger.x();
            burgerRefY = burger.y();
        }
        steps++;
        distance = currentDistance();
        reward.evaluate(distance);
    }

    private double currentDistance() {
        double dx = waffle.x() - burgerRefX;
        double dy = waffle.y() - burgerRefY;
        return StrictMath.sqrt(dx * dx + dy * dy);
    }

    private Map<String, Object> poseInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("distance", distance);
        info.put("waffle_pose", new double[] {waffle.x(), waffle.y(), waffle.yaw()});
        info.put("burger_pose", new double[] {burger.x(), burger.y(), burger.yaw()});
        return info;
    }

    private Map<String, Object> stepInfo() {
        Map<String, Object> info = poseInfo();
        info.put("best_distance", reward.best());
        return info;
    }

    // ---------------------------------------------------------------------------------------------- pictures

    private Object newObservation() {
        if ("state".equals(config.observation())) {
            return new float[6];
        }
        return new byte[config.width() * config.height() * ("gray".equals(config.observation()) ? 1 : 3)];
    }

    private void writeObservation(Object out, int offset) {
        if (out instanceof float[] f) {
            f[offset] = (float) waffle.x();
            f[offset + 1] = (float) waffle.y();
            f[offset + 2] = (float) waffle.yaw();
            f[offset + 3] = (float) burger.x();
            f[offset + 4] = (float) burger.y();
            f[offset + 5] = (float) burger.yaw();
            return;
        }
        byte[] bytes = (byte[]) out;
        int w = config.width(), h = config.height();
        View view = View.camera(w, h, waffle.x(), waffle.y(), waffle.yaw());
        if (rgb == null) {
            renderer().render(view, poses(), bytes, offset);
            return;
        }
        renderer().render(view, poses(), rgb, 0);
        if (noise != null) {
            noiseRng.standardNormal(noise);
            double sigma = config.cameraNoise();
            for (int i = 0; i < rgb.length; i++) {
                long v = Math.round((rgb[i] & 0xFF) + sigma * noise[i]);
                rgb[i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        if ("gray".equals(config.observation())) {
            for (int p = 0, n = w * h; p < n; p++) {
                double y = 0.2989 * (rgb[3 * p] & 0xFF) + 0.5870 * (rgb[3 * p + 1] & 0xFF) + 0.1140 * (rgb[3 * p + 2] & 0xFF);
                bytes[offset + p] = (byte) (int) y;
            }
        } else {
            System.arraycopy(rgb, 0, bytes, offset, rgb.length);
        }
    }

    private ScenePoses poses() {
        return new ScenePoses(waffle.x(), waffle.y(), waffle.yaw(), burger.x(), burger.y(), burger.yaw(), gain);
    }

    private SceneRenderer renderer() {
        if (renderer == null) {
            renderer = Renderers.create(config.renderer());
        }
        return renderer;
    }

    @Override
    protected Optional<Frame> doRender() {
        byte[] out = new byte[VIEW_WIDTH * VIEW_HEIGHT * 3];
        renderer().render(View.thirdPerson(VIEW_WIDTH, VIEW_HEIGHT, waffle.x(), waffle.y(), burger.x(), burger.y()), poses(), out, 0);
        return Optional.of(new Frame(VIEW_WIDTH, VIEW_HEIGHT, out));
    }

    @Override
    protected void onClose() {
        if (renderer != null) {
            renderer.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- for tests

    /** @return the Waffle's drive (for tests) */
    DiffDrive waffleDrive() {
        return waffle;
    }

    /** @return the Burger's drive (for tests) */
    DiffDrive burgerDrive() {
        return burger;
    }

    /** @return the parsed kwargs (for tests) */
    Config config() {
        return config;
    }
}
