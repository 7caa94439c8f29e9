package dev.gym4j.envs.tracker.internal;

/**
 * Draws the tracker's scene: the static world (set per episode), the Burger at its pose and, in a third-person
 * view, the Waffle and its camera's view cone. Images are RGB, 8 bits per channel, rows top-down.
 *
 * <p>Thread safety: one thread at a time; an implementation may be called from different threads in turn
 * (a vector env's workers), with a happens-before edge between calls.
 */
public interface SceneRenderer extends AutoCloseable {

    /** @return {@code "gl"} or {@code "software"} */
    String name();

    /**
     * Replaces the static world (ground, sky, distractors).
     *
     * @param world in world coordinates; not kept after the call by copy-on-upload renderers
     */
    void setWorld(Mesh world);

    /**
     * Draws one picture.
     *
     * @param view the camera and size
     * @param poses the robots and the light
     * @param out receives {@code width * height * 3} bytes at {@code offset}
     * @param offset where the first byte goes
     */
    void render(View view, ScenePoses poses, byte[] out, int offset);

    /** Releases the renderer's resources; idempotent. */
    @Override
    void close();
}
