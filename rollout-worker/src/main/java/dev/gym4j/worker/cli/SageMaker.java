package dev.gym4j.worker.cli;

import dev.gym4j.replay.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SageMaker's container conventions ({@code shared/notes/DOMAIN.md} section 4), so that {@code gym4j worker}
 * drops into a SageMaker training container or a RoboMaker simulation job unchanged:
 * <ul>
 *   <li>the base directory is {@code SAGEMAKER_BASE_DIR}, else {@code /opt/ml};</li>
 *   <li>hyperparameters come from {@code BASE/input/config/hyperparameters.json} (each value JSON-decoded, else
 *       taken as a string, as the training toolkit does), then {@code SM_HPS} (a JSON object), then one
 *       {@code SM_HP_NAME} variable per hyperparameter, later sources winning; keys are lower-cased, {@code -} read
 *       as {@code _}, and an {@code rl.} or {@code rl.worker.} prefix is dropped, so {@code rl.worker.num_envs=8}
 *       and {@code num-envs=8} both set {@code --num-envs};</li>
 *   <li>the reason of a failure goes to {@code BASE/output/failure};</li>
 *   <li>intermediate artifacts (videos) go to {@code BASE/output/intermediate}.</li>
 * </ul>
 *
 * <p>Immutable after construction; thread-safe.
 */
final class SageMaker {

    private final Path base;
    private final boolean active;
    private final Map<String, String> env;

    SageMaker(Map<String, String> env) {
        this.env = env;
        String b = env.get("SAGEMAKER_BASE_DIR");
        this.base = Path.of(b != null && !b.isEmpty() ? b : "/opt/ml");
        this.active = b != null && !b.isEmpty() || Files.isDirectory(Path.of("/opt/ml/input/config"));
    }

    static SageMaker fromEnvironment() {
        return new SageMaker(System.getenv());
    }

    /** @return whether this looks like a SageMaker container (or a local run that set SAGEMAKER_BASE_DIR) */
    boolean active() {
        return active;
    }

    Path base() {
        return base;
    }

    Path intermediate() {
        return base.resolve("output").resolve("intermediate");
    }

    /**
     * Where {@code --video} puts its MP4 files.
     *
     * @param option the option's value: a directory, or empty for {@code --video} given without one
     * @return the directory given, else {@link #intermediate()} in a SageMaker container
     * @throws CliException if no directory was given outside SageMaker
     */
    Path videoDir(String option) {
        if (!option.isEmpty()) {
            return Path.of(option);
        }
        if (!active) {
            throw new CliException("--video needs a DIR outside SageMaker (inside, or with SAGEMAKER_BASE_DIR set, "
                    + "videos go to BASE/output/intermediate)");
        }
        return intermediate();
    }

    /** @return the hyperparameters, normalized keys to string values (JSON values written back as text) */
    Map<String, String> hyperparameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!active) {
            return out;
        }
        Path file = base.resolve("input/config/hyperparameters.json");
        if (Files.isRegularFile(file)) {
            try {
                for (Map.Entry<String, Object> e : Json.parseObject(Files.readString(file)).entrySet()) {
                    out.put(normalize(e.getKey()), decoded(e.getValue()));
                }
            } catch (IOException | RuntimeException e) {
                throw new CliException("cannot read the hyperparameters " + file + ": " + e.getMessage());
            }
        }
        String hps = env.get("SM_HPS");
        if (hps != null && !hps.isBlank()) {
            try {
                for (Map.Entry<String, Object> e : Json.parseObject(hps).entrySet()) {
                    out.put(normalize(e.getKey()), text(e.getValue()));
                }
            } catch (RuntimeException e) {
                throw new CliException("SM_HPS is not a JSON object: " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("SM_HP_")) {
                out.put(normalize(e.getKey().substring(6)), decoded(e.getValue()));
            }
        }
        return out;
    }

    static String normalize(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace('-', '_');
        if (k.startsWith("rl.")) {
            k = k.substring(3);
        } else if (k.startsWith("rl_")) {
            k = k.substring(3);
        }
        if (k.startsWith("worker.")) {
            k = k.substring(7);
        } else if (k.startsWith("worker_") && !k.equals("worker_id")) {
            k = k.substring(7);
        }
        return k;
    }

    /** A hyperparameters.json value: a string holding JSON (decoded when it parses), or a JSON value. */
    private static String decoded(Object v) {
        if (v instanceof String s) {
            try {
                Object parsed = Json.parse(s);
                return text(parsed);
            } catch (RuntimeException e) {
                return s;
            }
        }
        return text(v);
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v instanceof Number || v instanceof Boolean ? v.toString() : Json.write(v);
    }

    /** Writes the reason of a failure where SageMaker reports it; does nothing outside SageMaker. */
    void writeFailure(String reason) {
        if (!active) {
            return;
        }
        try {
            Path out = base.resolve("output");
            Files.createDirectories(out);
            Files.writeString(out.resolve("failure"), reason + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("gym4j: could not write " + base.resolve("output/failure") + ": " + e);
        }
    }
}
