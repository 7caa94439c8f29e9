package dev.gym4j.envs.tracker.internal;

import dev.gym4j.api.GymException;
import java.util.Locale;

/**
 * Chooses the renderer: {@code "software"}, {@code "gl"} (EGL + Mesa, an error when unavailable) or
 * {@code "auto"}: GL when it works on this machine, else the software renderer, said once per JVM through
 * {@link System.Logger}. The system property {@value #PROPERTY} (or the environment variable
 * {@code GYM4J_TRACKER_RENDERER}) set to {@code software} makes {@code auto} choose the software renderer, so a
 * test suite can run with it forced.
 *
 * <p>Thread-safe.
 */
public final class Renderers {

    /** The system property that can force {@code auto} to the software renderer. */
    public static final String PROPERTY = "gym4j.tracker.renderer";

    private static final System.Logger LOG = System.getLogger(Renderers.class.getName());
    private static volatile boolean announced;

    private Renderers() {
    }

    /**
     * @param choice {@code "auto"}, {@code "gl"} or {@code "software"}
     * @return a new renderer, owned by the caller
     * @throws GymException if {@code choice} is {@code "gl"} and GL is unavailable, saying why
     */
    public static SceneRenderer create(String choice) {
        switch (choice) {
            case "software":
                return new SoftwareRenderer();
            case "gl":
                return GlRenderer.create();
            case "auto":
                if ("software".equals(forced())) {
                    announce("gym4j tracker: software renderer (forced by " + PROPERTY + " / GYM4J_TRACKER_RENDERER)");
                    return new SoftwareRenderer();
                }
                String problem = GlRenderer.unavailableReason();
                if (problem == null) {
                    try {
                        SceneRenderer gl = GlRenderer.create();
                        announce("gym4j tracker: OpenGL renderer (" + GlRenderer.description() + ")");
                        return gl;
                    } catch (GymException e) {
                        problem = e.getMessage();
                    }
                }
                announce("gym4j tracker: OpenGL is unavailable (" + problem + "); using the software renderer");
                return new SoftwareRenderer();
            default:
                throw new GymException("renderer must be \"auto\", \"gl\" or \"software\", got \"" + choice + "\"");
        }
    }

    private static String forced() {
        String v = System.getProperty(PROPERTY);
        if (v == null) {
            v = System.getenv("GYM4J_TRACKER_RENDERER");
        }
        return v == null ? null : v.trim().toLowerCase(Locale.ROOT);
    }

    private static void announce(String message) {
        if (!announced) {
            announced = true;
            LOG.log(System.Logger.Level.INFO, message);
        }
    }
}
