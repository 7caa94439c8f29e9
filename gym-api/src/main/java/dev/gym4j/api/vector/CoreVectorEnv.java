package dev.gym4j.api.vector;

import dev.gym4j.api.Env;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.spaces.Space;

/**
 * What {@link SyncVectorEnv} and {@link ThreadedVectorEnv} answer alike from their {@link VectorCore}: the
 * sizes, spaces, autoreset mode, spec and sub-envs. Package-private: the two public classes are the API.
 *
 * <p>Thread safety: as the subclasses (not thread-safe).
 *
 * @param <O> the batched observation type
 * @param <A> the batched action type
 */
abstract class CoreVectorEnv<O, A> implements VectorEnv<O, A> {

    final VectorCore<O> core;

    CoreVectorEnv(VectorCore<O> core) {
        this.core = core;
    }

    @Override
    public int numEnvs() {
        return core.numEnvs();
    }

    @Override
    public Space<?> singleObservationSpace() {
        return core.singleObservationSpace();
    }

    @Override
    public Space<?> singleActionSpace() {
        return core.singleActionSpace();
    }

    @Override
    public Space<?> observationSpace() {
        return core.observationSpace;
    }

    @Override
    public Space<?> actionSpace() {
        return core.actionSpace;
    }

    @Override
    public AutoresetMode autoresetMode() {
        return core.mode;
    }

    @Override
    public EnvSpec spec() {
        return core.spec();
    }

    /**
     * @param index a sub-env index
     * @return the sub-env, for inspection; stepping it directly breaks the vector env's bookkeeping
     */
    public Env<?, ?> subEnv(int index) {
        return core.slots[index].env();
    }
}
