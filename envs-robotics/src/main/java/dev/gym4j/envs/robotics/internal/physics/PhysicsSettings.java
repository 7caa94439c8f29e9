package dev.gym4j.envs.robotics.internal.physics;

import org.jbox2d.common.Settings;

/**
 * The one place that touches jbox2d's global, mutable {@link Settings}.
 *
 * <p>jbox2d ships with {@code SINCOS_LUT_ENABLED = true}: sin and cos then come from a lookup table with
 * an error near 1e-4, which bends joints and contacts in ways no other engine reproduces. We turn it off
 * once, in this class's initialiser, before any {@code World} exists; nothing else in gym4j writes
 * {@code Settings}. The other switches ({@code FAST_ABS}, {@code FAST_FLOOR}, ...) keep their defaults:
 * they are exact or deterministic, and the golden-trajectory test pins their effect.
 *
 * <p>Thread safety: class initialisation is atomic in the JVM, so {@link #ensureConfigured()} may be
 * called from any thread.
 */
public final class PhysicsSettings {

    static {
        Settings.SINCOS_LUT_ENABLED = false;
        Settings.SINCOS_LUT_LERP = false;
    }

    private PhysicsSettings() {
    }

    /** Runs the static initialiser (a no-op afterwards); every {@link PlanarWorld} calls it first. */
    public static void ensureConfigured() {
        // the work is in the static initialiser
    }

    /** @return jbox2d's current {@code SINCOS_LUT_ENABLED}, for the test that pins it to false */
    public static boolean sinCosLookupTableEnabled() {
        return Settings.SINCOS_LUT_ENABLED;
    }
}
