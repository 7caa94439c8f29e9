package dev.gym4j.bridge;

import dev.gym4j.Gym;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorOptions;
import java.util.Map;

/**
 * Makes the session of a client that asked for a vector env: a {@code SyncVectorEnv} of N envs made by
 * the server's factory, with Gymnasium 1.x's default (next-step) autoreset, exactly what
 * {@code Gym.makeVec(id, N)} gives locally.
 *
 * <p>Thread-safe (stateless).
 */
final class VectorSessions {

    /** The most sub-envs one client may ask for: a Hello with num_envs = 2^31 - 1 must not make them. */
    static final int MAX_NUM_ENVS = 4096;

    private VectorSessions() {
    }

    static Session make(EnvFactory factory, String envId, Map<String, Object> kwargs, int numEnvs) {
        if (numEnvs > MAX_NUM_ENVS) {
            throw new dev.gym4j.api.InvalidArgumentException("num_envs must be at most " + MAX_NUM_ENVS
                    + " per client, got " + numEnvs);
        }
        VectorEnv<Object, Object> vec = VectorOptions.DEFAULTS.create(numEnvs, i -> factory.make(envId, kwargs));
        return new VectorSession(vec);
    }
}
