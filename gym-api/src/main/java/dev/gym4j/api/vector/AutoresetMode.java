package dev.gym4j.api.vector;

/**
 * What a {@link VectorEnv} does with a sub-env whose episode has just ended, as Gymnasium 1.x's
 * {@code AutoresetMode}.
 *
 * <p>The examples below follow one sub-env whose episode ends on step 3 (observation {@code o3}, reward
 * {@code r3}, {@code terminated}); {@code o0'} is the first observation of its next episode.
 *
 * <p>Thread-safe (an enum).
 */
public enum AutoresetMode {

    /**
     * Gymnasium's default: the step <em>after</em> an episode ends resets the sub-env, ignores that
     * step's action for it and returns its reset observation with reward 0 and both flags false; the
     * info is the reset info. EnvPool's "deferred" autoreset is the same rule.
     *
     * <pre>
     * step | observation | reward | terminated | truncated | info
     *   3  | o3          | r3     | true       | false     | step info
     *   4  | o0'         | 0      | false      | false     | reset info   (action ignored)
     *   5  | o1'         | r1'    | false      | false     | step info
     * </pre>
     *
     * A trainer therefore must not treat the transition {@code o3 -> o0'} as a real one: mask it with
     * the previous step's flags.
     */
    NEXT_STEP,

    /**
     * The sub-env is reset in the same step that ends its episode: the step returns the reset
     * observation with the final reward and flags, and the final observation and info go into the info
     * under {@code final_obs} and {@code final_info} (each with its {@code _final_obs} /
     * {@code _final_info} mask), next to the reset info.
     *
     * <pre>
     * step | observation | reward | terminated | info
     *   3  | o0'         | r3     | true       | reset info + final_obs = o3, final_info = step-3 info
     *   4  | o1'         | r1'    | false      | step info
     * </pre>
     *
     * Each episode end copies the final observation and builds an info map, so this mode allocates once
     * per finished episode.
     */
    SAME_STEP,

    /**
     * No automatic reset: a finished sub-env keeps its final observation and the caller resets it with
     * {@link VectorEnv#reset(Long, java.util.Map)} and a {@code reset_mask} option (a {@code boolean[]} of
     * {@code numEnvs}, true for the sub-envs to reset). Stepping a finished sub-env without a reset
     * passes the action to it anyway, as Gymnasium does.
     *
     * <pre>
     * step | observation | reward | terminated
     *   3  | o3          | r3     | true
     * reset(null, Map.of("reset_mask", mask))  -> o0' for the masked sub-env, the others unchanged
     *   4  | o1'         | r1'    | false
     * </pre>
     */
    DISABLED
}
