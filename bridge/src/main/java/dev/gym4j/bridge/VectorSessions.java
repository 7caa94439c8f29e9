package dev.gym4j.bridge;

import dev.gym4j.api.GymException;
import java.util.Map;

/**
 * Makes vector-env sessions; vector envs arrive with the vector-env issue.
 *
 * <p>Thread-safe (stateless).
 */
final class VectorSessions {

    private VectorSessions() {
    }

    static Session make(EnvFactory factory, String envId, Map<String, Object> kwargs, int numEnvs) {
        throw new GymException("vector envs are not served yet (asked for " + numEnvs + " copies of " + envId + ")");
    }
}
