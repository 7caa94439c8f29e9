/**
 * The RoboMaker object tracker as a deterministic camera env ({@code tracker/ObjectTracker-v0}): a TurtleBot3
 * Waffle Pi drives to a Burger it sees through its head camera, in simulated time. Pictures are drawn with
 * OpenGL through LWJGL's EGL bindings on Mesa's surfaceless platform (no display, no GPU needed), or by a
 * pure-Java software renderer of the same scene when EGL is missing. LWJGL stays inside
 * {@code dev.gym4j.envs.tracker.internal}.
 */
module dev.gym4j.envs.tracker {
    requires transitive dev.gym4j.api;
    requires org.lwjgl;
    requires org.lwjgl.egl;
    requires org.lwjgl.opengl;

    exports dev.gym4j.envs.tracker;

    provides dev.gym4j.api.registry.EnvProvider with dev.gym4j.envs.tracker.TrackerEnvProvider;
    provides dev.gym4j.api.registry.ExpertProvider with dev.gym4j.envs.tracker.TrackerExpertProvider;
}
