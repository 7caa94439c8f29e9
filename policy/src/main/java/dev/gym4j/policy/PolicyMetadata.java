package dev.gym4j.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.policy.internal.SpaceJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The policy metadata convention {@code gym4j.policy.v1} ({@code docs/POLICY.md}): how an ONNX model's outputs
 * become actions. It travels as the {@code metadata_json} of a {@code PolicyVersion} and, on disk, as
 * {@code policy.json} beside {@code policy.onnx} (in general {@code NAME.json} beside {@code NAME.onnx}).
 *
 * <pre>{@code
 * {"format": "gym4j.policy.v1", "env_id": "CartPole-v1",
 *  "observation_space": {...}, "action_space": {...},
 *  "distribution": "categorical", "outputs": {"logits": "logits", "value": "value"},
 *  "action": {"transform": "clip"}, "observation": {"layout": "flat"},
 *  "trainer": {"name": "gym4j-ppo", "steps": 200000}}
 * }</pre>
 *
 * <p>Every key is optional: without a {@code distribution} the obvious mapping applies (see
 * {@link OnnxPolicy}); without {@code outputs}, outputs named {@code logits}, {@code mean}, {@code log_std},
 * {@code action} and {@code value} are used by name, else by position. Unknown keys are kept and written back.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return modified copies.
 */
public final class PolicyMetadata {

    /** The format name this class reads and writes. */
    public static final String FORMAT = "gym4j.policy.v1";
    /** Output role: the logits of a categorical or multi-categorical distribution. */
    public static final String LOGITS = "logits";
    /** Output role: the mean of a diagonal Gaussian. */
    public static final String MEAN = "mean";
    /** Output role: the log standard deviation of a diagonal Gaussian ({@code [batch, k]} or {@code [k]}). */
    public static final String LOG_STD = "log_std";
    /** Output role: the action of a deterministic policy. */
    public static final String ACTION = "action";
    /** Output role: the value estimate (optional, {@code [batch]} or {@code [batch, 1]}). */
    public static final String VALUE = "value";
    /** Every output role. */
    public static final Set<String> ROLES = Set.of(LOGITS, MEAN, LOG_STD, ACTION, VALUE);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final PolicyMetadata EMPTY = new PolicyMetadata(null, null, null, null, null, Map.of(),
            ActionTransform.CLIP, ObservationLayout.FLAT, Map.of(), Map.of());

    /** How a model's outputs become actions (the {@code distribution} key). */
    public enum Distribution {
        /** Discrete(n): {@code logits [batch, n]}; sampled, or the argmax when deterministic. */
        CATEGORICAL("categorical"),
        /** MultiDiscrete(nvec): {@code logits [batch, sum(nvec)]}, split per dimension. */
        MULTI_CATEGORICAL("multi_categorical"),
        /** Box(k): {@code mean [batch, k]} and {@code log_std}; {@code mean + exp(log_std) * N(0, 1)}, the mean when deterministic. */
        DIAG_GAUSSIAN("diag_gaussian"),
        /** Box(k): {@code action [batch, k]}, taken as is. */
        DETERMINISTIC("deterministic");

        private final String jsonName;

        Distribution(String jsonName) {
            this.jsonName = jsonName;
        }

        /** @return the name in {@code policy.json} */
        public String jsonName() {
            return jsonName;
        }

        /**
         * @param name a name in {@code policy.json}
         * @return the distribution
         * @throws PolicyException for an unknown name, listing the known ones
         */
        public static Distribution fromJson(String name) {
            for (Distribution d : values()) {
                if (d.jsonName.equals(name)) {
                    return d;
                }
            }
            throw new PolicyException("unknown policy distribution '" + name
                    + "': expected categorical, multi_categorical, diag_gaussian or deterministic");
        }
    }

    /** What is done to a Box action before it is returned (the {@code action.transform} key). */
    public enum ActionTransform {
        /** Clip to the Box's bounds (the default). */
        CLIP,
        /** Clip to {@code [-1, 1]}, then map linearly onto {@code [low, high]} (needs finite bounds). */
        RESCALE,
        /** Return the action as the model gave it. */
        NONE;

        /** @return the name in {@code policy.json} */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static ActionTransform fromJson(String name) {
            for (ActionTransform t : values()) {
                if (t.jsonName().equals(name)) {
                    return t;
                }
            }
            throw new PolicyException("unknown action transform '" + name + "': expected clip, rescale or none");
        }
    }

    /** How observations are fed to the model (the {@code observation.layout} key). */
    public enum ObservationLayout {
        /** Flattened, or in the env's own shape: {@code [batch, ...observation shape]} (the default). */
        FLAT,
        /** An {@code [H, W, C]} image observation fed as {@code [batch, C, H, W]} (transposed). */
        CHW,
        /** An {@code [H, W, C]} image observation fed as {@code [batch, H, W, C]}. */
        HWC;

        /** @return the name in {@code policy.json} */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static ObservationLayout fromJson(String name) {
            for (ObservationLayout l : values()) {
                if (l.jsonName().equals(name)) {
                    return l;
                }
            }
            throw new PolicyException("unknown observation layout '" + name + "': expected flat, chw or hwc");
        }
    }

    private final String format;
    private final String envId;
    private final Space<?> observationSpace;
    private final Space<?> actionSpace;
    private final Distribution distribution;
    private final Map<String, String> outputs;
    private final ActionTransform actionTransform;
    private final ObservationLayout observationLayout;
    private final Map<String, Object> trainer;
    private final Map<String, JsonNode> extra;

    private PolicyMetadata(String format, String envId, Space<?> observationSpace, Space<?> actionSpace,
            Distribution distribution, Map<String, String> outputs, ActionTransform actionTransform,
            ObservationLayout observationLayout, Map<String, Object> trainer, Map<String, JsonNode> extra) {
        this.format = format;
        this.envId = envId;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.distribution = distribution;
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        this.actionTransform = actionTransform;
        this.observationLayout = observationLayout;
        this.trainer = Collections.unmodifiableMap(new LinkedHashMap<>(trainer));
        this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** @return metadata with nothing set: the obvious mapping applies */
    public static PolicyMetadata empty() {
        return EMPTY;
    }

    /**
     * Metadata for a model made for an env's spaces, as a trainer writes it.
     *
     * @param envId the env id, or {@code null}
     * @param observationSpace the single observation space
     * @param actionSpace the single action space
     * @param distribution how the outputs become actions
     * @return the metadata, format {@link #FORMAT}, outputs named after their roles
     */
    public static PolicyMetadata of(String envId, Space<?> observationSpace, Space<?> actionSpace,
            Distribution distribution) {
        return new PolicyMetadata(FORMAT, envId, Objects.requireNonNull(observationSpace, "observationSpace"),
                Objects.requireNonNull(actionSpace, "actionSpace"), Objects.requireNonNull(distribution, "distribution"),
                Map.of(), ActionTransform.CLIP, ObservationLayout.FLAT, Map.of(), Map.of());
    }

    /**
     * Parses {@code policy.json} text.
     *
     * @param json the JSON text; {@code ""} or {@code "{}"} give {@link #empty()}
     * @return the metadata
     * @throws PolicyException if it is not JSON, not an object, of another format, or a key has a bad value
     */
    public static PolicyMetadata parse(String json) {
        Objects.requireNonNull(json, "json");
        if (json.isBlank()) {
            return EMPTY;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyException("policy metadata is not valid JSON: " + e.getOriginalMessage()
                    + " (at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new PolicyException("policy metadata must be a JSON object ({\"format\": \"" + FORMAT + "\", ...}), got "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        String format = null;
        String envId = null;
        Space<?> obs = null;
        Space<?> act = null;
        Distribution distribution = null;
        Map<String, String> outputs = new LinkedHashMap<>();
        ActionTransform transform = ActionTransform.CLIP;
        ObservationLayout layout = ObservationLayout.FLAT;
        Map<String, Object> trainer = new LinkedHashMap<>();
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "format" -> {
                    format = text(v, "format");
                    if (!FORMAT.equals(format)) {
                        throw new PolicyException("policy metadata of format '" + format + "': this gym4j reads '" + FORMAT + "'");
                    }
                }
                case "env_id" -> envId = v.isNull() ? null : text(v, "env_id");
                case "observation_space" -> obs = v.isNull() ? null : SpaceJson.read(v, "observation_space");
                case "action_space" -> act = v.isNull() ? null : SpaceJson.read(v, "action_space");
                case "distribution" -> distribution = v.isNull() ? null : Distribution.fromJson(text(v, "distribution"));
                case "outputs" -> {
                    if (!v.isObject()) {
                        throw new PolicyException("policy metadata 'outputs' must map roles to output names, such as "
                                + "{\"logits\": \"logits\"}, got " + v);
                    }
                    Iterator<Map.Entry<String, JsonNode>> it = v.properties().iterator();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> o = it.next();
                        if (!ROLES.contains(o.getKey())) {
                            throw new PolicyException("policy metadata 'outputs' has an unknown role '" + o.getKey()
                                    + "': expected logits, mean, log_std, action or value");
                        }
                        outputs.put(o.getKey(), text(o.getValue(), "outputs." + o.getKey()));
                    }
                }
                case "action" -> {
                    JsonNode t = v.path("transform");
                    if (!t.isMissingNode() && !t.isNull()) {
                        transform = ActionTransform.fromJson(text(t, "action.transform"));
                    }
                }
                case "observation" -> {
                    JsonNode l = v.path("layout");
                    if (!l.isMissingNode() && !l.isNull()) {
                        layout = ObservationLayout.fromJson(text(l, "observation.layout"));
                    }
                }
                case "trainer" -> {
                    if (!v.isObject()) {
                        throw new PolicyException("policy metadata 'trainer' must be an object, got " + v);
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> t = MAPPER.convertValue(v, Map.class);
                    trainer.putAll(t);
                }
                default -> extra.put(f.getKey(), v.deepCopy());
            }
        }
        return new PolicyMetadata(format, envId, obs, act, distribution, outputs, transform, layout, trainer, extra);
    }

    private static String text(JsonNode v, String key) {
        if (!v.isTextual()) {
            throw new PolicyException("policy metadata '" + key + "' must be a string, got " + v);
        }
        return v.asText();
    }

    /**
     * Reads a {@code policy.json} file.
     *
     * @param file the file
     * @return the metadata
     * @throws PolicyException if it cannot be read or parsed (the message names the file)
     */
    public static PolicyMetadata read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PolicyException("policy metadata file " + file + " does not exist");
        } catch (IOException e) {
            throw new PolicyException("cannot read policy metadata file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (PolicyException e) {
            throw new PolicyException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param model a model file, such as {@code policy.onnx}
     * @return the metadata file beside it: the same name with {@code .json} instead of {@code .onnx}
     *     ({@code policy.json})
     */
    public static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return model.resolveSibling(stem + ".json");
    }

    /**
     * @param model a model file
     * @return the metadata beside it ({@link #besideModel}), or empty when there is no such file
     * @throws PolicyException if the file exists but cannot be parsed
     */
    public static Optional<PolicyMetadata> readBeside(Path model) {
        Path file = besideModel(model);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** @return the JSON text, {@code format} first; unknown keys parsed earlier are written back */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        if (envId != null) {
            root.put("env_id", envId);
        }
        if (observationSpace != null) {
            root.set("observation_space", SpaceJson.write(observationSpace));
        }
        if (actionSpace != null) {
            root.set("action_space", SpaceJson.write(actionSpace));
        }
        if (distribution != null) {
            root.put("distribution", distribution.jsonName());
        }
        if (!outputs.isEmpty()) {
            ObjectNode o = root.putObject("outputs");
            outputs.forEach(o::put);
        }
        root.putObject("action").put("transform", actionTransform.jsonName());
        root.putObject("observation").put("layout", observationLayout.jsonName());
        if (!trainer.isEmpty()) {
            root.set("trainer", MAPPER.valueToTree(trainer));
        }
        extra.forEach(root::set);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the JSON atomically (a temporary file in the same directory, then a rename), so that a reader
     * never sees a torn file.
     *
     * @param file the file to write, such as {@code policy.json}
     * @throws UncheckedIOException if writing fails
     */
    public void write(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, toJson() + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write policy metadata " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the {@code format} key as read, or empty when it was absent (written as {@link #FORMAT}) */
    public Optional<String> format() {
        return Optional.ofNullable(format);
    }

    /** @return the env id the policy was trained on */
    public Optional<String> envId() {
        return Optional.ofNullable(envId);
    }

    /** @return the single observation space the model was made for */
    public Optional<Space<?>> observationSpace() {
        return Optional.ofNullable(observationSpace);
    }

    /** @return the single action space the model was made for */
    public Optional<Space<?>> actionSpace() {
        return Optional.ofNullable(actionSpace);
    }

    /** @return how the outputs become actions; empty for the obvious mapping */
    public Optional<Distribution> distribution() {
        return Optional.ofNullable(distribution);
    }

    /** @return role ({@link #LOGITS}, {@link #MEAN}, ...) to graph output name, as given; unmodifiable */
    public Map<String, String> outputs() {
        return outputs;
    }

    /** @return what is done to Box actions; {@link ActionTransform#CLIP} by default */
    public ActionTransform actionTransform() {
        return actionTransform;
    }

    /** @return how observations are fed; {@link ObservationLayout#FLAT} by default */
    public ObservationLayout observationLayout() {
        return observationLayout;
    }

    /** @return the trainer's own description (name, steps, ...); unmodifiable, possibly empty */
    public Map<String, Object> trainer() {
        return trainer;
    }

    /** @return a copy with this env id */
    public PolicyMetadata withEnvId(String envId) {
        return new PolicyMetadata(format, envId, observationSpace, actionSpace, distribution, outputs, actionTransform,
                observationLayout, trainer, extra);
    }

    /** @return a copy made for these spaces */
    public PolicyMetadata withSpaces(Space<?> observationSpace, Space<?> actionSpace) {
        return new PolicyMetadata(format, envId, observationSpace, actionSpace, distribution, outputs, actionTransform,
                observationLayout, trainer, extra);
    }

    /** @return a copy with this distribution ({@code null} for the obvious mapping) */
    public PolicyMetadata withDistribution(Distribution distribution) {
        return new PolicyMetadata(format, envId, observationSpace, actionSpace, distribution, outputs, actionTransform,
                observationLayout, trainer, extra);
    }

    /**
     * @param role a role in {@link #ROLES}
     * @param outputName the graph output holding it
     * @return a copy with that output named
     */
    public PolicyMetadata withOutput(String role, String outputName) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown output role '" + role + "': expected one of " + ROLES);
        }
        Map<String, String> o = new LinkedHashMap<>(outputs);
        o.put(role, Objects.requireNonNull(outputName, "outputName"));
        return new PolicyMetadata(format, envId, observationSpace, actionSpace, distribution, o, actionTransform,
                observationLayout, trainer, extra);
    }

    /** @return a copy with this Box action transform */
    public PolicyMetadata withActionTransform(ActionTransform transform) {
        return new PolicyMetadata(format, envId, observationSpace, actionSpace, distribution, outputs,
                Objects.requireNonNull(transform, "transform"), observationLayout, trainer, extra);
    }

    /** @return a copy with this observation layout */
    public PolicyMetadata withObservationLayout(ObservationLayout layout) {
        return new PolicyMetadata(format, envId, observationSpace, actionSpace, distribution, outputs, actionTransform,
                Objects.requireNonNull(layout, "layout"), trainer, extra);
    }

    /** @return a copy with this trainer description (JSON-writable values: strings, numbers, lists, maps) */
    public PolicyMetadata withTrainer(Map<String, ?> trainer) {
        return new PolicyMetadata(format, envId, observationSpace, actionSpace, distribution, outputs, actionTransform,
                observationLayout, new LinkedHashMap<>(trainer), extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyMetadata m && m.toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "PolicyMetadata" + toJson().replaceAll("\\s+", " ");
    }
}
