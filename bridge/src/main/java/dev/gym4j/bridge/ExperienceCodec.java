package dev.gym4j.bridge;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.PolicyVersion;
import dev.gym4j.bridge.experience.TensorData;
import dev.gym4j.bridge.experience.Trajectory;
import dev.gym4j.bridge.proto.DType;
import dev.gym4j.bridge.proto.NamedTensor;
import dev.gym4j.bridge.proto.Tensor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Trajectory} and {@link PolicyVersion} to and from the bytes of their {@code gym4j.bridge.v1} messages
 * ({@code bridge/PROTOCOL.md}, "Experience" and "Policies"): what every experience transport and policy store
 * puts on the wire or on disk, and what a trainer in another language parses with its own Protobuf library.
 *
 * <p>Thread-safe (stateless).
 */
public final class ExperienceCodec {

    /** The version written into, and required of, every message. */
    public static final int PROTOCOL_VERSION = Protocol.VERSION;

    private ExperienceCodec() {
    }

    /**
     * Encodes a trajectory.
     *
     * @param t the trajectory
     * @return the bytes of its {@code Trajectory} message
     */
    public static byte[] encode(Trajectory t) {
        return toWire(t).toByteArray();
    }

    /**
     * Encodes a trajectory as the {@code ExperienceMessage} that carries it over ZeroMQ, in one pass (no second copy
     * of the trajectory's bytes).
     *
     * @param t the trajectory
     * @return the bytes of an {@code ExperienceMessage} whose body is the trajectory
     */
    public static byte[] encodeAsExperienceMessage(Trajectory t) {
        return dev.gym4j.bridge.proto.ExperienceMessage.newBuilder().setTrajectory(toWire(t)).build().toByteArray();
    }

    /**
     * Decodes a trajectory from part of an array, reading the tensors' bytes in place (no copy of the part).
     *
     * @param bytes an array holding the bytes of a {@code Trajectory} message
     * @param offset where they start
     * @param length how many there are
     * @return the trajectory
     * @throws ExperienceException if the bytes are not a valid version-1 {@code Trajectory}
     */
    public static Trajectory decodeTrajectory(byte[] bytes, int offset, int length) {
        dev.gym4j.bridge.proto.Trajectory m;
        try {
            com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(bytes, offset,
                    length);
            in.enableAliasing(true); // TensorData copies what it keeps
            m = dev.gym4j.bridge.proto.Trajectory.parseFrom(in);
            in.checkLastTagWas(0);
        } catch (InvalidProtocolBufferException e) {
            throw new ExperienceException("not a Trajectory message (" + length + " bytes): " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new ExperienceException("not a Trajectory message (" + length + " bytes): " + e.getMessage());
        }
        return fromWire(m);
    }

    /**
     * Decodes a trajectory.
     *
     * @param bytes the bytes of a {@code Trajectory} message
     * @return the trajectory
     * @throws ExperienceException if the bytes are not a valid version-1 {@code Trajectory} (the message says what
     *     is wrong)
     */
    public static Trajectory decodeTrajectory(byte[] bytes) {
        dev.gym4j.bridge.proto.Trajectory m;
        try {
            m = dev.gym4j.bridge.proto.Trajectory.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ExperienceException("not a Trajectory message (" + bytes.length + " bytes): " + e.getMessage());
        }
        return fromWire(m);
    }

    /**
     * Encodes a policy version.
     *
     * @param p the version
     * @return the bytes of its {@code PolicyVersion} message
     */
    public static byte[] encode(PolicyVersion p) {
        return toWire(p).toByteArray();
    }

    /**
     * Decodes a policy version, checking its checksum.
     *
     * @param bytes the bytes of a {@code PolicyVersion} message
     * @return the version
     * @throws ExperienceException if the bytes are not a valid version-1 {@code PolicyVersion} or the checksum does
     *     not match the model
     */
    public static PolicyVersion decodePolicyVersion(byte[] bytes) {
        dev.gym4j.bridge.proto.PolicyVersion m;
        try {
            m = dev.gym4j.bridge.proto.PolicyVersion.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ExperienceException("not a PolicyVersion message (" + bytes.length + " bytes): "
                    + e.getMessage());
        }
        return fromWire(m);
    }

    static dev.gym4j.bridge.proto.Trajectory toWire(Trajectory t) {
        int steps = t.length();
        var b = dev.gym4j.bridge.proto.Trajectory.newBuilder()
                .setProtocolVersion(PROTOCOL_VERSION)
                .setExperiment(t.experiment())
                .setWorkerId(t.workerId())
                .setSequence(t.sequence())
                .setPolicyVersion(t.policyVersion())
                .setEnvId(t.envId())
                .setEpisodeId(t.episodeId())
                .setObservations(tensor(t.observations()))
                .setActions(tensor(t.actions()))
                .setRewards(tensor(TensorData.ofFloats(new int[] {steps}, t.rewards())))
                .setTerminated(bools(t.terminated()))
                .setTruncated(bools(t.truncated()))
                .setLastObservation(tensor(t.lastObservation()));
        for (Map.Entry<String, TensorData> e : t.extras().entrySet()) {
            b.addExtras(NamedTensor.newBuilder().setName(e.getKey()).setTensor(tensor(e.getValue())));
        }
        return b.build();
    }

    static Trajectory fromWire(dev.gym4j.bridge.proto.Trajectory m) {
        checkVersion("Trajectory", m.getProtocolVersion());
        try {
            String what = "trajectory " + m.getWorkerId() + "#" + m.getSequence();
            Map<String, TensorData> extras = new LinkedHashMap<>();
            for (NamedTensor e : m.getExtrasList()) {
                extras.put(e.getName(), tensorData(e.getTensor(), what + " extra '" + e.getName() + "'"));
            }
            TensorData rewards = tensorData(m.getRewards(), what + " rewards");
            if (rewards.dtype() != dev.gym4j.api.spaces.DType.FLOAT32 || rewards.shape().length != 1) {
                throw new ExperienceException(what + ": rewards must be a float32 tensor [T], got " + rewards);
            }
            return new Trajectory(m.getExperiment(), m.getWorkerId(), nonNegative(m.getSequence(), "sequence"),
                    nonNegative(m.getPolicyVersion(), "policy_version"), m.getEnvId(),
                    nonNegative(m.getEpisodeId(), "episode_id"),
                    tensorData(m.getObservations(), what + " observations"),
                    tensorData(m.getActions(), what + " actions"), rewards.floats(),
                    boolsOf(m.getTerminated(), what + " terminated"), boolsOf(m.getTruncated(), what + " truncated"),
                    tensorData(m.getLastObservation(), what + " last_observation"), extras);
        } catch (IllegalArgumentException e) {
            throw new ExperienceException("invalid Trajectory message: " + e.getMessage());
        }
    }

    static dev.gym4j.bridge.proto.PolicyVersion toWire(PolicyVersion p) {
        return dev.gym4j.bridge.proto.PolicyVersion.newBuilder()
                .setProtocolVersion(PROTOCOL_VERSION)
                .setExperiment(p.experiment())
                .setVersion(p.version())
                .setFormat(p.format())
                .setModel(ByteString.copyFrom(p.model()))
                .setObservationSpace(SpaceCodec.toWire(p.observationSpace()))
                .setActionSpace(SpaceCodec.toWire(p.actionSpace()))
                .setSha256(p.sha256())
                .setCreatedAtSeconds(p.createdAt().getEpochSecond())
                .setCreatedAtNanos(p.createdAt().getNano())
                .setMetadataJson(p.metadataJson())
                .build();
    }

    static PolicyVersion fromWire(dev.gym4j.bridge.proto.PolicyVersion m) {
        checkVersion("PolicyVersion", m.getProtocolVersion());
        if (!m.hasObservationSpace() || !m.hasActionSpace()) {
            throw new ExperienceException("invalid PolicyVersion message: policy " + m.getExperiment() + " v"
                    + m.getVersion() + " lacks its observation_space or action_space");
        }
        try {
            return new PolicyVersion(m.getExperiment(), m.getVersion(), m.getFormat(), m.getModel().toByteArray(),
                    SpaceCodec.fromWire(m.getObservationSpace()), SpaceCodec.fromWire(m.getActionSpace()),
                    m.getSha256(), Instant.ofEpochSecond(m.getCreatedAtSeconds(), m.getCreatedAtNanos()),
                    m.getMetadataJson().isEmpty() ? "{}" : m.getMetadataJson());
        } catch (IllegalArgumentException | java.time.DateTimeException | ProtocolException e) {
            throw new ExperienceException("invalid PolicyVersion message: " + e.getMessage());
        }
    }

    private static void checkVersion(String message, int version) {
        if (version != PROTOCOL_VERSION) {
            throw new ExperienceException(message + " message of protocol version " + version + ": this library reads "
                    + "version " + PROTOCOL_VERSION + " only" + (version == 0 ? " (protocol_version is unset)" : ""));
        }
    }

    private static long nonNegative(long v, String field) {
        if (v < 0) {
            throw new ExperienceException("invalid Trajectory message: " + field + " " + Long.toUnsignedString(v)
                    + " exceeds 2^63 - 1");
        }
        return v;
    }

    static Tensor tensor(TensorData t) {
        Tensor.Builder b = Tensor.newBuilder().setDtype(Tensors.toWire(t.dtype()));
        for (int d : t.shape()) {
            b.addShape(d);
        }
        // data() is a fresh copy already: wrap it rather than copy it again
        return b.setData(UnsafeByteOperations.unsafeWrap(t.data())).build();
    }

    static TensorData tensorData(Tensor t, String what) {
        if (t.getDtype() == DType.DTYPE_BOOL) {
            throw new ExperienceException(what + ": bool tensors are only for terminated and truncated");
        }
        dev.gym4j.api.spaces.DType d;
        try {
            d = Tensors.fromWire(t.getDtype());
        } catch (ProtocolException e) {
            throw new ExperienceException(what + ": " + e.getMessage());
        }
        List<Long> dims = t.getShapeList();
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            long v = dims.get(i);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new ExperienceException(what + ": dimension " + v + " out of range");
            }
            shape[i] = (int) v;
        }
        try {
            return new TensorData(d, shape, t.getData().toByteArray());
        } catch (IllegalArgumentException e) {
            throw new ExperienceException(what + ": " + e.getMessage());
        }
    }

    private static Tensor bools(boolean[] flags) {
        byte[] data = new byte[flags.length];
        for (int i = 0; i < flags.length; i++) {
            data[i] = (byte) (flags[i] ? 1 : 0);
        }
        return Tensor.newBuilder().setDtype(DType.DTYPE_BOOL).addShape(flags.length)
                .setData(ByteString.copyFrom(data)).build();
    }

    private static boolean[] boolsOf(Tensor t, String what) {
        if (t.getDtype() != DType.DTYPE_BOOL || t.getShapeCount() != 1 || t.getData().size() != t.getShape(0)) {
            throw new ExperienceException(what + ": expected a bool tensor [T] with one byte per step, got dtype "
                    + Tensors.name(t.getDtype()) + " shape " + t.getShapeList() + " and " + t.getData().size()
                    + " bytes");
        }
        boolean[] out = new boolean[t.getData().size()];
        for (int i = 0; i < out.length; i++) {
            byte v = t.getData().byteAt(i);
            if (v != 0 && v != 1) {
                throw new ExperienceException(what + ": bool bytes must be 0 or 1, got " + v);
            }
            out[i] = v == 1;
        }
        return out;
    }
}
