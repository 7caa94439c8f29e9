package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A machine without EGL gets the software renderer, never a crash: child JVMs where {@code libEGL.so.1} cannot be
 * found (LWJGL pointed at a missing file) or where EGL has no Mesa vendor (glvnd pointed at a missing vendor file)
 * run an episode with {@code renderer="auto"}, and their pictures are the software renderer's, byte for byte; with
 * {@code renderer="gl"} they get one clear error naming the packages to install.
 */
class FallbackTest {

    /** Run in the child JVM: prints the renderer's name and the episode's hash, or the error. */
    public static void main(String[] args) {
        try {
            try (ObjectTrackerEnv env = ObjectTrackerEnv.fromKwargs(Map.of("renderer", args[0]))) {
                System.out.println("renderer=" + env.rendererName());
            }
            System.out.println("hash=" + DeterminismTest.episodeHash(args[0], "rgb"));
        } catch (RuntimeException e) {
            System.out.println("error=" + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String child(String renderer, Map<String, String> env, String... jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(FallbackTest.class.getName());
        cmd.add(renderer);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("GYM4J_TRACKER_RENDERER"); // the child must try GL, even when this suite forces software
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void withoutLibEglTheAutoRendererFallsBackToSoftware() throws Exception {
        String out = child("auto", Map.of(), "-Dorg.lwjgl.egl.libname=/nonexistent/libEGL.so.1");
        assertTrue(out.contains("renderer=software"), out);
        assertTrue(out.contains("OpenGL is unavailable"), "the fallback is said once: " + out);
        assertTrue(out.contains("hash=" + DeterminismTest.episodeHash("software", "rgb")), out);
    }

    @Test
    void withoutAMesaVendorTheAutoRendererFallsBackToSoftware() throws Exception {
        String out = child("auto", Map.of("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent/50_mesa.json"));
        assertTrue(out.contains("renderer=software"), out);
        assertTrue(out.contains("hash=" + DeterminismTest.episodeHash("software", "rgb")), out);
    }

    @Test
    void askingForGlWithoutEglIsOneClearError() throws Exception {
        String out = child("gl", Map.of(), "-Dorg.lwjgl.egl.libname=/nonexistent/libEGL.so.1");
        assertTrue(out.contains("error=GymException: OpenGL through EGL is unavailable"), out);
        assertTrue(out.contains("libgl1-mesa-dri"), out);
    }
}
