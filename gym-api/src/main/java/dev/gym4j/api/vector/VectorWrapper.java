package dev.gym4j.api.vector;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.spaces.Space;
import java.util.Map;
import java.util.Objects;

/**
 * The base of vector wrappers, as Gymnasium's {@code VectorWrapper}: every method forwards to the
 * wrapped vector env unless a subclass overrides it. Wrappers of this package keep the batch layout
 * and allocate nothing per step unless their Javadoc says so.
 *
 * <p>Thread safety: not thread-safe, like the vector env it wraps.
 *
 * @param <O> the batched observation type
 * @param <A> the batched action type
 */
public abstract class VectorWrapper<O, A> implements VectorEnv<O, A> {

    /** The wrapped vector env. */
    protected final VectorEnv<O, A> env;

    /** @param env the vector env to wrap */
    protected VectorWrapper(VectorEnv<O, A> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** @return the vector env directly inside this wrapper */
    public VectorEnv<O, A> env() {
        return env;
    }

    @Override
    public int numEnvs() {
        return env.numEnvs();
    }

    @Override
    public Space<?> singleObservationSpace() {
        return env.singleObservationSpace();
    }

    @Override
    public Space<?> singleActionSpace() {
        return env.singleActionSpace();
    }

    @Override
    public Space<?> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space<?> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public AutoresetMode autoresetMode() {
        return env.autoresetMode();
    }

    @Override
    public VectorBatch<O> reset(Long seed, Map<String, ?> options) {
        return env.reset(seed, options);
    }

    @Override
    public VectorBatch<O> step(A actions) {
        return env.step(actions);
    }

    @Override
    public EnvSpec spec() {
        return env.spec();
    }

    @Override
    public Map<String, Object> metadata() {
        return env.metadata();
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + ", " + env + ">";
    }
}
