package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.envs.tracker.internal.GlRenderer;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins hashes: of a seeded trajectory (the dynamics, the reset draws and the rewards), of camera pictures from the
 * software renderer (pure Java, the same on every JVM), and of GL pictures on this machine's Mesa (llvmpipe output
 * depends on the Mesa version: the GL hash is checked only on the version it was pinned on). A change that is
 * meant bumps the env's version and the hashes.
 */
class GoldenTest {

    static final String MESA = "Mesa 22.3.6";

    /** The action sequence: a fixed formula over the five actions. */
    static int action(int t) {
        return (t * 7 + t / 13) % 5 == 1 ? 1 : new int[] {2, 2, 3, 0, 2, 4, 2}[t % 7];
    }

    static String trajectoryHash() {
        try (Env<Object, Object> env = Gym.make("tracker/ObjectTracker-v0", Map.of("observation", "state"))) {
            ByteBuffer buf = ByteBuffer.allocate(400 * 8 * 8);
            float[] obs = (float[]) env.reset(42L).observation();
            for (float f : obs) {
                buf.putFloat(f);
            }
            for (int t = 0; t < 300; t++) {
                StepResult<Object> r = env.step(action(t));
                for (float f : (float[]) r.observation()) {
                    buf.putFloat(f);
                }
                buf.putDouble(r.reward());
                buf.put((byte) (r.terminated() ? 1 : 0));
                if (r.terminated()) {
                    break;
                }
            }
            return Pictures.sha256(java.util.Arrays.copyOf(buf.array(), buf.position()));
        }
    }

    static String picturesHash(String renderer) {
        try (ObjectTrackerEnv env = ObjectTrackerEnv.fromKwargs(Map.of("renderer", renderer, "distractors", 5, "render_mode", "rgb_array"))) {
            byte[] first = (byte[]) env.reset(7L).observation();
            byte[] later = first;
            for (int t = 0; t < 60; t++) {
                later = (byte[]) env.step(action(t)).observation();
            }
            return Pictures.sha256(first, later, env.render().orElseThrow().rgb());
        }
    }

    @Test
    void trajectoryHashIsPinned() {
        assertEquals("e1ef7f58bfb8f9ae4f45750347409f7f", trajectoryHash());
    }

    @Test
    void softwarePicturesHashIsPinned() {
        assertEquals("722721a71329b2db307516405d381c01", picturesHash("software"));
    }

    @Test
    void glPicturesHashIsPinnedOnThisMesa() {
        assumeTrue(Pictures.glAvailable(), "GL unavailable here");
        picturesHash("gl"); // makes a context, so the description is known
        assumeTrue(GlRenderer.description().contains(MESA), "pinned on " + MESA + ", this is " + GlRenderer.description());
        assertEquals("05e76d1cae4ee4760958f887dca3366a", picturesHash("gl"));
    }
}
