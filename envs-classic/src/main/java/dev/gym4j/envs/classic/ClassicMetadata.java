package dev.gym4j.envs.classic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata every classic-control env shares with Gymnasium: {@code render_modes} then
 * {@code render_fps}, in that order.
 *
 * <p>Stateless and thread-safe; the maps it returns are unmodifiable.
 */
final class ClassicMetadata {

    /** The render modes all five envs accept, as Gymnasium lists them. */
    static final List<String> RENDER_MODES = List.of("human", "rgb_array");

    private ClassicMetadata() {
    }

    /**
     * @param renderFps the env's {@code render_fps}
     * @return an unmodifiable, ordered metadata map
     */
    static Map<String, Object> of(int renderFps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("render_modes", RENDER_MODES);
        m.put("render_fps", renderFps);
        return Collections.unmodifiableMap(m);
    }
}
