package dev.gym4j.api;

import dev.gym4j.Gym;
import dev.gym4j.api.RegistrationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to make a registered env, as Gymnasium's {@code EnvSpec}.
 *
 * <p>Immutable and thread-safe; the kwargs map is copied into an unmodifiable, insertion-ordered map.
 *
 * @param id the id, {@code [namespace/]Name-vN} (the version may be omitted for unversioned envs)
 * @param entryPoint a human-readable name of what builds the env, usually the env class's name
 * @param creator what builds the env from kwargs
 * @param maxEpisodeSteps the {@code TimeLimit} that {@code Gym.make} adds, or null for none
 * @param rewardThreshold the return at which the task counts as solved, or null
 * @param nondeterministic whether the env is nondeterministic even with a seed
 * @param kwargs default constructor kwargs
 * @param orderEnforce whether {@code Gym.make} adds {@code OrderEnforcing}
 * @param disableEnvChecker whether {@code Gym.make} leaves out {@code PassiveEnvChecker}
 */
public record EnvSpec(String id, String entryPoint, EnvCreator creator, Integer maxEpisodeSteps,
                      Double rewardThreshold, boolean nondeterministic, Map<String, Object> kwargs,
                      boolean orderEnforce, boolean disableEnvChecker) {

    /** Gymnasium's id grammar ({@code ENV_ID_RE}): optional namespace (group {@code ns}), name ({@code name}), optional {@code -vN} ({@code version}). */
    public static final Pattern ID = Pattern.compile("^(?:(?<ns>[\\w:.-]+)/)?(?<name>[\\w:.-]+?)(?:-v(?<version>\\d+))?$");

    /** Validates the id and the limits, and freezes the kwargs. */
    public EnvSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(creator, "creator");
        if (!ID.matcher(id).matches()) {
            throw new RegistrationException("Malformed env id '" + id + "': expected [namespace/]Name-vN, such as CartPole-v1 or planar/Hopper-v0");
        }
        if (maxEpisodeSteps != null && maxEpisodeSteps < 1) {
            throw new RegistrationException("max_episode_steps of " + id + " must be at least 1, got " + maxEpisodeSteps);
        }
        entryPoint = entryPoint == null ? "" : entryPoint;
        kwargs = kwargs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    }

    /**
     * A spec with Gymnasium's defaults: order enforced, env checker on, deterministic, no kwargs.
     *
     * @param id the id
     * @param entryPoint a readable name of the entry point
     * @param creator what builds the env
     * @param maxEpisodeSteps the time limit, or null
     * @param rewardThreshold the solved threshold, or null
     * @return the spec
     */
    public static EnvSpec of(String id, String entryPoint, EnvCreator creator, Integer maxEpisodeSteps,
                             Double rewardThreshold) {
        return new EnvSpec(id, entryPoint, creator, maxEpisodeSteps, rewardThreshold, false, Map.of(), true, false);
    }

    /** @return the namespace, or null */
    public String namespace() {
        return parse(id).group("ns");
    }

    /** @return the name without namespace and version */
    public String name() {
        return parse(id).group("name");
    }

    /** @return the version, or null for an unversioned id */
    public Integer version() {
        String v = parse(id).group("version");
        return v == null ? null : Integer.valueOf(v);
    }

    /**
     * @param newKwargs kwargs to lay over this spec's
     * @param newMaxEpisodeSteps the new time limit, or null to keep this spec's
     * @return a copy with merged kwargs and time limit, as Gymnasium records in {@code env.spec} after make
     */
    public EnvSpec with(Map<String, ?> newKwargs, Integer newMaxEpisodeSteps) {
        Map<String, Object> merged = new LinkedHashMap<>(kwargs);
        merged.putAll(newKwargs);
        return new EnvSpec(id, entryPoint, creator, newMaxEpisodeSteps == null ? maxEpisodeSteps : newMaxEpisodeSteps,
                rewardThreshold, nondeterministic, merged, orderEnforce, disableEnvChecker);
    }

    static Matcher parse(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new RegistrationException("Malformed env id '" + id + "': expected [namespace/]Name-vN");
        }
        return m;
    }
}
