package dev.gym4j.api.wrappers.vector;

import dev.gym4j.api.wrappers.EpisodeQueues;
import dev.gym4j.api.wrappers.EpisodeStatistics;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorWrapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracks each sub-env's episode return, length and wall-clock time and reports finished episodes in
 * the info dict, as Gymnasium's vector {@code RecordEpisodeStatistics}.
 *
 * <p>On a step where some sub-envs end their episode, {@link VectorBatch#infos()} gets
 * {@code "episode"} → a map with {@code "r"} (a {@code double[numEnvs]} of returns), {@code "l"} (an
 * {@code int[numEnvs]} of lengths) and {@code "t"} (a {@code double[numEnvs]} of seconds, rounded to
 * microseconds), zero for the other sub-envs, and {@code "_episode"} → a {@code boolean[numEnvs]} mask.
 * The last {@code bufferLength} episodes are also kept in {@link #returnQueue()} and friends.
 *
 * <p>Under {@link AutoresetMode#NEXT_STEP} the reset step after an episode end starts the next episode
 * without counting its (zero) reward; under the other modes the counters restart right after the end
 * (and on a masked reset). Allocates only on steps where an episode ends.
 *
 * <p>Thread safety: not thread-safe.
 *
 * @param <O> the batched observation type
 * @param <A> the batched action type
 */
public final class RecordEpisodeStatistics<O, A> extends VectorWrapper<O, A> implements EpisodeStatistics {

    private final EpisodeQueues episodes;
    private final double[] returns;
    private final int[] lengths;
    private final long[] startNanos;
    private final boolean[] previousDone;

    /** @param env the vector env to wrap; keeps the last 100 episodes */
    public RecordEpisodeStatistics(VectorEnv<O, A> env) {
        this(env, 100);
    }

    /**
     * @param env the vector env to wrap
     * @param bufferLength how many finished episodes the queues keep, at least 1
     */
    public RecordEpisodeStatistics(VectorEnv<O, A> env, int bufferLength) {
        super(env);
        this.episodes = new EpisodeQueues(bufferLength);
        int n = env.numEnvs();
        returns = new double[n];
        lengths = new int[n];
        startNanos = new long[n];
        previousDone = new boolean[n];
    }

    @Override
    public VectorBatch<O> reset(Long seed, Map<String, ?> options) {
        VectorBatch<O> batch = env.reset(seed, options);
        Object mask = options.get(RESET_MASK);
        long now = System.nanoTime();
        for (int i = 0; i < returns.length; i++) {
            if (!(mask instanceof boolean[] m) || m[i]) {
                restart(i, now);
                previousDone[i] = false;
            }
        }
        return batch;
    }

    @Override
    public VectorBatch<O> step(A actions) {
        VectorBatch<O> batch = env.step(actions);
        boolean nextStep = autoresetMode() == AutoresetMode.NEXT_STEP;
        long now = System.nanoTime();
        boolean anyDone = false;
        for (int i = 0; i < returns.length; i++) {
            if (nextStep && previousDone[i]) {
                restart(i, now);
            } else {
                returns[i] += batch.rewards()[i];
                lengths[i]++;
            }
            boolean done = batch.terminations()[i] || batch.truncations()[i];
            previousDone[i] = done;
            anyDone |= done;
        }
        if (anyDone) {
            report(batch, now);
        }
        return batch;
    }

    private void report(VectorBatch<O> batch, long now) {
        int n = returns.length;
        double[] r = new double[n];
        int[] l = new int[n];
        double[] t = new double[n];
        boolean[] mask = Arrays.copyOf(previousDone, n);
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                r[i] = returns[i];
                l[i] = lengths[i];
                t[i] = Math.round((now - startNanos[i]) / 1e3) / 1e6;
                episodes.add(r[i], l[i], t[i]);
                if (autoresetMode() != AutoresetMode.NEXT_STEP) {
                    restart(i, now);
                }
            }
        }
        Map<String, Object> episode = new LinkedHashMap<>();
        episode.put("r", r);
        episode.put("l", l);
        episode.put("t", t);
        batch.putExtraInfo("episode", episode);
        batch.putExtraInfo("_episode", mask);
    }

    private void restart(int i, long now) {
        returns[i] = 0;
        lengths[i] = 0;
        startNanos[i] = now;
    }

    /** @return the number of episodes finished since construction */
    public long episodeCount() {
        return episodes.episodeCount();
    }

    @Override
    public EpisodeQueues episodeQueues() {
        return episodes;
    }
}
