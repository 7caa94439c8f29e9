package dev.gym4j;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.Env;
import dev.gym4j.api.EnvNotFoundException;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.RegistrationException;
import dev.gym4j.api.registry.EnvProvider;
import dev.gym4j.api.registry.EnvRegistry;
import dev.gym4j.api.wrappers.OrderEnforcing;
import dev.gym4j.api.wrappers.PassiveEnvChecker;
import dev.gym4j.api.wrappers.TimeLimit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point: make registered envs by id, as Gymnasium's {@code gymnasium.make}.
 *
 * <p>The default registry is filled on first use with the specs of every {@link EnvProvider} found by
 * {@link java.util.ServiceLoader}, so adding an env module's jar to the class or module path is enough
 * for {@code Gym.make("CartPole-v1")} to work. {@link #register} adds specs at run time.
 *
 * <p>{@link #make(String, Map)} builds the env from the spec's creator with the spec's kwargs overlaid by
 * the caller's, records the resulting spec on the env, and wraps it in Gymnasium's order:
 * {@code PassiveEnvChecker} (unless {@code disable_env_checker}), then {@code OrderEnforcing} (if the
 * spec's {@code order_enforce}), then {@code TimeLimit} (if {@code max_episode_steps} is set by the
 * caller or the spec). The result prints as {@code <TimeLimit<OrderEnforcing<PassiveEnvChecker<CartPoleEnv<CartPole-v1>>>>>}.
 *
 * <p>Thread safety: all methods are thread-safe; each made env is not, as usual.
 */
public final class Gym {

    /** The make-level kwargs that configure wrappers and are not passed to the env's creator. */
    public static final String MAX_EPISODE_STEPS = "max_episode_steps";
    /** Make-level kwarg: true to leave out {@code PassiveEnvChecker}. */
    public static final String DISABLE_ENV_CHECKER = "disable_env_checker";

    private Gym() {
    }

    /** @return the default registry ({@link EnvRegistry#defaultRegistry()}), loaded through {@link java.util.ServiceLoader} on first use */
    public static EnvRegistry defaultRegistry() {
        return EnvRegistry.defaultRegistry();
    }

    /** @return all registered specs by id, sorted */
    public static Map<String, EnvSpec> registry() {
        return defaultRegistry().all();
    }

    /**
     * @param id a registered id
     * @return its spec
     * @throws EnvNotFoundException if it is not registered (the message suggests close ids)
     */
    public static EnvSpec spec(String id) {
        return defaultRegistry().spec(id);
    }

    /**
     * Registers a spec at run time, as Gymnasium's {@code gymnasium.register}.
     *
     * @param spec the spec
     * @throws RegistrationException if the id is taken
     */
    public static void register(EnvSpec spec) {
        defaultRegistry().register(spec);
    }

    /**
     * Makes a registered env with its spec's kwargs.
     *
     * @param id a registered id
     * @param <O> the observation type the caller expects
     * @param <A> the action type the caller expects
     * @return the wrapped env
     * @throws EnvNotFoundException if the id is not registered
     */
    public static <O, A> Env<O, A> make(String id) {
        return make(id, Map.of());
    }

    /**
     * Makes a registered env, as Gymnasium's {@code make(id, **kwargs)}.
     *
     * @param id a registered id
     * @param kwargs constructor kwargs laid over the spec's (for example {@code render_mode}), plus the
     *     make-level {@code max_episode_steps} (an integer) and {@code disable_env_checker} (a boolean)
     * @param <O> the observation type the caller expects
     * @param <A> the action type the caller expects
     * @return the wrapped env
     * @throws EnvNotFoundException if the id is not registered
     * @throws InvalidArgumentException if a kwarg is not accepted
     */
    @SuppressWarnings("unchecked")
    public static <O, A> Env<O, A> make(String id, Map<String, ?> kwargs) {
        Objects.requireNonNull(kwargs, "kwargs");
        EnvSpec spec = spec(id);
        Map<String, Object> envKwargs = new LinkedHashMap<>(kwargs);
        Integer maxSteps = intKwarg(envKwargs.remove(MAX_EPISODE_STEPS), MAX_EPISODE_STEPS);
        Object disable = envKwargs.remove(DISABLE_ENV_CHECKER);
        if (disable != null && !(disable instanceof Boolean)) {
            throw new InvalidArgumentException(DISABLE_ENV_CHECKER + " must be a boolean, got " + disable);
        }
        boolean disableChecker = disable != null ? (Boolean) disable : spec.disableEnvChecker();
        EnvSpec made = spec.with(envKwargs, maxSteps);
        Env<O, A> env = (Env<O, A>) spec.creator().create(new LinkedHashMap<>(made.kwargs()));
        if (env.unwrapped() instanceof AbstractEnv<?, ?> base) {
            base.setSpec(made);
        }
        if (!disableChecker) {
            env = new PassiveEnvChecker<>(env);
        }
        if (spec.orderEnforce()) {
            env = new OrderEnforcing<>(env);
        }
        if (made.maxEpisodeSteps() != null) {
            env = new TimeLimit<>(env, made.maxEpisodeSteps());
        }
        return env;
    }

    /**
     * Makes a sync vector env of {@code numEnvs} copies of a registered env, as Gymnasium's
     * {@code make_vec(id, num_envs)}: each sub-env is made by {@link #make(String, Map)}.
     *
     * @param id a registered id
     * @param numEnvs the number of sub-envs, at least 1
     * @param <O> the batched observation type the caller expects, such as {@code float[]}
     * @param <A> the batched action type the caller expects, such as {@code long[]}
     * @return the vector env, with {@link dev.gym4j.api.vector.AutoresetMode#NEXT_STEP}
     * @throws EnvNotFoundException if the id is not registered
     */
    public static <O, A> dev.gym4j.api.vector.VectorEnv<O, A> makeVec(String id, int numEnvs) {
        return makeVec(id, numEnvs, dev.gym4j.api.vector.VectorOptions.DEFAULTS, Map.of());
    }

    /**
     * Makes a vector env of {@code numEnvs} copies of a registered env, as Gymnasium's
     * {@code make_vec(id, num_envs, vectorization_mode, vector_kwargs, **kwargs)}.
     *
     * @param id a registered id
     * @param numEnvs the number of sub-envs, at least 1
     * @param options the vectorization mode (sync or async), the autoreset mode, threads and batch size
     * @param kwargs passed to {@link #make(String, Map)} for every sub-env
     * @param <O> the batched observation type the caller expects
     * @param <A> the batched action type the caller expects
     * @return a {@code SyncVectorEnv} or a {@code ThreadedVectorEnv}
     * @throws EnvNotFoundException if the id is not registered
     * @throws InvalidArgumentException if a kwarg or an option is not accepted
     */
    public static <O, A> dev.gym4j.api.vector.VectorEnv<O, A> makeVec(String id, int numEnvs,
            dev.gym4j.api.vector.VectorOptions options, Map<String, ?> kwargs) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(kwargs, "kwargs");
        spec(id);
        Map<String, Object> copy = new LinkedHashMap<>(kwargs);
        return options.create(numEnvs, i -> make(id, copy));
    }

    private static Integer intKwarg(Object value, String name) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long v = ((Number) value).longValue();
            if (v >= 1 && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        }
        throw new InvalidArgumentException(name + " must be a positive integer, got " + value);
    }
}
