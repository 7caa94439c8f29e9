package dev.gym4j.api.vector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link VectorEnv} returns from {@code reset}, {@code step} and {@code recv}: one row per
 * sub-env in the batch, in primitive arrays the vector env owns.
 *
 * <p>Row {@code j} holds sub-env {@link #envIds()}{@code [j]}; after {@code reset} and {@code step} the
 * rows are the sub-envs in order ({@code envIds()[j] == j}), after a threaded env's {@code recv} they
 * are the sub-envs that finished first. Every array has exactly {@link #size()} rows; an observation
 * row is {@code observations.length / size()} elements.
 *
 * <p>The vector env reuses this object and its arrays: every call to {@code reset}, {@code step} or
 * {@code recv} overwrites them. Copy what you keep. Thread safety: not thread-safe.
 *
 * @param <O> the batched observation type, such as {@code float[]}
 */
public final class VectorBatch<O> {

    private final int[] envIds;
    private final O observations;
    private final double[] rewards;
    private final boolean[] terminations;
    private final boolean[] truncations;
    private final Map<String, Object>[] rowInfos;
    private int size;
    private Map<String, Object> extraInfos;
    private Map<String, Object> infos;

    VectorBatch(int[] envIds, O observations, double[] rewards, boolean[] terminations, boolean[] truncations,
                Map<String, Object>[] rowInfos) {
        this.envIds = envIds;
        this.observations = observations;
        this.rewards = rewards;
        this.terminations = terminations;
        this.truncations = truncations;
        this.rowInfos = rowInfos;
        this.size = envIds.length;
    }

    /**
     * Makes a batch for a {@link VectorEnv} implemented outside this package, such as one whose sub-envs
     * run in another process: rows {@code 0 .. n-1} hold sub-envs {@code 0 .. n-1} in order, where
     * {@code n = rewards.length}.
     *
     * <p>Contract: the batch takes the arrays as they are, without copying, and hands them out from its
     * accessors; the caller must not change them afterwards (make a new batch per call instead). Each
     * row's info is kept as given and must not be changed either; {@link #infos()} combines them into
     * Gymnasium's dict as for any other batch, and vector wrappers treat the batch like a local one.
     *
     * <p>Thread safety: the factory may be called from any thread; the batch it returns is not
     * thread-safe, like every batch.
     *
     * @param observations the batched observations: a non-null value of the vector env's batched
     *     observation type; when it is an array its length must be a multiple of {@code n}
     * @param rewards one reward per sub-env; at least one
     * @param terminations one {@code terminated} flag per sub-env
     * @param truncations one {@code truncated} flag per sub-env
     * @param infos one info map per sub-env (empty when it has none), each with non-null keys
     * @param <O> the batched observation type
     * @return the batch
     * @throws NullPointerException if an argument, a row's info or an info key is null
     * @throws IllegalArgumentException if there are no rows, or the lengths do not all match {@code n}
     */
    public static <O> VectorBatch<O> of(O observations, double[] rewards, boolean[] terminations, boolean[] truncations,
                                        java.util.List<? extends Map<String, ?>> infos) {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(rewards, "rewards");
        Objects.requireNonNull(terminations, "terminations");
        Objects.requireNonNull(truncations, "truncations");
        Objects.requireNonNull(infos, "infos");
        int rows = rewards.length;
        if (rows == 0) {
            throw new IllegalArgumentException("a batch needs at least one row");
        }
        if (terminations.length != rows || truncations.length != rows || infos.size() != rows) {
            throw new IllegalArgumentException("every per-row array needs " + rows + " rows (one per reward), got "
                    + terminations.length + " terminations, " + truncations.length + " truncations and "
                    + infos.size() + " infos");
        }
        if (observations.getClass().isArray() && java.lang.reflect.Array.getLength(observations) % rows != 0) {
            throw new IllegalArgumentException("the observation array's length " + java.lang.reflect.Array.getLength(observations)
                    + " is not a multiple of the " + rows + " rows");
        }
        int[] ids = new int[rows];
        Map<String, Object>[] rowInfos = newInfoArray(rows);
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
            Map<String, ?> info = infos.get(i);
            if (info == null) {
                throw new NullPointerException("the info of row " + i + " is null (use an empty map)");
            }
            for (String key : info.keySet()) {
                if (key == null) {
                    throw new NullPointerException("the info of row " + i + " has a null key");
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> asObjects = (Map<String, Object>) info;
            rowInfos[i] = asObjects;
        }
        return new VectorBatch<>(ids, observations, rewards, terminations, truncations, rowInfos);
    }

    /**
     * @param observations the batch's observation array
     * @param rows the number of rows
     * @param <O> its type
     * @return a batch with rows {@code 0 .. rows-1} for sub-envs {@code 0 .. rows-1}, empty infos
     */
    static <O> VectorBatch<O> allocate(O observations, int rows) {
        int[] ids = new int[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
        }
        Map<String, Object>[] infos = newInfoArray(rows);
        for (int i = 0; i < rows; i++) {
            infos[i] = Map.of();
        }
        return new VectorBatch<>(ids, observations, new double[rows], new boolean[rows], new boolean[rows], infos);
    }

    /**
     * @param source another batch
     * @param observations the observations that replace the source's
     * @param <O> their type
     * @return a batch sharing every array of {@code source} except the observations: what a vector wrapper
     *     that changes only the observations returns
     */
    public static <O> VectorBatch<O> sharing(VectorBatch<?> source, O observations) {
        return new VectorBatch<>(source.envIds, observations, source.rewards, source.terminations, source.truncations,
                source.rowInfos);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object>[] newInfoArray(int rows) {
        return (Map<String, Object>[]) new Map<?, ?>[rows];
    }

    /** Marks the batch as rewritten: drops the built info dict and any wrapper additions. */
    void invalidate(int newSize) {
        size = newSize;
        infos = null;
        extraInfos = null;
    }

    /**
     * Called by a vector wrapper whose batch shares the inner env's arrays ({@link #sharing}) after the inner
     * env rewrote them: takes the inner batch's size and info additions and drops the built info dict.
     *
     * @param inner the inner env's batch that this one shares its arrays with
     */
    public void invalidateFrom(VectorBatch<?> inner) {
        size = inner.size;
        infos = null;
        extraInfos = inner.extraInfos;
    }

    /**
     * Adds a top-level entry to {@link #infos()}, as a vector wrapper does (RecordEpisodeStatistics's
     * {@code episode}); dropped by the next call to the vector env.
     *
     * @param key the info key
     * @param value its value
     */
    public void putExtraInfo(String key, Object value) {
        if (extraInfos == null) {
            extraInfos = new LinkedHashMap<>();
        }
        extraInfos.put(key, value);
        infos = null;
    }

    Map<String, Object>[] rowInfos() {
        return rowInfos;
    }

    /** @return the number of rows */
    public int size() {
        return size;
    }

    /** @return the sub-env index of each row; the array is the vector env's, do not modify */
    public int[] envIds() {
        return envIds;
    }

    /** @return the observations, row after row; overwritten by the next call */
    public O observations() {
        return observations;
    }

    /** @return the rewards, one per row; overwritten by the next call */
    public double[] rewards() {
        return rewards;
    }

    /** @return the {@code terminated} flags, one per row; overwritten by the next call */
    public boolean[] terminations() {
        return terminations;
    }

    /** @return the {@code truncated} flags, one per row; overwritten by the next call */
    public boolean[] truncations() {
        return truncations;
    }

    /**
     * @param row a row, {@code 0 <= row < size()}
     * @return that sub-env's own info map, exactly as the single env returned it (plus {@code final_obs}
     *     and {@code final_info} at a {@link AutoresetMode#SAME_STEP} episode end); wrapper additions are
     *     in {@link #infos()} only
     */
    public Map<String, Object> info(int row) {
        Objects.checkIndex(row, size);
        return rowInfos[row];
    }

    /**
     * Gymnasium's vector info: for each key any row's info has, an {@code Object[size()]} of values (null
     * where a row lacks it) and a {@code boolean[size()]} mask under {@code "_" + key}; nested maps
     * become nested dicts of the same form. Built on the first call after each step (allocating then),
     * and an empty map, without allocating, when no row has an info.
     *
     * @return the info dict; do not modify
     */
    public Map<String, Object> infos() {
        if (infos == null) {
            infos = VectorInfos.combine(rowInfos, size, extraInfos);
        }
        return infos;
    }

    @Override
    public String toString() {
        return "VectorBatch[size=" + size + "]";
    }
}
