package dev.gym4j.bridge.experience;

import java.util.Map;
import java.util.TreeMap;

/**
 * One rollout fragment of one sub-env: {@code T} consecutive steps made with one policy version, the unit in
 * which a worker ships experience and a trainer receives it (the {@code Trajectory} message of
 * {@code gym4j.bridge.v1}; {@code bridge/PROTOCOL.md}).
 *
 * <p>Step {@code t} is: {@code observations[t]} was seen, {@code actions[t]} taken, {@code rewards[t]} received,
 * and the episode then ended if {@code terminated[t] || truncated[t]}. A fragment may cross episode ends: after
 * a done, {@code observations[t + 1]} is the first observation of the next episode (Gymnasium's autoreset
 * "next step" semantics are not used: no dummy step follows a done). {@code lastObservation} is the observation
 * after the final step (for bootstrapping the value); when the final step ended the episode it is the final
 * observation of that episode.
 *
 * <p>A consumer sees each trajectory exactly once, identified by {@link #key()} ({@code workerId} and a
 * per-worker {@code sequence} that starts at 0 and increases by one per fragment).
 *
 * <p>Immutable and thread-safe; {@link TensorData} and arrays are copied.
 *
 * @param experiment experiment (run) name; a consumer only reads its own experiment's trajectories
 * @param workerId the producing worker's id, unique within the experiment
 * @param sequence per-worker sequence number, {@code >= 0}
 * @param policyVersion version of the policy that chose the actions ({@code 0} for a random or scripted policy)
 * @param envId registered env id, such as {@code CartPole-v1}
 * @param episodeId id of the episode that {@code observations[0]} belongs to (per worker and sub-env, increasing);
 *     the episode of step {@code t} is {@code episodeId} plus the number of dones before {@code t}
 * @param observations shape {@code [T, obs...]}
 * @param actions shape {@code [T, act...]}
 * @param rewards length {@code T}
 * @param terminated length {@code T}
 * @param truncated length {@code T}
 * @param lastObservation shape {@code [obs...]}
 * @param extras optional per-step tensors of leading dimension {@code T}, such as {@code logprob} and
 *     {@code value} (float32 {@code [T]}); sorted by name
 */
public record Trajectory(
        String experiment,
        String workerId,
        long sequence,
        long policyVersion,
        String envId,
        long episodeId,
        TensorData observations,
        TensorData actions,
        float[] rewards,
        boolean[] terminated,
        boolean[] truncated,
        TensorData lastObservation,
        Map<String, TensorData> extras) {

    /** The extra holding the log-probability of each action under the acting policy. */
    public static final String LOGPROB = "logprob";
    /** The extra holding the acting policy's value estimate of each observation. */
    public static final String VALUE = "value";

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a field is missing, negative or of a length other than {@code T}
     */
    public Trajectory {
        if (experiment == null || experiment.isEmpty() || workerId == null || workerId.isEmpty() || envId == null) {
            throw new IllegalArgumentException("experiment, workerId and envId must be non-empty");
        }
        if (sequence < 0 || policyVersion < 0 || episodeId < 0) {
            throw new IllegalArgumentException("sequence, policyVersion and episodeId must be >= 0, got "
                    + sequence + ", " + policyVersion + ", " + episodeId);
        }
        if (observations == null || actions == null || rewards == null || terminated == null || truncated == null
                || lastObservation == null) {
            throw new IllegalArgumentException("observations, actions, rewards, terminated, truncated and "
                    + "lastObservation must be non-null");
        }
        int steps = rewards.length;
        if (leading(observations) != steps || leading(actions) != steps || terminated.length != steps
                || truncated.length != steps) {
            throw new IllegalArgumentException("a trajectory of " + steps + " rewards needs " + steps
                    + " observations, actions, terminated and truncated; got " + leading(observations) + ", "
                    + leading(actions) + ", " + terminated.length + ", " + truncated.length);
        }
        TreeMap<String, TensorData> sorted = new TreeMap<>();
        if (extras != null) {
            for (Map.Entry<String, TensorData> e : extras.entrySet()) {
                if (leading(e.getValue()) != steps) {
                    throw new IllegalArgumentException("extra '" + e.getKey() + "' has leading dimension "
                            + leading(e.getValue()) + ", expected " + steps);
                }
                sorted.put(e.getKey(), e.getValue());
            }
        }
        extras = java.util.Collections.unmodifiableSortedMap(sorted);
        rewards = rewards.clone();
        terminated = terminated.clone();
        truncated = truncated.clone();
    }

    private static int leading(TensorData t) {
        int[] s = t.shape();
        return s.length == 0 ? -1 : s[0];
    }

    /** @return the number of steps {@code T} */
    public int length() {
        return rewards.length;
    }

    /** @return the de-duplication key: worker id and sequence */
    public Key key() {
        return new Key(workerId, sequence);
    }

    /** @return a copy of the rewards */
    @Override
    public float[] rewards() {
        return rewards.clone();
    }

    /** @return a copy of the terminated flags */
    @Override
    public boolean[] terminated() {
        return terminated.clone();
    }

    /** @return a copy of the truncated flags */
    @Override
    public boolean[] truncated() {
        return truncated.clone();
    }

    /**
     * The identity of a trajectory within its experiment.
     *
     * @param workerId producing worker
     * @param sequence per-worker sequence number
     */
    public record Key(String workerId, long sequence) {
        @Override
        public String toString() {
            return workerId + "#" + sequence;
        }
    }
}
