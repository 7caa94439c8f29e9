package dev.gym4j.bridge.experience;

import dev.gym4j.api.spaces.Space;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One published version of a policy: the model bytes (an ONNX model for {@link #FORMAT_ONNX}), the spaces it
 * was made for, and its metadata (the {@code policy.json} convention, {@code docs/POLICY.md}); the
 * {@code PolicyVersion} message of {@code gym4j.bridge.v1}.
 *
 * <p>Immutable and thread-safe; the model bytes are copied.
 *
 * @param experiment experiment the policy belongs to
 * @param version version number, {@code >= 1}, strictly increasing per experiment
 * @param format model format, {@link #FORMAT_ONNX}
 * @param model the model bytes
 * @param observationSpace the observation space the model was made for
 * @param actionSpace the action space the model was made for
 * @param sha256 lower-case hex SHA-256 of {@code model}; checked on construction
 * @param createdAt when it was published
 * @param metadataJson the policy metadata as JSON ({@code "{}"} when there is none)
 */
public record PolicyVersion(
        String experiment,
        long version,
        String format,
        byte[] model,
        Space<?> observationSpace,
        Space<?> actionSpace,
        String sha256,
        Instant createdAt,
        String metadataJson) {

    /** The format name of an ONNX model. */
    public static final String FORMAT_ONNX = "onnx";

    /**
     * Validates (including the checksum) and copies.
     *
     * @throws IllegalArgumentException if a field is missing, the version is below 1, or the checksum does not
     *     match the model bytes
     */
    public PolicyVersion {
        if (experiment == null || experiment.isEmpty() || format == null || model == null
                || observationSpace == null || actionSpace == null || sha256 == null || createdAt == null
                || metadataJson == null) {
            throw new IllegalArgumentException("every field of a PolicyVersion must be non-null");
        }
        if (version < 1) {
            throw new IllegalArgumentException("policy versions start at 1, got " + version);
        }
        String actual = sha256Of(model);
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("policy " + experiment + " v" + version
                    + ": checksum mismatch, the model bytes hash to " + actual + " but " + sha256 + " was given");
        }
        model = model.clone();
    }

    /**
     * A version whose checksum is computed from the model.
     *
     * @param experiment experiment
     * @param version version, {@code >= 1}
     * @param model ONNX model bytes
     * @param observationSpace observation space
     * @param actionSpace action space
     * @param metadataJson metadata JSON, or {@code "{}"}
     * @return the version, created now
     */
    public static PolicyVersion onnx(String experiment, long version, byte[] model, Space<?> observationSpace,
            Space<?> actionSpace, String metadataJson) {
        return new PolicyVersion(experiment, version, FORMAT_ONNX, model, observationSpace, actionSpace,
                sha256Of(model), Instant.now(), metadataJson);
    }

    /** @return a copy of the model bytes */
    @Override
    public byte[] model() {
        return model.clone();
    }

    /**
     * The lower-case hex SHA-256 of some bytes.
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    public static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyVersion p && p.experiment.equals(experiment) && p.version == version
                && p.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return experiment.hashCode() * 31 + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return "PolicyVersion[" + experiment + " v" + version + " " + format + " " + model.length + " bytes]";
    }
}
