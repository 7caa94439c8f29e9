package dev.gym4j.envs.tracker.internal;

import static org.lwjgl.opengl.GL33C.*;

import dev.gym4j.api.GymException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGL12;
import org.lwjgl.egl.EGL14;
import org.lwjgl.egl.EGL15;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Draws the tracker's scene with OpenGL 3.3 core through LWJGL's EGL bindings on Mesa's surfaceless platform
 * ({@code EGL_MESA_platform_surfaceless}, {@code EGL_KHR_surfaceless_context}): no window, no display server,
 * no GPU needed (Mesa's llvmpipe). Each renderer owns one context with an off-screen framebuffer per picture
 * size; {@code glReadPixels} reads into a preallocated direct buffer whose rows are copied, flipped to top-down,
 * into the caller's array, so a frame allocates nothing.
 *
 * <p>The EGL display is initialised once per JVM; if that fails (no {@code libEGL.so.1}, no Mesa EGL vendor, no
 * {@code libgl1-mesa-dri}), {@link #unavailableReason()} says why and {@link #create()} throws a {@link GymException}
 * with that reason. {@link Renderers} then falls back to the software renderer.
 *
 * <p>Thread safety: one thread at a time. The context is made current at the start of each picture and released
 * at its end, so consecutive pictures may come from different threads (a vector env's workers).
 */
public final class GlRenderer implements SceneRenderer {

    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;
    private static final Object INIT_LOCK = new Object();
    private static boolean initialised;
    private static String problem;
    private static long display;
    private static long eglConfig;
    private static String description = "not initialised";

    private static final String VERTEX = "#version 330 core\n"
            + "layout(location = 0) in vec3 pos;\n"
            + "layout(location = 1) in vec3 col;\n"
            + "layout(location = 2) in float mat;\n"
            + "uniform mat4 mvp;\n"
            + "uniform mat4 model;\n"
            + "out vec3 vcol;\n"
            + "out vec2 vground;\n"
            + "flat out float vmat;\n"
            + "void main() {\n"
            + "  vground = (model * vec4(pos, 1.0)).xy;\n"
            + "  vcol = col;\n"
            + "  vmat = mat;\n"
            + "  gl_Position = mvp * vec4(pos, 1.0);\n"
            + "}\n";
    private static final String FRAGMENT = "#version 330 core\n"
            + "in vec3 vcol;\n"
            + "in vec2 vground;\n"
            + "flat in float vmat;\n"
            + "uniform vec3 gain;\n"
            + "uniform float tile;\n"
            + "uniform float dark;\n"
            + "out vec4 frag;\n"
            + "void main() {\n"
            + "  vec3 c = vcol;\n"
            + "  if (vmat > 0.5) {\n"
            + "    float cells = floor(vground.x / tile) + floor(vground.y / tile);\n"
            + "    c *= (cells - 2.0 * floor(cells / 2.0) == 0.0) ? 1.0 : dark;\n"
            + "  }\n"
            + "  frag = vec4(c * gain, 1.0);\n"
            + "}\n";

    private static final int WORLD = 0;
    private static final int BURGER = 1;
    private static final int WAFFLE = 2;
    private static final int CONE = 3;

    private long context;
    private GLCapabilities caps;
    private int program;
    private int uMvp;
    private int uModel;
    private int uGain;
    private final int[] vaos = new int[4];
    private final int[] vbos = new int[4];
    private final int[] counts = new int[4];
    private final int[][] targets = new int[2][]; // {width, height, fbo, colour, depth}
    private ByteBuffer pixels;
    private final float[] matrix = new float[16];
    private boolean closed;

    private GlRenderer() {
    }

    /**
     * @return null if GL works on this machine, else why not; initialises EGL on first use
     */
    public static String unavailableReason() {
        synchronized (INIT_LOCK) {
            if (!initialised) {
                initialised = true;
                try {
                    initDisplay();
                } catch (LinkageError | RuntimeException e) {
                    problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            return problem;
        }
    }

    /** @return the GL renderer and version strings, once a context was made */
    public static String description() {
        synchronized (INIT_LOCK) {
            return description;
        }
    }

    /**
     * @return a new GL renderer with its own context
     * @throws GymException if EGL or the GL drivers are unavailable, saying why and naming the packages to install
     */
    public static GlRenderer create() {
        String why = unavailableReason();
        if (why != null) {
            throw new GymException("OpenGL through EGL is unavailable: " + why
                    + "; install libegl1, libegl-mesa0 and libgl1-mesa-dri, or use renderer \"software\"");
        }
        GlRenderer r = new GlRenderer();
        r.init();
        return r;
    }

    private static void initDisplay() {
        Configuration.OPENGL_EXPLICIT_INIT.set(true);
        EGLCapabilities clientCaps = EGL.getCapabilities();
        String extensions = EGL10.eglQueryString(EGL10.EGL_NO_DISPLAY, EGL10.EGL_EXTENSIONS);
        if (extensions == null || !extensions.contains("EGL_MESA_platform_surfaceless")) {
            throw new IllegalStateException("EGL has no EGL_MESA_platform_surfaceless client extension (is libegl-mesa0 installed?)");
        }
        if (clientCaps.eglGetPlatformDisplay == MemoryUtil.NULL) {
            throw new IllegalStateException("EGL 1.5's eglGetPlatformDisplay is missing");
        }
        // LWJGL's wrapper refuses a null native display, which the surfaceless platform requires: call it directly.
        long dpy = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, MemoryUtil.NULL, MemoryUtil.NULL, clientCaps.eglGetPlatformDisplay);
        if (dpy == EGL10.EGL_NO_DISPLAY) {
            throw new IllegalStateException("eglGetPlatformDisplay(surfaceless) failed: " + error());
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer major = stack.mallocInt(1);
            IntBuffer minor = stack.mallocInt(1);
            if (!EGL10.eglInitialize(dpy, major, minor)) {
                throw new IllegalStateException("eglInitialize failed: " + error() + " (is libgl1-mesa-dri installed?)");
            }
            EGLCapabilities displayCaps = EGL.createDisplayCapabilities(dpy, major.get(0), minor.get(0));
            if (!displayCaps.EGL_KHR_surfaceless_context) {
                throw new IllegalStateException("the EGL display lacks EGL_KHR_surfaceless_context");
            }
            if (!EGL12.eglBindAPI(EGL14.EGL_OPENGL_API)) {
                throw new IllegalStateException("eglBindAPI(EGL_OPENGL_API) failed: " + error());
            }
            IntBuffer attributes = stack.ints(EGL10.EGL_SURFACE_TYPE, EGL10.EGL_PBUFFER_BIT,
                    EGL12.EGL_RENDERABLE_TYPE, EGL14.EGL_OPENGL_BIT,
                    EGL10.EGL_RED_SIZE, 8, EGL10.EGL_GREEN_SIZE, 8, EGL10.EGL_BLUE_SIZE, 8, EGL10.EGL_NONE);
            PointerBuffer configs = stack.mallocPointer(1);
            IntBuffer found = stack.mallocInt(1);
            if (!EGL10.eglChooseConfig(dpy, attributes, configs, found) || found.get(0) < 1) {
                throw new IllegalStateException("no EGL config for an OpenGL pbuffer: " + error());
            }
            eglConfig = configs.get(0);
        }
        GL.create(EGL.getFunctionProvider());
        display = dpy;
    }

    private static String error() {
        return "EGL error 0x" + Integer.toHexString(EGL10.eglGetError());
    }

    private void init() {
        if (!EGL12.eglBindAPI(EGL14.EGL_OPENGL_API)) {
            throw new GymException("eglBindAPI(EGL_OPENGL_API) failed: " + error());
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer attributes = stack.ints(EGL15.EGL_CONTEXT_MAJOR_VERSION, 3, EGL15.EGL_CONTEXT_MINOR_VERSION, 3,
                    EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL10.EGL_NONE);
            context = EGL10.eglCreateContext(display, eglConfig, EGL10.EGL_NO_CONTEXT, attributes);
        }
        if (context == EGL10.EGL_NO_CONTEXT) {
            throw new GymException("eglCreateContext(OpenGL 3.3 core) failed: " + error());
        }
        acquire(true);
        try {
            caps = GL.createCapabilities();
            synchronized (INIT_LOCK) {
                description = glGetString(GL_RENDERER) + ", " + glGetString(GL_VERSION);
            }
            program = link(compile(GL_VERTEX_SHADER, VERTEX), compile(GL_FRAGMENT_SHADER, FRAGMENT));
            glUseProgram(program);
            uMvp = glGetUniformLocation(program, "mvp");
            uModel = glGetUniformLocation(program, "model");
            uGain = glGetUniformLocation(program, "gain");
            glUniform1f(glGetUniformLocation(program, "tile"), Mesh.TILE);
            glUniform1f(glGetUniformLocation(program, "dark"), Mesh.CHECKER_DARK);
            glGenVertexArrays(vaos);
            glGenBuffers(vbos);
            for (int i = 0; i < 4; i++) {
                glBindVertexArray(vaos[i]);
                glBindBuffer(GL_ARRAY_BUFFER, vbos[i]);
                int stride = Mesh.STRIDE * Float.BYTES;
                glVertexAttribPointer(0, 3, GL_FLOAT, false, stride, 0);
                glVertexAttribPointer(1, 3, GL_FLOAT, false, stride, 3L * Float.BYTES);
                glVertexAttribPointer(2, 1, GL_FLOAT, false, stride, 6L * Float.BYTES);
                glEnableVertexAttribArray(0);
                glEnableVertexAttribArray(1);
                glEnableVertexAttribArray(2);
            }
            upload(BURGER, Models.burger());
            upload(WAFFLE, Models.waffle());
            upload(CONE, Models.viewCone(View.CAMERA_HFOV / 2, 2.0));
            glEnable(GL_DEPTH_TEST);
            glDepthFunc(GL_LESS);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            check("initialisation");
        } catch (RuntimeException e) {
            release();
            EGL10.eglDestroyContext(display, context);
            throw e;
        }
        release();
    }

    private void upload(int slot, Mesh mesh) {
        glBindBuffer(GL_ARRAY_BUFFER, vbos[slot]);
        float[] data = java.util.Arrays.copyOf(mesh.data(), mesh.floats());
        glBufferData(GL_ARRAY_BUFFER, data, GL_STATIC_DRAW);
        counts[slot] = mesh.vertices();
    }

    private static int compile(int type, String source) {
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
            throw new GymException("GL shader compilation failed: " + glGetShaderInfoLog(shader));
        }
        return shader;
    }

    private static int link(int vertex, int fragment) {
        int p = glCreateProgram();
        glAttachShader(p, vertex);
        glAttachShader(p, fragment);
        glLinkProgram(p);
        if (glGetProgrami(p, GL_LINK_STATUS) == GL_FALSE) {
            throw new GymException("GL program link failed: " + glGetProgramInfoLog(p));
        }
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        return p;
    }

    @Override
    public String name() {
        return "gl";
    }

    @Override
    public void setWorld(Mesh world) {
        ensureOpen();
        acquire(false);
        try {
            upload(WORLD, world);
        } finally {
            release();
        }
    }

    @Override
    public void render(View view, ScenePoses poses, byte[] out, int offset) {
        ensureOpen();
        acquire(false);
        try {
            int w = view.width(), h = view.height();
            int[] target = target(w, h);
            glBindFramebuffer(GL_FRAMEBUFFER, target[2]);
            glViewport(0, 0, w, h);
            glClearColor(0f, 0f, 0f, 1f);
            glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
            glUseProgram(program);
            glUniform3f(uGain, poses.gain()[0], poses.gain()[1], poses.gain()[2]);
            double[] vp = view.viewProjection();
            draw(WORLD, vp, View.model(0, 0, 0));
            draw(BURGER, vp, View.model(poses.burgerX(), poses.burgerY(), poses.burgerYaw()));
            if (view.thirdPerson()) {
                double[] waffle = View.model(poses.waffleX(), poses.waffleY(), poses.waffleYaw());
                draw(WAFFLE, vp, waffle);
                draw(CONE, vp, waffle);
            }
            int bytes = w * h * 3;
            if (pixels == null || pixels.capacity() < bytes) {
                if (pixels != null) {
                    MemoryUtil.memFree(pixels);
                }
                pixels = MemoryUtil.memAlloc(bytes);
            }
            glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels);
            int row = w * 3;
            for (int y = 0; y < h; y++) {
                pixels.get((h - 1 - y) * row, out, offset + y * row, row);
            }
        } finally {
            release();
        }
    }

    private void draw(int slot, double[] viewProjection, double[] model) {
        if (counts[slot] == 0) {
            return;
        }
        double[] mvp = View.multiply(viewProjection, model);
        for (int i = 0; i < 16; i++) {
            matrix[i] = (float) mvp[i];
        }
        glUniformMatrix4fv(uMvp, false, matrix);
        for (int i = 0; i < 16; i++) {
            matrix[i] = (float) model[i];
        }
        glUniformMatrix4fv(uModel, false, matrix);
        glBindVertexArray(vaos[slot]);
        glDrawArrays(GL_TRIANGLES, 0, counts[slot]);
    }

    /** The framebuffer for a picture size; two sizes are kept (the camera's and the third-person view's). */
    private int[] target(int w, int h) {
        for (int[] t : targets) {
            if (t != null && t[0] == w && t[1] == h) {
                return t;
            }
        }
        int slot = targets[0] == null ? 0 : targets[1] == null ? 1 : 1;
        if (targets[slot] != null) {
            int[] old = targets[slot];
            glDeleteFramebuffers(old[2]);
            glDeleteRenderbuffers(old[3]);
            glDeleteRenderbuffers(old[4]);
        }
        int fbo = glGenFramebuffers();
        int colour = glGenRenderbuffers();
        int depth = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, colour);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        glBindRenderbuffer(GL_RENDERBUFFER, depth);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, w, h);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            throw new GymException("GL framebuffer " + w + "x" + h + " incomplete: 0x" + Integer.toHexString(status));
        }
        targets[slot] = new int[] {w, h, fbo, colour, depth};
        return targets[slot];
    }

    private void acquire(boolean first) {
        if (!EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, context)) {
            throw new GymException("eglMakeCurrent failed: " + error()
                    + " (is the env used from two threads at once? an env is not thread-safe)");
        }
        if (!first) {
            GL.setCapabilities(caps);
        }
    }

    private void release() {
        GL.setCapabilities(null);
        EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_CONTEXT);
    }

    private static void check(String what) {
        int e = glGetError();
        if (e != GL_NO_ERROR) {
            throw new GymException("GL error 0x" + Integer.toHexString(e) + " during " + what);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the GL renderer is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        acquire(false);
        try {
            for (int[] t : targets) {
                if (t != null) {
                    glDeleteFramebuffers(t[2]);
                    glDeleteRenderbuffers(t[3]);
                    glDeleteRenderbuffers(t[4]);
                }
            }
            glDeleteBuffers(vbos);
            glDeleteVertexArrays(vaos);
            glDeleteProgram(program);
        } finally {
            release();
            EGL10.eglDestroyContext(display, context);
            if (pixels != null) {
                MemoryUtil.memFree(pixels);
                pixels = null;
            }
        }
    }
}
