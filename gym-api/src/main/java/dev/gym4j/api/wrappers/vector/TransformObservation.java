package dev.gym4j.api.wrappers.vector;

import dev.gym4j.api.internal.BatchLayout;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Applies a function to every batch of observations, as Gymnasium's vector
 * {@code TransformObservation}; rewards, flags and infos pass through.
 *
 * <p>The function sees the whole batch (row after row) and returns the new batch. To keep stepping
 * allocation-free, let it write into an array it reuses; the returned array is exposed as the batch's
 * observations until the next call. Thread safety: not thread-safe.
 *
 * @param <P> the transformed batched observation type
 * @param <O> the wrapped env's batched observation type
 * @param <A> the batched action type
 */
public final class TransformObservation<P, O, A> implements VectorEnv<P, A> {

    private final VectorEnv<O, A> env;
    private final Function<? super O, ? extends P> function;
    private final Space<?> singleObservationSpace;
    private final Space<?> observationSpace;
    private final ObservationBatchView<P> view = new ObservationBatchView<>();

    /**
     * Keeps the wrapped env's observation spaces (for a transform that stays inside them).
     *
     * @param env the vector env to wrap
     * @param function maps a batch of observations to the new batch
     */
    public TransformObservation(VectorEnv<O, A> env, Function<? super O, ? extends P> function) {
        this(env, function, null);
    }

    /**
     * @param env the vector env to wrap
     * @param function maps a batch of observations to the new batch
     * @param singleObservationSpace the space one transformed observation belongs to, or null to keep the
     *     wrapped env's; the batched space is built from it as Gymnasium's {@code batch_space} does
     */
    public TransformObservation(VectorEnv<O, A> env, Function<? super O, ? extends P> function, Space<?> singleObservationSpace) {
        this.env = Objects.requireNonNull(env, "env");
        this.function = Objects.requireNonNull(function, "function");
        if (singleObservationSpace == null) {
            this.singleObservationSpace = env.singleObservationSpace();
            this.observationSpace = env.observationSpace();
        } else {
            this.singleObservationSpace = singleObservationSpace;
            this.observationSpace = BatchLayout.of(singleObservationSpace).batchedSpace(env.numEnvs());
        }
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
        return singleObservationSpace;
    }

    @Override
    public Space<?> singleActionSpace() {
        return env.singleActionSpace();
    }

    @Override
    public Space<?> observationSpace() {
        return observationSpace;
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
    public VectorBatch<P> reset(Long seed, Map<String, ?> options) {
        return transform(env.reset(seed, options));
    }

    @Override
    public VectorBatch<P> step(A actions) {
        return transform(env.step(actions));
    }

    private VectorBatch<P> transform(VectorBatch<O> inner) {
        return view.of(inner, function.apply(inner.observations()));
    }

    @Override
    public dev.gym4j.api.EnvSpec spec() {
        return env.spec();
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public String toString() {
        return "<TransformObservation, " + env + ">";
    }
}
