package dev.gym4j.api.vector;

import dev.gym4j.api.Env;
import dev.gym4j.api.EnvClosedException;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.api.internal.BatchLayout;
import dev.gym4j.api.spaces.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every vector env over local sub-envs shares: the sub-envs, their slots, the layouts, the
 * batched spaces and the staging batch (row i = sub-env i). Not thread-safe.
 */
final class VectorCore<O> {

    final SubEnvSlot[] slots;
    final BatchLayout observationLayout;
    final BatchLayout actionLayout;
    final VectorBatch<O> staging;
    final Space<?> observationSpace;
    final Space<?> actionSpace;
    final AutoresetMode mode;
    private boolean closed;
    private boolean hasReset;

    @SuppressWarnings("unchecked")
    VectorCore(List<? extends Env<?, ?>> envs, AutoresetMode mode) {
        Objects.requireNonNull(envs, "envs");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (envs.isEmpty()) {
            throw new InvalidArgumentException("A vector env needs at least one sub-env, got none");
        }
        Env<?, ?> first = envs.get(0);
        for (int i = 1; i < envs.size(); i++) {
            checkSameSpaces(first, envs.get(i), i);
        }
        int n = envs.size();
        observationLayout = BatchLayout.of(first.observationSpace());
        actionLayout = BatchLayout.of(first.actionSpace());
        staging = VectorBatch.allocate((O) observationLayout.newBatch(n), n);
        observationSpace = observationLayout.batchedSpace(n);
        actionSpace = actionLayout.batchedSpace(n);
        slots = new SubEnvSlot[n];
        for (int i = 0; i < n; i++) {
            slots[i] = new SubEnvSlot(i, Objects.requireNonNull(envs.get(i), "sub-env " + i), observationLayout,
                    actionLayout, mode, staging);
        }
    }

    private static void checkSameSpaces(Env<?, ?> first, Env<?, ?> other, int index) {
        if (!sameSpace(first.observationSpace(), other.observationSpace()) || !sameSpace(first.actionSpace(), other.actionSpace())) {
            throw new InvalidArgumentException("Sub-env " + index + " has observation space " + other.observationSpace()
                    + " and action space " + other.actionSpace() + ", but sub-env 0 has " + first.observationSpace()
                    + " and " + first.actionSpace() + ": every sub-env must have equal spaces, as Gymnasium requires");
        }
    }

    private static boolean sameSpace(Space<?> a, Space<?> b) {
        return a.equals(b);
    }

    int numEnvs() {
        return slots.length;
    }

    Space<?> singleObservationSpace() {
        return observationLayout.space();
    }

    Space<?> singleActionSpace() {
        return actionLayout.space();
    }

    EnvSpec spec() {
        return slots[0].env().spec();
    }

    void checkOpen(Object owner) {
        if (closed) {
            throw new EnvClosedException(owner.getClass().getSimpleName() + " is closed: make a new vector env instead of using a closed one");
        }
    }

    void checkCanStep(Object owner, Object actions) {
        checkHasReset(owner);
        actionLayout.checkBatch(actions, slots.length, "actions");
    }

    void checkHasReset(Object owner) {
        checkOpen(owner);
        if (!hasReset) {
            throw new ResetNeededException("Cannot step " + owner + " before reset(): call reset() first");
        }
    }

    /**
     * @param options the caller's reset options
     * @return the reset mask (a fresh all-true mask when none was given); marks the env as reset
     */
    /** @return an array by its type, length and (first 16) elements, anything else by its text */
    private static String readable(Object x) {
        if (x != null && x.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(x);
            StringBuilder b = new StringBuilder(x.getClass().getComponentType().getSimpleName()).append('[').append(n).append("] [");
            for (int i = 0; i < Math.min(n, 16); i++) {
                b.append(i == 0 ? "" : ", ").append(java.lang.reflect.Array.get(x, i));
            }
            return b.append(n > 16 ? ", ...]" : "]").toString();
        }
        String text = String.valueOf(x);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    boolean[] resetMask(Map<String, ?> options) {
        Objects.requireNonNull(options, "options");
        Object mask = options.get(VectorEnv.RESET_MASK);
        boolean[] result;
        if (mask == null) {
            result = new boolean[slots.length];
            Arrays.fill(result, true);
        } else if (mask instanceof boolean[] m && m.length == slots.length) {
            result = m.clone();
        } else {
            throw new InvalidArgumentException(VectorEnv.RESET_MASK + " must be a boolean[" + slots.length + "], got " + readable(mask));
        }
        hasReset = true;
        return result;
    }

    /** @return the options every sub-env's reset gets: the caller's without {@code reset_mask} */
    static Map<String, ?> subEnvOptions(Map<String, ?> options) {
        if (!options.containsKey(VectorEnv.RESET_MASK)) {
            return options;
        }
        Map<String, Object> copy = new LinkedHashMap<>(options);
        copy.remove(VectorEnv.RESET_MASK);
        return copy;
    }

    static Long subEnvSeed(Long seed, int index) {
        if (seed != null && seed < 0) {
            throw new InvalidArgumentException("Seed must be a non-negative integer, got " + seed);
        }
        return seed == null ? null : seed + index;
    }

    /**
     * Marks the rows not reset by a masked reset: observation kept, reward 0, flags false and an empty
     * info, so that a reset batch reads the same in every row whether or not the row was reset.
     */
    void clearUnmasked(boolean[] mask) {
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) {
                staging.rewards()[i] = 0;
                staging.terminations()[i] = false;
                staging.truncations()[i] = false;
                staging.rowInfos()[i] = Map.of();
            }
        }
    }

    /**
     * Closes every sub-env (each even if another fails).
     *
     * @return whether this call closed the core (false if it was closed already)
     */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (SubEnvSlot slot : slots) {
            try {
                slot.env().close();
            } catch (RuntimeException e) {
                failures.add(SubEnvException.of(slot, "close", e));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        return true;
    }

    boolean isClosed() {
        return closed;
    }
}
