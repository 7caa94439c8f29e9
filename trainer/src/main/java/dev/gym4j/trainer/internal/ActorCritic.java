package dev.gym4j.trainer.internal;

import java.util.Arrays;

/**
 * The policy and value networks of PPO with the observation normalization they were trained with: separate
 * actor and critic MLPs (as CleanRL), a categorical head over {@code nvec} (one entry for Discrete) or a
 * diagonal Gaussian head with a state-independent log-std parameter, all parameters in one flat array.
 *
 * <p>This is exactly what {@code policy.onnx} holds; {@link OnnxExport} writes it and {@link OnnxImport} reads
 * it back. Not thread-safe: each thread acting with a policy uses its own instance ({@link #copy()}).
 */
public final class ActorCritic {

    /** How actions are drawn. */
    public enum Kind {
        /** Discrete or MultiDiscrete: logits, one segment per dimension. */
        CATEGORICAL,
        /** Box: mean and a state-independent log-std. */
        GAUSSIAN
    }

    private final int obsDim;
    private final Kind kind;
    private final int[] nvec;
    private final int actDim;
    private final int[] hidden;
    private final ConvSpec conv;
    private final Mlp actor;
    private final Mlp critic;
    private final int logStdOff;
    private final float[] params;
    /** Observation normalization: {@code clip((x - mean) / std, -clip, clip)}; null when off. */
    private float[] obsMean;
    private float[] obsStd;
    private float obsClip;

    /**
     * @param obsDim flattened observation size
     * @param kind the head
     * @param nvec categories per action dimension (CATEGORICAL), ignored for GAUSSIAN
     * @param actDim action size (GAUSSIAN); for CATEGORICAL the number of dimensions
     * @param hidden hidden layer widths
     */
    public ActorCritic(int obsDim, Kind kind, int[] nvec, int actDim, int[] hidden) {
        this(obsDim, kind, nvec, actDim, hidden, null);
    }

    /**
     * @param conv the image torso of each network (actor and critic have their own), or null for plain MLPs
     */
    public ActorCritic(int obsDim, Kind kind, int[] nvec, int actDim, int[] hidden, ConvSpec conv) {
        if (conv != null && conv.inputSize() != obsDim) {
            throw new IllegalArgumentException("the torso takes " + conv.inputSize() + " values, the observation has " + obsDim);
        }
        this.conv = conv;
        this.obsDim = obsDim;
        this.kind = kind;
        this.nvec = kind == Kind.CATEGORICAL ? nvec.clone() : new int[0];
        this.actDim = kind == Kind.CATEGORICAL ? nvec.length : actDim;
        this.hidden = hidden.clone();
        int outputs = kind == Kind.CATEGORICAL ? Arrays.stream(nvec).sum() : actDim;
        int first = conv == null ? obsDim : conv.outputSize();
        actor = new Mlp(conv, concat(first, hidden, outputs), 0);
        critic = new Mlp(conv, concat(first, hidden, 1), actor.paramCount());
        logStdOff = actor.paramCount() + critic.paramCount();
        params = new float[logStdOff + (kind == Kind.GAUSSIAN ? actDim : 0)];
    }

    private static int[] concat(int first, int[] middle, int last) {
        int[] s = new int[middle.length + 2];
        s[0] = first;
        System.arraycopy(middle, 0, s, 1, middle.length);
        s[s.length - 1] = last;
        return s;
    }

    /** Orthogonal initialization as CleanRL: gain sqrt(2) hidden, 0.01 actor head, 1.0 critic head, log-std 0. */
    public void initialize(Orthogonal init) {
        actor.initialize(params, init, Math.sqrt(2), 0.01);
        critic.initialize(params, init, Math.sqrt(2), 1.0);
        Arrays.fill(params, logStdOff, params.length, 0f);
        syncTranspose();
    }

    /** Refreshes the networks' caches after {@link #params()} changed. */
    public void syncTranspose() {
        actor.syncTranspose(params);
        critic.syncTranspose(params);
    }

    /** @return a deep copy (parameters, normalization) */
    public ActorCritic copy() {
        ActorCritic c = new ActorCritic(obsDim, kind, nvec, actDim, hidden, conv);
        System.arraycopy(params, 0, c.params, 0, params.length);
        if (obsMean != null) {
            c.setObsNormalization(obsMean, obsStd, obsClip);
        }
        c.syncTranspose();
        return c;
    }

    /**
     * Sets the observation normalization.
     *
     * @param mean per-element mean
     * @param std per-element standard deviation (already {@code sqrt(var + eps)})
     * @param clip the normalized value is clipped to {@code [-clip, clip]}
     */
    public void setObsNormalization(float[] mean, float[] std, float clip) {
        obsMean = mean.clone();
        obsStd = std.clone();
        obsClip = clip;
    }

    /** @return whether observations are normalized */
    public boolean normalizesObservations() {
        return obsMean != null;
    }

    /** @return the normalization mean (a copy), or null */
    public float[] obsMean() {
        return obsMean == null ? null : obsMean.clone();
    }

    /** @return the normalization standard deviation (a copy), or null */
    public float[] obsStd() {
        return obsStd == null ? null : obsStd.clone();
    }

    /** @return the normalization clip */
    public float obsClip() {
        return obsClip;
    }

    /**
     * Normalizes raw observation rows into {@code dst} (a copy when normalization is off), as the ONNX graph's
     * {@code Sub}, {@code Div}, {@code Clip}.
     */
    public void normalize(float[] raw, int rawOff, int rows, float[] dst, int dstOff) {
        int n = rows * obsDim;
        if (obsMean == null) {
            System.arraycopy(raw, rawOff, dst, dstOff, n);
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < obsDim; i++) {
                float v = (raw[rawOff + r * obsDim + i] - obsMean[i]) / obsStd[i];
                dst[dstOff + r * obsDim + i] = v < -obsClip ? -obsClip : (v > obsClip ? obsClip : v);
            }
        }
    }

    /** @return the flat parameters (live: changing them needs {@link #syncTranspose()}) */
    public float[] params() {
        return params;
    }

    /** @return the actor network */
    public Mlp actor() {
        return actor;
    }

    /** @return the critic network */
    public Mlp critic() {
        return critic;
    }

    /** @return offset of the log-std parameters (GAUSSIAN) */
    public int logStdOffset() {
        return logStdOff;
    }

    /** @return the flattened observation size */
    public int obsDim() {
        return obsDim;
    }

    /** @return the head */
    public Kind kind() {
        return kind;
    }

    /** @return categories per dimension (CATEGORICAL) */
    public int[] nvec() {
        return nvec.clone();
    }

    /** @return numbers per action: dimensions (CATEGORICAL) or the Box size (GAUSSIAN) */
    public int actDim() {
        return actDim;
    }

    /** @return the actor's output width: summed categories or the Box size */
    public int actorOutputs() {
        return actor.outputSize();
    }

    /** @return the image torso of each network, or null */
    public ConvSpec conv() {
        return conv;
    }

    /** @return hidden layer widths */
    public int[] hidden() {
        return hidden.clone();
    }
}
