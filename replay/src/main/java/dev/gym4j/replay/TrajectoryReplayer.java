package dev.gym4j.replay;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.GymException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.replay.internal.json.GymJson;
import dev.gym4j.replay.internal.json.Json;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Replays a recorded trajectory file (the {@code shared/gymref} JSON-lines format, see the package
 * comment) through a gym4j env and records what the env produced.
 *
 * <p>Each run gets a fresh env. Each episode is {@code reset(seed, options)} with the recorded seed
 * ({@code null}: continue the env's random stream) and options ({@code null}: none), then every recorded
 * action in order, whether or not the env ended the episode earlier (the data include steps taken after
 * termination on purpose). Actions are converted to the env's action space: an {@code Integer} for a
 * {@code Discrete}, a primitive array of the dtype for a {@code Box} ({@code float[]} for float32).
 *
 * <p>The result has the input's structure: a header (the env actually used, its spaces, spec and
 * metadata), then one run per input run with, per episode, the {@code reset} as recorded, the
 * {@code reset_obs}, {@code steps} as {@code [action, obs, reward, terminated, truncated]} (flags as 0/1,
 * observations widened exactly to double), {@code length} and {@code return} (the rewards summed in order).
 *
 * <p>Thread-safe: stateless; each call makes its own envs.
 */
public final class TrajectoryReplayer {

    private TrajectoryReplayer() {
    }

    /**
     * Replays a file through envs made by {@code Gym.make}.
     *
     * @param in the JSON lines; read to the end, not closed
     * @param envIdOverride the id to make instead of the header's {@code env_id}, or null
     * @return what gym4j produced
     * @throws ReplayException if the file is malformed or an env fails (the message says where)
     * @throws dev.gym4j.api.EnvNotFoundException if the id is not registered
     * @throws UncheckedIOException if reading fails
     */
    public static ReplayResult replay(Reader in, String envIdOverride) {
        return replayWith(in, headerId -> Gym.make(envIdOverride != null ? envIdOverride : headerId));
    }

    /**
     * Replays a file through envs made by a factory, for envs that are not registered or need kwargs.
     *
     * @param in the JSON lines; read to the end, not closed
     * @param envFactory called once per run with the header's {@code env_id}; returns a new env
     * @return what gym4j produced
     * @throws ReplayException if the file is malformed or an env fails (the message says where)
     * @throws UncheckedIOException if reading fails
     */
    public static ReplayResult replayWith(Reader in, Function<String, ? extends Env<?, ?>> envFactory) {
        Objects.requireNonNull(envFactory, "envFactory");
        List<Map<String, Object>> lines = JsonLines.readObjects(in);
        if (lines.isEmpty()) {
            throw new ReplayException("Empty trajectory file: expected a header line then run lines");
        }
        Map<String, Object> header = lines.get(0);
        if (!"header".equals(header.get("type")) || !(header.get("env_id") instanceof String)) {
            throw new ReplayException("line 1: expected a header object with \"type\":\"header\" and an \"env_id\" string");
        }
        String recordedId = (String) header.get("env_id");
        List<Map<String, Object>> runs = new ArrayList<>();
        Map<String, Object> outHeader = null;
        for (int i = 1; i < lines.size(); i++) {
            Map<String, Object> run = lines.get(i);
            if (!"run".equals(run.get("type"))) {
                throw new ReplayException("line " + (i + 1) + ": expected a run object with \"type\":\"run\", got type "
                        + Json.write(GymJson.writable(run.get("type"))));
            }
            try (Env<?, ?> env = envFactory.apply(recordedId)) {
                if (outHeader == null) {
                    outHeader = header(header, env);
                }
                runs.add(replayRun(run, env, i + 1));
            }
        }
        if (outHeader == null) {
            try (Env<?, ?> env = envFactory.apply(recordedId)) {
                outHeader = header(header, env);
            }
        }
        return new ReplayResult(outHeader, runs);
    }

    private static Map<String, Object> header(Map<String, Object> recorded, Env<?, ?> env) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "header");
        out.put("env_id", env.spec() != null ? env.spec().id() : recorded.get("env_id"));
        out.put("producer", "gym4j");
        out.put("recorded_env_id", recorded.get("env_id"));
        if (recorded.containsKey("set")) {
            out.put("set", recorded.get("set"));
        }
        if (recorded.containsKey("seeds")) {
            out.put("seeds", recorded.get("seeds"));
        }
        out.put("wrappers", env.toString());
        out.put("observation_space", GymJson.space(env.observationSpace()));
        out.put("action_space", GymJson.space(env.actionSpace()));
        out.put("spec", env.spec() != null ? GymJson.spec(env.spec()) : null);
        out.put("metadata", GymJson.writable(env.metadata()));
        return out;
    }

    private static Map<String, Object> replayRun(Map<String, Object> run, Env<?, ?> env, int line) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "run");
        for (String key : List.of("set", "seed", "policy", "pattern")) {
            if (run.containsKey(key)) {
                out.put(key, run.get(key));
            }
        }
        if (!(run.get("episodes") instanceof List<?> episodes)) {
            throw new ReplayException("line " + line + ": expected an \"episodes\" array in the run");
        }
        List<Object> outEpisodes = new ArrayList<>();
        for (int e = 0; e < episodes.size(); e++) {
            String where = "line " + line + ", episode " + e;
            if (!(episodes.get(e) instanceof Map<?, ?> episode)) {
                throw new ReplayException(where + ": expected an episode object");
            }
            outEpisodes.add(replayEpisode(episode, env, where));
        }
        out.put("episodes", outEpisodes);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replayEpisode(Map<?, ?> episode, Env<?, ?> env, String where) {
        Env<Object, Object> e = (Env<Object, Object>) env;
        Object reset = episode.get("reset");
        if (!(reset instanceof Map<?, ?> resetMap)) {
            throw new ReplayException(where + ": expected a \"reset\" object with \"seed\" and \"options\"");
        }
        Long seed = seed(resetMap.get("seed"), where);
        Object options = resetMap.get("options");
        if (options != null && !(options instanceof Map)) {
            throw new ReplayException(where + ": reset options must be an object or null, got " + Json.typeName(options));
        }
        if (!(episode.get("steps") instanceof List<?> steps)) {
            throw new ReplayException(where + ": expected a \"steps\" array");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reset", reset);
        ResetResult<Object> first;
        try {
            first = e.reset(seed, options == null ? Map.of() : (Map<String, ?>) options);
        } catch (GymException ex) {
            throw new ReplayException(where + ", reset: " + ex.getMessage(), ex);
        }
        Space<Object> observationSpace = e.observationSpace();
        Space<Object> actionSpace = e.actionSpace();
        out.put("reset_obs", ValueCodec.toJson(observationSpace, first.observation()));
        List<Object> outSteps = new ArrayList<>(steps.size());
        double total = 0.0;
        for (int s = 0; s < steps.size(); s++) {
            String at = where + ", step " + s;
            if (!(steps.get(s) instanceof List<?> step) || step.isEmpty()) {
                throw new ReplayException(at + ": expected a step array whose first element is the action");
            }
            Object recordedAction = step.get(0);
            Object action;
            try {
                action = ValueCodec.fromJson(actionSpace, recordedAction);
            } catch (IllegalArgumentException | ArithmeticException ex) {
                throw new ReplayException(at + ": " + ex.getMessage(), ex);
            }
            StepResult<Object> result;
            try {
                result = e.step(action);
            } catch (GymException ex) {
                throw new ReplayException(at + ": " + ex.getMessage(), ex);
            }
            total += result.reward();
            outSteps.add(List.of(recordedAction, ValueCodec.toJson(observationSpace, result.observation()),
                    result.reward(), result.terminated() ? 1L : 0L, result.truncated() ? 1L : 0L));
        }
        out.put("steps", outSteps);
        out.put("length", (long) steps.size());
        out.put("return", total);
        return out;
    }

    private static Long seed(Object seed, String where) {
        if (seed == null || seed instanceof Long l && l >= 0) {
            return (Long) seed;
        }
        if (seed instanceof BigInteger) {
            throw new ReplayException(where + ": reset seed " + seed + " is beyond what Env.reset(Long) takes (2^63 - 1)");
        }
        throw new ReplayException(where + ": reset seed must be a non-negative integer or null, got "
                + Json.write(GymJson.writable(seed)));
    }
}
