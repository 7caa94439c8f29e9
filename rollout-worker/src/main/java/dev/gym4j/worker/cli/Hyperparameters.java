package dev.gym4j.worker.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where {@code gym4j train} finds hyperparameters besides its flags: SageMaker's
 * {@code /opt/ml/input/config/hyperparameters.json} (every value a string, possibly JSON-quoted) and the
 * {@code SM_HPS} environment variable (a JSON object), and a {@code --config} file in JSON or YAML. Keys may be
 * SageMaker's {@code rl.}-dotted ones; SageMaker's own {@code sagemaker_*} keys are skipped.
 *
 * <p>Stateless and thread-safe.
 */
final class Hyperparameters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Hyperparameters() {
    }

    /**
     * @param env the process environment
     * @return SageMaker's hyperparameters (the file, then {@code SM_HPS}), empty outside SageMaker
     */
    static Map<String, Object> sageMaker(Map<String, String> env) {
        Map<String, Object> out = new LinkedHashMap<>();
        String dir = env.getOrDefault("SM_INPUT_CONFIG_DIR", "/opt/ml/input/config");
        Path file = Path.of(dir, "hyperparameters.json");
        if (Files.isRegularFile(file)) {
            out.putAll(clean(readObject(file, false)));
        }
        String hps = env.get("SM_HPS");
        if (hps != null && !hps.isBlank()) {
            try {
                out.putAll(clean(asMap(JSON.readValue(hps, Object.class), "SM_HPS")));
            } catch (JacksonException e) {
                throw new CliException("SM_HPS is not a JSON object: " + e.getOriginalMessage());
            }
        }
        return out;
    }

    /**
     * @param file a JSON ({@code .json}) or YAML file holding one object of hyperparameters
     * @return its entries
     */
    static Map<String, Object> file(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return clean(readObject(file, name.endsWith(".yaml") || name.endsWith(".yml")));
    }

    private static Map<String, Object> readObject(Path file, boolean yaml) {
        try {
            String text = Files.readString(file);
            return asMap((yaml ? YAML : JSON).readValue(text, Object.class), file.toString());
        } catch (NoSuchFileException e) {
            throw new CliException("no hyperparameter file " + file);
        } catch (JacksonException e) {
            throw new CliException(file + " is not valid " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new CliException(where + " must hold one object of hyperparameters (name: value)");
        }
        return (Map<String, Object>) value;
    }

    /** Drops SageMaker's own keys, flattens nested objects to dotted keys and unquotes JSON-quoted strings. */
    private static Map<String, Object> clean(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", in, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> in, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : in.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getKey().startsWith("sagemaker_")) {
                continue;
            }
            Object v = e.getValue();
            if (v instanceof Map) {
                flatten(key + ".", (Map<String, Object>) v, out);
                continue;
            }
            if (v instanceof java.util.List<?> list) {
                v = String.join(",", list.stream().map(String::valueOf).toList());
            }
            if (v instanceof String s && s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                v = s.substring(1, s.length() - 1);
            }
            out.put(key, v);
        }
    }
}
