package dev.gym4j.policy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.bridge.experience.PolicyVersion;
import dev.gym4j.policy.PolicyMetadata.ActionTransform;
import dev.gym4j.policy.PolicyMetadata.Distribution;
import dev.gym4j.policy.PolicyMetadata.ObservationLayout;
import dev.gym4j.policy.internal.Distributions;
import dev.gym4j.policy.internal.SpaceFit;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link Policy} that runs an ONNX model on the CPU with ONNX Runtime, mapping its outputs to actions as
 * {@code docs/POLICY.md} ({@code gym4j.policy.v1}) says.
 *
 * <p><b>The model</b> has one float32 input: {@code [batch, obs_dim]} (or {@code [batch, ...shape]}); a symbolic
 * batch dimension takes the whole batch in one run, a fixed one (a plain {@code torch.onnx.export} without
 * {@code dynamic_axes} fixes it at 1) is fed in chunks of that size, and a model without a batch dimension row
 * by row. A {@code Discrete(n)} observation is fed one-hot when the model takes {@code n} inputs, as its index
 * when it takes one.
 *
 * <p><b>Outputs to actions.</b> With a {@code distribution} in the metadata, outputs are found by the names the
 * metadata's {@code outputs} gives, else by their role names ({@code logits}, {@code mean}, {@code log_std},
 * {@code action}, {@code value}), else by position. Without one, the obvious mapping applies: a Discrete(n)
 * action space reads the first output ({@code [batch, n]}) as logits, a MultiDiscrete(nvec) reads
 * {@code [batch, sum(nvec)]} logits, a Box of {@code k} elements reads outputs named {@code mean} and
 * {@code log_std} as a diagonal Gaussian when the model has them, else the first output ({@code [batch, k]}) as
 * the action. Box actions are then clipped to the bounds (or rescaled from {@code [-1, 1]}, or left alone, as
 * {@code action.transform} says).
 *
 * <p><b>Validation.</b> A model whose input or outputs do not fit the spaces is refused when loaded with a
 * {@link PolicyException} whose message prints the model's signature and both spaces; so is metadata made for
 * other spaces than the env's. A file that is not an ONNX model is refused with a message saying so.
 *
 * <p><b>Threads.</b> Thread-safe: concurrent {@code act} calls run the model concurrently (ONNX Runtime
 * sessions are); each call allocates its own buffers. The session uses one intra-op and one inter-op thread,
 * so that many workers on one machine do not oversubscribe it; batch the envs instead. {@link #close()}
 * waits for running calls.
 */
public final class OnnxPolicy implements Policy {

    /** The first bytes of a zip archive, such as a PyTorch {@code .pt} checkpoint. */
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String source;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Space<?> observationSpace;
    private final Space<?> actionSpace;
    private final PolicyMetadata metadata;
    private final Distribution distribution;
    private final String signature;
    private final String inputName;
    /** Elements of one observation row in the caller's batch array. */
    private final int observationSize;
    /** Elements of one row fed to the model. */
    private final int modelRowSize;
    /** The shape of one row fed to the model (without the batch dimension). */
    private final long[] rowShape;
    /** Rows per model run: 0 for a symbolic batch dimension, else the fixed batch size (1 without one). */
    private final int fixedBatch;
    private final boolean batched;
    private final boolean oneHot;
    /** For the CHW layout: the image's H, W, C; null otherwise. */
    private final int[] hwc;
    /** Role to graph output name, for the roles used. */
    private final Map<String, String> outputs;
    /** Per-row elements of the logits, mean or action output. */
    private final int actionWidth;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxPolicy(String source, byte[] model, PolicyMetadata metadata, Space<?> observationSpace,
            Space<?> actionSpace) {
        this.source = source;
        this.metadata = metadata;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        checkMetadataSpaces(metadata, observationSpace, actionSpace, source);
        this.environment = OrtEnvironment.getEnvironment();
        this.session = openSession(source, model, environment);
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputInfo = session.getOutputInfo();
            this.signature = describe(inputs, outputInfo);
            Fit fit = new Fit(signature, observationSpace, actionSpace);

            if (inputs.size() != 1) {
                throw fit.misfit("the model has " + inputs.size() + " inputs, expected one float32 observation input");
            }
            Map.Entry<String, NodeInfo> input = inputs.entrySet().iterator().next();
            this.inputName = input.getKey();
            TensorInfo in = tensorInfo(input.getValue(), fit, "input '" + inputName + "'");
            if (in.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
                throw fit.misfit("input '" + inputName + "' is " + typeName(in) + ", expected float32");
            }
            this.observationSize = observationRowSize(observationSpace, fit);
            long[] dims = in.getShape();
            if (dims.length == 0) {
                throw fit.misfit("input '" + inputName + "' is a scalar, expected [batch, obs_dim]");
            }
            this.batched = dims.length >= 2 || dims[0] < 0;
            long[] modelRow = batched ? Arrays.copyOfRange(dims, 1, dims.length) : dims.clone();
            this.fixedBatch = !batched ? 1 : (int) Math.max(0, dims[0]);
            ObservationLayout layout = metadata.observationLayout();
            this.hwc = layout == ObservationLayout.CHW ? imageShape(observationSpace, fit) : null;
            long[] wanted = wantedRowShape(observationSpace, layout, modelRow.length, hwc);
            this.oneHot = observationSpace instanceof Discrete d && product(modelRow) == d.n() && d.n() != 1;
            if (oneHot) {
                wanted = new long[] {((Discrete) observationSpace).n()};
            }
            if (wanted == null || wanted.length != modelRow.length) {
                throw fit.misfit("input '" + inputName + "' has " + modelRow.length + " dimension(s) after the batch "
                        + "dimension, but the observation (layout " + layout.jsonName() + ") has "
                        + (wanted == null ? "another rank" : wanted.length + ": " + Arrays.toString(wanted)));
            }
            for (int i = 0; i < wanted.length; i++) {
                if (modelRow[i] >= 0 && modelRow[i] != wanted[i]) {
                    throw fit.misfit("input '" + inputName + "' takes rows of shape " + dimsText(modelRow)
                            + ", but the observation space gives " + dimsText(wanted)
                            + " (" + product(wanted) + " elements)");
                }
            }
            this.rowShape = wanted;
            this.modelRowSize = (int) product(wanted);

            this.distribution = chooseDistribution(metadata, actionSpace, outputInfo.keySet(), fit);
            this.actionWidth = actionWidth(actionSpace, distribution, metadata, fit);
            this.outputs = mapOutputs(metadata, distribution, new ArrayList<>(outputInfo.keySet()), fit);
            for (Map.Entry<String, String> e : outputs.entrySet()) {
                checkOutput(e.getKey(), e.getValue(), outputInfo.get(e.getValue()), fit);
            }
        } catch (OrtException e) {
            closeQuietly();
            throw new PolicyException(source + ": onnxruntime could not describe the model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Loads {@code model} with the metadata beside it ({@link PolicyMetadata#besideModel}, {@code policy.json}
     * for {@code policy.onnx}) when there is one.
     *
     * @param model the {@code .onnx} file
     * @param observationSpace the env's single observation space
     * @param actionSpace the env's single action space
     * @return the policy; close it
     * @throws PolicyException if the file is missing or not ONNX, the metadata is bad or made for other spaces, or
     *     the model does not fit the spaces
     */
    public static OnnxPolicy fromFile(Path model, Space<?> observationSpace, Space<?> actionSpace) {
        PolicyMetadata metadata = PolicyMetadata.readBeside(model).orElse(PolicyMetadata.empty());
        return new OnnxPolicy(model.toString(), readModel(model), metadata, Objects.requireNonNull(observationSpace),
                Objects.requireNonNull(actionSpace));
    }

    /**
     * Loads {@code model} for the spaces its metadata names (the metadata file beside it must exist and give
     * {@code observation_space} and {@code action_space}).
     *
     * @param model the {@code .onnx} file
     * @return the policy; close it
     * @throws PolicyException as {@link #fromFile(Path, Space, Space)}, or when the metadata does not say the spaces
     */
    public static OnnxPolicy fromFile(Path model) {
        Path json = PolicyMetadata.besideModel(model);
        PolicyMetadata metadata = PolicyMetadata.readBeside(model).orElseThrow(() -> new PolicyException(model
                + " has no metadata beside it (" + json + "), so the spaces it was made for are unknown: give the "
                + "env (its spaces) or write the metadata (docs/POLICY.md)"));
        if (metadata.observationSpace().isEmpty() || metadata.actionSpace().isEmpty()) {
            throw new PolicyException(json + " does not give both observation_space and action_space: give the env "
                    + "(its spaces) or add them (docs/POLICY.md)");
        }
        return new OnnxPolicy(model.toString(), readModel(model), metadata, metadata.observationSpace().get(),
                metadata.actionSpace().get());
    }

    /**
     * A model from bytes, without metadata: the obvious mapping.
     *
     * @param model the ONNX model bytes
     * @param observationSpace the env's single observation space
     * @param actionSpace the env's single action space
     * @return the policy; close it
     * @throws PolicyException if the bytes are not ONNX or the model does not fit the spaces
     */
    public static OnnxPolicy fromBytes(byte[] model, Space<?> observationSpace, Space<?> actionSpace) {
        return fromBytes(model, PolicyMetadata.empty(), observationSpace, actionSpace);
    }

    /**
     * A model from bytes with its metadata.
     *
     * @param model the ONNX model bytes
     * @param metadata the metadata ({@link PolicyMetadata#empty()} for the obvious mapping)
     * @param observationSpace the env's single observation space
     * @param actionSpace the env's single action space
     * @return the policy; close it
     * @throws PolicyException if the bytes are not ONNX, the metadata is made for other spaces, or the model does
     *     not fit the spaces
     */
    public static OnnxPolicy fromBytes(byte[] model, PolicyMetadata metadata, Space<?> observationSpace,
            Space<?> actionSpace) {
        return new OnnxPolicy("ONNX model (" + model.length + " bytes)", model.clone(), Objects.requireNonNull(metadata),
                Objects.requireNonNull(observationSpace), Objects.requireNonNull(actionSpace));
    }

    /**
     * A published policy version, for the spaces it names.
     *
     * @param version the version; its format must be {@link PolicyVersion#FORMAT_ONNX}
     * @return the policy; close it
     * @throws PolicyException if the version is not ONNX, its metadata is bad, or the model does not fit its spaces
     */
    public static OnnxPolicy fromPolicyVersion(PolicyVersion version) {
        return fromPolicyVersion(version, version.observationSpace(), version.actionSpace());
    }

    /**
     * A published policy version for an env, refused when it was made for other spaces than the env's. Spaces are
     * compared as Gymnasium compares them (a float Box's bounds {@code np.allclose}), and a float Box bound of the
     * dtype's largest value (Gymnasium's {@code np.finfo(np.float32).max}) matches an infinite one (gym4j's).
     *
     * @param version the version; its format must be {@link PolicyVersion#FORMAT_ONNX}
     * @param observationSpace the env's single observation space
     * @param actionSpace the env's single action space
     * @return the policy; close it
     * @throws PolicyException if the version was made for other spaces, is not ONNX, or does not fit
     */
    public static OnnxPolicy fromPolicyVersion(PolicyVersion version, Space<?> observationSpace, Space<?> actionSpace) {
        String name = "policy " + version.experiment() + " v" + version.version();
        if (!PolicyVersion.FORMAT_ONNX.equals(version.format())) {
            throw new PolicyException(name + " has format '" + version.format() + "': expected '"
                    + PolicyVersion.FORMAT_ONNX + "'");
        }
        if (!SpaceFit.fits(version.observationSpace(), observationSpace)
                || !SpaceFit.fits(version.actionSpace(), actionSpace)) {
            throw new PolicyException(name + " was made for observation space " + version.observationSpace()
                    + " and action space " + version.actionSpace() + ", but the env has observation space "
                    + observationSpace + " and action space " + actionSpace);
        }
        PolicyMetadata metadata;
        try {
            metadata = PolicyMetadata.parse(version.metadataJson());
        } catch (PolicyException e) {
            throw new PolicyException(name + ": " + e.getMessage(), e);
        }
        return new OnnxPolicy(name, version.model(), metadata, observationSpace, actionSpace);
    }

    // ---------------------------------------------------------------------------------------------- loading

    private static byte[] readModel(Path model) {
        try {
            return Files.readAllBytes(model);
        } catch (NoSuchFileException e) {
            throw new PolicyException("policy file " + model + " does not exist");
        } catch (IOException e) {
            throw new PolicyException("cannot read policy file " + model + ": " + e.getMessage(), e);
        }
    }

    private static OrtSession openSession(String source, byte[] model, OrtEnvironment environment) {
        if (model.length == 0) {
            throw new PolicyException(source + " is empty: expected an ONNX model");
        }
        if (model.length >= 4 && Arrays.equals(Arrays.copyOf(model, 4), ZIP_MAGIC)) {
            throw new PolicyException(source + " is a zip archive (a PyTorch checkpoint?), not an ONNX model: "
                    + "export the network with torch.onnx.export");
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return environment.createSession(model, options);
        } catch (OrtException e) {
            String text = looksLikeText(model) ? " (it is text, starting \"" + preview(model) + "\")" : "";
            throw new PolicyException(source + " is not an ONNX model" + text + ": onnxruntime says: "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 64);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String preview(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 24), java.nio.charset.StandardCharsets.UTF_8);
        return s.replaceAll("\\s+", " ").strip() + (bytes.length > 24 ? "..." : "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void checkMetadataSpaces(PolicyMetadata metadata, Space<?> obs, Space<?> act, String source) {
        if (metadata.observationSpace().isPresent() && !SpaceFit.fits(metadata.observationSpace().get(), obs)) {
            throw new PolicyException(source + " was made for observation space " + metadata.observationSpace().get()
                    + " (its metadata says), but the env's observation space is " + obs);
        }
        if (metadata.actionSpace().isPresent() && !SpaceFit.fits(metadata.actionSpace().get(), act)) {
            throw new PolicyException(source + " was made for action space " + metadata.actionSpace().get()
                    + " (its metadata says), but the env's action space is " + act);
        }
    }

    /** The model signature and the spaces, for misfit messages. */
    private record Fit(String signature, Space<?> obs, Space<?> act) {
        PolicyException misfit(String reason) {
            return new PolicyException("the policy model does not fit the env's spaces: " + reason + "; model: "
                    + signature + "; env: observation space " + obs + ", action space " + act);
        }
    }

    private static TensorInfo tensorInfo(NodeInfo node, Fit fit, String what) {
        ValueInfo info = node.getInfo();
        if (!(info instanceof TensorInfo t)) {
            throw fit.misfit(what + " is not a tensor (" + info + ")");
        }
        return t;
    }

    private static String describe(Map<String, NodeInfo> inputs, Map<String, NodeInfo> outputs) {
        return "inputs " + describe(inputs) + " -> outputs " + describe(outputs);
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> e : nodes.entrySet()) {
            ValueInfo info = e.getValue().getInfo();
            if (info instanceof TensorInfo t) {
                String[] names = t.getDimensionNames();
                long[] shape = t.getShape();
                List<String> dims = new ArrayList<>();
                for (int i = 0; i < shape.length; i++) {
                    dims.add(shape[i] >= 0 ? Long.toString(shape[i])
                            : names != null && i < names.length && !names[i].isEmpty() ? names[i] : "?");
                }
                parts.add("'" + e.getKey() + "' " + typeName(t) + "[" + String.join(", ", dims) + "]");
            } else {
                parts.add("'" + e.getKey() + "' " + info);
            }
        }
        return String.join(", ", parts);
    }

    private static String typeName(TensorInfo t) {
        return switch (t.type) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case INT8 -> "int8";
            case UINT8 -> "uint8";
            case INT16 -> "int16";
            case INT32 -> "int32";
            case INT64 -> "int64";
            case BOOL -> "bool";
            case FLOAT16 -> "float16";
            case BFLOAT16 -> "bfloat16";
            case STRING -> "string";
            default -> t.type.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static int observationRowSize(Space<?> space, Fit fit) {
        if (space instanceof Discrete) {
            return 1;
        }
        if (space instanceof Box<?> || space instanceof MultiDiscrete || space instanceof MultiBinary) {
            return (int) product(toLongs(space.shape()));
        }
        throw fit.misfit("observation space " + space + " is a " + space.getClass().getSimpleName()
                + ": policies read Box, Discrete, MultiDiscrete or MultiBinary observations (flatten it first)");
    }

    private static int[] imageShape(Space<?> space, Fit fit) {
        if (!(space instanceof Box<?> box) || box.shape().length != 3) {
            throw fit.misfit("observation layout chw needs an [H, W, C] Box observation, got " + space);
        }
        return box.shape();
    }

    private static long[] wantedRowShape(Space<?> space, ObservationLayout layout, int modelRank, int[] hwc) {
        if (layout == ObservationLayout.CHW) {
            return new long[] {hwc[2], hwc[0], hwc[1]};
        }
        long[] shape = toLongs(space.shape());
        if (modelRank == 1) {
            return new long[] {Math.max(1, product(shape))};
        }
        return shape.length == modelRank ? shape : null;
    }

    private static Distribution chooseDistribution(PolicyMetadata metadata, Space<?> act, Set<String> outputNames,
            Fit fit) {
        Distribution d = metadata.distribution().orElse(null);
        if (d == null) {
            if (act instanceof Discrete) {
                d = Distribution.CATEGORICAL;
            } else if (act instanceof MultiDiscrete) {
                d = Distribution.MULTI_CATEGORICAL;
            } else if (act instanceof Box<?>) {
                boolean named = (outputNames.contains(PolicyMetadata.MEAN) && outputNames.contains(PolicyMetadata.LOG_STD))
                        || metadata.outputs().containsKey(PolicyMetadata.MEAN);
                d = named ? Distribution.DIAG_GAUSSIAN : Distribution.DETERMINISTIC;
            } else {
                throw fit.misfit("action space " + act + " is a " + act.getClass().getSimpleName()
                        + ": policies answer Discrete, MultiDiscrete or float Box actions");
            }
        }
        boolean fits = switch (d) {
            case CATEGORICAL -> act instanceof Discrete;
            case MULTI_CATEGORICAL -> act instanceof MultiDiscrete;
            case DIAG_GAUSSIAN, DETERMINISTIC -> act instanceof Box<?>;
        };
        if (!fits) {
            throw fit.misfit("distribution " + d.jsonName() + " does not apply to action space " + act
                    + " (categorical: Discrete, multi_categorical: MultiDiscrete, diag_gaussian and deterministic: Box)");
        }
        if (act instanceof Box<?> box) {
            if (!box.dtype().isFloat()) {
                throw fit.misfit("action space " + act + " has dtype " + box.dtype().numpyName()
                        + ": policies answer float32 or float64 Box actions");
            }
            if (metadata.actionTransform() == ActionTransform.RESCALE && !box.isBounded()) {
                throw fit.misfit("action.transform rescale needs a bounded Box, but " + act + " is not bounded");
            }
        }
        return d;
    }

    private static int actionWidth(Space<?> act, Distribution d, PolicyMetadata metadata, Fit fit) {
        return switch (d) {
            case CATEGORICAL -> ((Discrete) act).n();
            case MULTI_CATEGORICAL -> {
                long sum = 0;
                for (long n : ((MultiDiscrete) act).nvec()) {
                    sum += n;
                }
                yield Math.toIntExact(sum);
            }
            case DIAG_GAUSSIAN, DETERMINISTIC -> ((Box<?>) act).size();
        };
    }

    private static Map<String, String> mapOutputs(PolicyMetadata metadata, Distribution d, List<String> names, Fit fit) {
        Map<String, String> given = metadata.outputs();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!names.contains(e.getValue())) {
                throw fit.misfit("the metadata names output '" + e.getValue() + "' as " + e.getKey()
                        + ", but the model's outputs are " + names);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<String> roles = switch (d) {
            case CATEGORICAL, MULTI_CATEGORICAL -> List.of(PolicyMetadata.LOGITS);
            case DIAG_GAUSSIAN -> List.of(PolicyMetadata.MEAN, PolicyMetadata.LOG_STD);
            case DETERMINISTIC -> List.of(PolicyMetadata.ACTION);
        };
        Set<String> taken = new LinkedHashSet<>(given.values());
        for (String role : roles) {
            String name = given.get(role);
            if (name == null && names.contains(role) && !taken.contains(role)) {
                name = role;
            }
            if (name == null) {
                for (String candidate : names) {
                    if (!taken.contains(candidate) && !PolicyMetadata.VALUE.equals(candidate)
                            && !(PolicyMetadata.LOG_STD.equals(candidate) && !PolicyMetadata.LOG_STD.equals(role))) {
                        name = candidate;
                        break;
                    }
                }
            }
            if (name == null) {
                throw fit.misfit("distribution " + d.jsonName() + " needs outputs " + roles
                        + ", but the model has no output left for " + role);
            }
            taken.add(name);
            out.put(role, name);
        }
        String value = given.get(PolicyMetadata.VALUE);
        if (value == null && names.contains(PolicyMetadata.VALUE) && !taken.contains(PolicyMetadata.VALUE)) {
            value = PolicyMetadata.VALUE;
        }
        if (value != null) {
            out.put(PolicyMetadata.VALUE, value);
        }
        return out;
    }

    private void checkOutput(String role, String name, NodeInfo node, Fit fit) {
        TensorInfo t = tensorInfo(node, fit, "output '" + name + "'");
        if (t.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw fit.misfit("output '" + name + "' (" + role + ") is " + typeName(t) + ", expected float32");
        }
        long expected = PolicyMetadata.VALUE.equals(role) ? 1 : actionWidth;
        long[] shape = t.getShape();
        if (PolicyMetadata.LOG_STD.equals(role) && shape.length == 1) {
            if (shape[0] >= 0 && shape[0] != expected && (!batched || shape[0] != fixedBatch * expected)) {
                throw fit.misfit("output '" + name + "' (log_std) has shape " + dimsText(shape) + ", expected ["
                        + expected + "] or [batch, " + expected + "]");
            }
            return;
        }
        long[] row = batched && shape.length >= 1 ? Arrays.copyOfRange(shape, 1, shape.length) : shape;
        if (batched && shape.length == 0) {
            throw fit.misfit("output '" + name + "' (" + role + ") is a scalar, expected [batch, " + expected + "]");
        }
        if (Arrays.stream(row).allMatch(x -> x >= 0) && product(row) != expected) {
            String what = switch (role) {
                case PolicyMetadata.LOGITS -> expected + " logits per row for " + actionSpace;
                case PolicyMetadata.VALUE -> "one value per row";
                default -> expected + " elements per row for " + actionSpace;
            };
            throw fit.misfit("output '" + name + "' (" + role + ") has shape " + dimsText(shape) + ", but " + what
                    + " means [batch, " + expected + "]");
        }
    }

    private static long[] toLongs(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static long product(long[] dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }

    private static String dimsText(long[] dims) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            b.append(i > 0 ? ", " : "").append(dims[i] >= 0 ? Long.toString(dims[i]) : "?");
        }
        return b.append(']').toString();
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException | RuntimeException ignored) {
            // Already failing with the real cause.
        }
    }

    // ---------------------------------------------------------------------------------------------- acting

    @Override
    public PolicyStep act(Object observations, int batchSize, Generator generator) {
        return run(observations, batchSize, Objects.requireNonNull(generator, "generator"));
    }

    @Override
    public PolicyStep actDeterministic(Object observations, int batchSize) {
        return run(observations, batchSize, null);
    }

    /**
     * The model's raw outputs for a batch, by role ({@code logits}, {@code mean}, {@code log_std},
     * {@code action}, {@code value}), each a flat float array of {@code batchSize} rows ({@code log_std} may
     * have a single shared row).
     *
     * @param observations the batch, as for {@link #act}
     * @param batchSize rows
     * @return role to values
     */
    public Map<String, float[]> outputs(Object observations, int batchSize) {
        lock.readLock().lock();
        try {
            checkOpen();
            return forward(toModelInput(observations, batchSize), batchSize);
        } finally {
            lock.readLock().unlock();
        }
    }

    private PolicyStep run(Object observations, int batchSize, Generator generator) {
        lock.readLock().lock();
        try {
            checkOpen();
            Map<String, float[]> out = forward(toModelInput(observations, batchSize), batchSize);
            return decode(out, batchSize, generator);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the policy " + source + " is closed");
        }
    }

    private float[] toModelInput(Object observations, int batchSize) {
        if (batchSize < 1) {
            throw new PolicyException("a batch needs at least 1 row, got " + batchSize);
        }
        Objects.requireNonNull(observations, "observations");
        int length = java.lang.reflect.Array.getLength(observations.getClass().isArray() ? observations : new float[0]);
        if (!observations.getClass().isArray() || length != (long) batchSize * observationSize) {
            throw new PolicyException("expected a batch of " + batchSize + " observations of " + observationSize
                    + " elements (" + (long) batchSize * observationSize + " values in a primitive array) for "
                    + observationSpace + ", got " + (observations.getClass().isArray()
                        ? length + " values in a " + observations.getClass().getSimpleName()
                        : "a " + observations.getClass().getSimpleName()));
        }
        float[] flat = toFloats(observations);
        if (oneHot) {
            Discrete d = (Discrete) observationSpace;
            float[] hot = new float[batchSize * d.n()];
            for (int r = 0; r < batchSize; r++) {
                int i = (int) flat[r] - d.start();
                if (i < 0 || i >= d.n()) {
                    throw new PolicyException("observation " + (int) flat[r] + " in row " + r + " is outside " + d);
                }
                hot[r * d.n() + i] = 1f;
            }
            return hot;
        }
        if (hwc != null) {
            int h = hwc[0];
            int w = hwc[1];
            int c = hwc[2];
            float[] chw = new float[flat.length];
            int size = h * w * c;
            for (int r = 0; r < batchSize; r++) {
                int base = r * size;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int ch = 0; ch < c; ch++) {
                            chw[base + (ch * h + y) * w + x] = flat[base + (y * w + x) * c + ch];
                        }
                    }
                }
            }
            return chw;
        }
        return flat;
    }

    private static float[] toFloats(Object a) {
        if (a instanceof float[] f) {
            return f;
        }
        if (a instanceof double[] d) {
            float[] out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
            return out;
        }
        if (a instanceof long[] l) {
            float[] out = new float[l.length];
            for (int i = 0; i < l.length; i++) {
                out[i] = l[i];
            }
            return out;
        }
        if (a instanceof int[] n) {
            float[] out = new float[n.length];
            for (int i = 0; i < n.length; i++) {
                out[i] = n[i];
            }
            return out;
        }
        if (a instanceof byte[] b) {
            float[] out = new float[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] & 0xff;
            }
            return out;
        }
        if (a instanceof boolean[] b) {
            float[] out = new float[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] ? 1f : 0f;
            }
            return out;
        }
        throw new PolicyException("observations must be a float[], double[], long[], int[], byte[] or boolean[], got a "
                + a.getClass().getSimpleName());
    }

    private Map<String, float[]> forward(float[] input, int batchSize) {
        int chunk = fixedBatch == 0 ? batchSize : fixedBatch;
        Map<String, float[]> result = new LinkedHashMap<>();
        for (String role : outputs.keySet()) {
            result.put(role, new float[batchSize * (PolicyMetadata.VALUE.equals(role) ? 1 : actionWidth)]);
        }
        Set<String> requested = new LinkedHashSet<>(outputs.values());
        long[] shape = new long[rowShape.length + (batched ? 1 : 0)];
        if (batched) {
            shape[0] = chunk;
        }
        System.arraycopy(rowShape, 0, shape, batched ? 1 : 0, rowShape.length);
        for (int from = 0; from < batchSize; from += chunk) {
            int rows = Math.min(chunk, batchSize - from);
            float[] part;
            if (from == 0 && rows == batchSize && chunk == batchSize) {
                part = input;
            } else {
                part = new float[chunk * modelRowSize];
                System.arraycopy(input, from * modelRowSize, part, 0, rows * modelRowSize);
            }
            try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(part), shape);
                    OrtSession.Result out = session.run(Map.of(inputName, tensor), requested)) {
                for (Map.Entry<String, String> e : outputs.entrySet()) {
                    float[] values = floats(out, e.getValue());
                    String role = e.getKey();
                    int width = PolicyMetadata.VALUE.equals(role) ? 1 : actionWidth;
                    if (PolicyMetadata.LOG_STD.equals(role) && values.length == width && chunk > 1) {
                        // A state-independent log_std [k], shared by every row.
                        result.put(role, values);
                        continue;
                    }
                    if (values.length != chunk * width) {
                        throw new PolicyException("output '" + e.getValue() + "' (" + role + ") gave " + values.length
                                + " values for a batch of " + chunk + ", expected " + chunk * width + " ("
                                + width + " per row); model: " + signature);
                    }
                    float[] dst = result.get(role);
                    System.arraycopy(values, 0, dst, from * width, rows * width);
                }
            } catch (OrtException e) {
                throw new PolicyException(source + ": onnxruntime failed to run the model on a batch of " + chunk
                        + ": " + firstLine(e.getMessage()), e);
            }
        }
        return result;
    }

    private static float[] floats(OrtSession.Result out, String name) {
        OnnxValue value = out.get(name).orElseThrow(() -> new PolicyException("the model gave no output '" + name + "'"));
        if (!(value instanceof OnnxTensor t) || t.getInfo().type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw new PolicyException("output '" + name + "' is not a float32 tensor: " + value.getInfo());
        }
        FloatBuffer buffer = t.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    private PolicyStep decode(Map<String, float[]> out, int batchSize, Generator generator) {
        double[] logProbs = new double[batchSize];
        Object actions;
        boolean hasLogProbs = true;
        switch (distribution) {
            case CATEGORICAL -> {
                Discrete d = (Discrete) actionSpace;
                long[] a = new long[batchSize];
                Distributions.categorical(out.get(PolicyMetadata.LOGITS), batchSize, d.n(), 0, d.n(), generator,
                        a, 1, 0, d.start(), logProbs);
                actions = a;
            }
            case MULTI_CATEGORICAL -> {
                MultiDiscrete m = (MultiDiscrete) actionSpace;
                long[] nvec = m.nvec();
                long[] start = m.start();
                long[] a = new long[batchSize * nvec.length];
                float[] logits = out.get(PolicyMetadata.LOGITS);
                if (generator == null) {
                    int offset = 0;
                    for (int j = 0; j < nvec.length; j++) {
                        Distributions.categorical(logits, batchSize, actionWidth, offset, (int) nvec[j], null,
                                a, nvec.length, j, start[j], logProbs);
                        offset += (int) nvec[j];
                    }
                } else {
                    // Row-major draws: row 0's dimensions, then row 1's, ...
                    double[] rowLp = new double[1];
                    long[] one = new long[1];
                    for (int r = 0; r < batchSize; r++) {
                        int offset = r * actionWidth;
                        for (int j = 0; j < nvec.length; j++) {
                            rowLp[0] = 0.0;
                            Distributions.categorical(logits, 1, 0, offset, (int) nvec[j], generator, one, 1, 0,
                                    start[j], rowLp);
                            a[r * nvec.length + j] = one[0];
                            logProbs[r] += rowLp[0];
                            offset += (int) nvec[j];
                        }
                    }
                }
                actions = a;
            }
            case DIAG_GAUSSIAN -> {
                Box<?> box = (Box<?>) actionSpace;
                double[] a = new double[batchSize * actionWidth];
                Distributions.diagGaussian(out.get(PolicyMetadata.MEAN), out.get(PolicyMetadata.LOG_STD), batchSize,
                        actionWidth, generator, a, logProbs);
                actions = boxActions(a, box);
            }
            case DETERMINISTIC -> {
                Box<?> box = (Box<?>) actionSpace;
                float[] raw = out.get(PolicyMetadata.ACTION);
                double[] a = new double[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    if (!Float.isFinite(raw[i])) {
                        throw new PolicyException("the model produced a non-finite action (" + raw[i] + ") for row "
                                + i / actionWidth);
                    }
                    a[i] = raw[i];
                }
                actions = boxActions(a, box);
                hasLogProbs = false;
            }
            default -> throw new AssertionError(distribution);
        }
        float[] lp = null;
        if (hasLogProbs) {
            lp = new float[batchSize];
            for (int i = 0; i < batchSize; i++) {
                lp[i] = (float) logProbs[i];
            }
        }
        return new PolicyStep(batchSize, actionSpace, actions, lp, out.get(PolicyMetadata.VALUE));
    }

    private Object boxActions(double[] a, Box<?> box) {
        double[] low = box.low();
        double[] high = box.high();
        int k = actionWidth;
        ActionTransform transform = metadata.actionTransform();
        for (int i = 0; i < a.length; i++) {
            int j = i % k;
            switch (transform) {
                case CLIP -> a[i] = Math.min(Math.max(a[i], low[j]), high[j]);
                case RESCALE -> {
                    double t = Math.min(Math.max(a[i], -1.0), 1.0);
                    a[i] = low[j] + (t + 1.0) * 0.5 * (high[j] - low[j]);
                }
                case NONE -> { }
                default -> throw new AssertionError(transform);
            }
        }
        if (box.dtype() == DType.FLOAT64) {
            return a;
        }
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
            if (transform == ActionTransform.CLIP) {
                // Rounding to float32 must not step outside the float32 bounds.
                f[i] = Math.min(Math.max(f[i], (float) low[i % k]), (float) high[i % k]);
            }
        }
        return f;
    }

    // ---------------------------------------------------------------------------------------------- the rest

    @Override
    public Space<?> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<?> actionSpace() {
        return actionSpace;
    }

    @Override
    public PolicyMetadata metadata() {
        return metadata;
    }

    @Override
    public Distribution distribution() {
        return distribution;
    }

    @Override
    public int observationSize() {
        return observationSize;
    }

    /** @return the model's inputs and outputs with their types and shapes, as misfit messages print them */
    public String signature() {
        return signature;
    }

    /** @return role to graph output name, for the roles this policy reads */
    public Map<String, String> outputNames() {
        return java.util.Collections.unmodifiableMap(outputs);
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxPolicy[" + source + ", " + distribution.jsonName() + ", " + signature + "]";
    }
}
