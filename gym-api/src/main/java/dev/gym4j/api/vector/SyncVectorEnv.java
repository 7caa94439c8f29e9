package dev.gym4j.api.vector;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Steps its sub-envs one after another on the caller's thread, as Gymnasium's {@code SyncVectorEnv}.
 *
 * <p>The simplest and, for cheap envs such as CartPole, the fastest vector env: no thread hand-off. With
 * sub-envs that override the allocation-free {@link dev.gym4j.api.Env#stepInto} each step writes straight
 * into the batch arrays and allocates nothing. See {@link VectorEnv} for the batch layout and {@link AutoresetMode} for autoreset.
 *
 * <p>Thread safety: not thread-safe; confine to one thread.
 *
 * @param <O> the batched observation type, such as {@code float[]}
 * @param <A> the batched action type, such as {@code long[]}
 */
public final class SyncVectorEnv<O, A> extends CoreVectorEnv<O, A> {


    /**
     * @param envs the sub-envs, all with the same spaces; the vector env owns and closes them
     * @param mode the autoreset mode
     * @throws InvalidArgumentException if there are none, their spaces differ or cannot be batched
     */
    public SyncVectorEnv(List<? extends Env<?, ?>> envs, AutoresetMode mode) {
        super(new VectorCore<>(List.copyOf(envs), mode));
    }

    /**
     * A vector env with {@link AutoresetMode#NEXT_STEP}.
     *
     * @param envs the sub-envs, all with the same spaces
     */
    public SyncVectorEnv(List<? extends Env<?, ?>> envs) {
        this(envs, AutoresetMode.NEXT_STEP);
    }

    /**
     * @param numEnvs the number of sub-envs, at least 1
     * @param factory makes sub-env {@code i}
     * @param mode the autoreset mode
     * @param <O> the batched observation type
     * @param <A> the batched action type
     * @return the vector env
     */
    public static <O, A> SyncVectorEnv<O, A> of(int numEnvs, IntFunction<? extends Env<?, ?>> factory, AutoresetMode mode) {
        return new SyncVectorEnv<>(makeAll(numEnvs, factory), mode);
    }

    static List<Env<?, ?>> makeAll(int numEnvs, IntFunction<? extends Env<?, ?>> factory) {
        if (numEnvs < 1) {
            throw new InvalidArgumentException("num_envs must be at least 1, got " + numEnvs);
        }
        List<Env<?, ?>> envs = new ArrayList<>(numEnvs);
        try {
            for (int i = 0; i < numEnvs; i++) {
                envs.add(factory.apply(i));
            }
        } catch (RuntimeException e) {
            envs.forEach(Env::close);
            throw e;
        }
        return envs;
    }

    @Override
    public VectorBatch<O> reset(Long seed, Map<String, ?> options) {
        core.checkOpen(this);
        boolean[] mask = core.resetMask(options);
        Map<String, ?> subOptions = VectorCore.subEnvOptions(options);
        for (SubEnvSlot slot : core.slots) {
            if (mask[slot.index()]) {
                Long subSeed = VectorCore.subEnvSeed(seed, slot.index());
                try {
                    slot.reset(subSeed, subOptions);
                } catch (RuntimeException e) {
                    throw SubEnvException.of(slot, "reset", e);
                }
            }
        }
        core.clearUnmasked(mask);
        core.staging.invalidate(core.numEnvs());
        return core.staging;
    }

    @Override
    public VectorBatch<O> step(A actions) {
        core.checkCanStep(this, actions);
        SubEnvSlot[] slots = core.slots;
        for (int i = 0; i < slots.length; i++) {
            try {
                slots[i].step(actions, i);
            } catch (RuntimeException e) {
                throw SubEnvException.of(slots[i], "step", e);
            }
        }
        core.staging.invalidate(slots.length);
        return core.staging;
    }

    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "SyncVectorEnv(" + (spec() == null ? core.slots[0].env() : spec().id()) + ", num_envs=" + numEnvs() + ")";
    }
}
