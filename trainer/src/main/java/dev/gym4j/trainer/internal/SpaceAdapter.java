package dev.gym4j.trainer.internal;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.trainer.TrainerException;
import java.util.Arrays;

/**
 * What the trainer makes of an env's spaces: Box observations of any shape (flattened to float32), Discrete,
 * MultiDiscrete or float Box actions; and the conversions between env values and the network's float rows.
 * Immutable and thread-safe.
 */
public final class SpaceAdapter {

    private final Space<?> observationSpace;
    private final Space<?> actionSpace;
    private final int obsDim;
    private final ActorCritic.Kind kind;
    private final int[] nvec;
    private final long[] start;
    private final int actDim;
    private final double[] low;
    private final double[] high;
    private final boolean rescale;

    /**
     * @throws TrainerException if a space is one the trainer cannot handle (the message names both)
     */
    public SpaceAdapter(String envId, Space<?> observationSpace, Space<?> actionSpace, String actionTransform) {
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        if (!(observationSpace instanceof Box<?> ob) || ob.size() == 0) {
            throw new TrainerException("the trainer needs a non-empty Box observation space; " + envId + " has "
                    + observationSpace + " (flatten it with FlattenObservation)");
        }
        obsDim = ob.size();
        rescale = actionTransform.equals("rescale");
        if (actionSpace instanceof Discrete d) {
            kind = ActorCritic.Kind.CATEGORICAL;
            nvec = new int[] {d.n()};
            start = new long[] {d.start()};
            actDim = 1;
            low = high = null;
        } else if (actionSpace instanceof MultiDiscrete md && md.shape().length == 1) {
            kind = ActorCritic.Kind.CATEGORICAL;
            long[] nv = md.nvec();
            nvec = new int[nv.length];
            for (int i = 0; i < nv.length; i++) {
                if (nv[i] > 1 << 16) {
                    throw new TrainerException("MultiDiscrete dimension " + i + " of " + envId + " has " + nv[i]
                            + " values; the trainer handles at most 65536");
                }
                nvec[i] = (int) nv[i];
            }
            start = md.start();
            actDim = nvec.length;
            low = high = null;
        } else if (actionSpace instanceof Box<?> b && (b.dtype() == DType.FLOAT32 || b.dtype() == DType.FLOAT64)
                && b.size() > 0) {
            kind = ActorCritic.Kind.GAUSSIAN;
            nvec = new int[0];
            start = new long[0];
            actDim = b.size();
            low = b.low();
            high = b.high();
            if (rescale && !b.isBounded()) {
                throw new TrainerException("action_transform=rescale needs a bounded Box; " + envId + " has " + b);
            }
        } else {
            throw new TrainerException("the trainer handles Discrete, 1-d MultiDiscrete and float Box actions; " + envId
                    + " has " + actionSpace);
        }
    }

    /** @return the flattened observation size */
    public int obsDim() {
        return obsDim;
    }

    /** @return the head the action space needs */
    public ActorCritic.Kind kind() {
        return kind;
    }

    /** @return categories per dimension (categorical) */
    public int[] nvec() {
        return nvec.clone();
    }

    /** @return numbers per action row: dimensions (categorical) or the Box size */
    public int actDim() {
        return actDim;
    }

    /** @return the observation space */
    public Space<?> observationSpace() {
        return observationSpace;
    }

    /** @return the action space */
    public Space<?> actionSpace() {
        return actionSpace;
    }

    /** @return whether Box actions are rescaled from [-1, 1] (else clipped) */
    public boolean rescale() {
        return rescale;
    }

    /** Copies an observation (float[], double[], byte[], int[], long[] of a Box) into a float row. */
    public void observation(Object obs, float[] dst, int off) {
        if (obs instanceof float[] f) {
            System.arraycopy(f, 0, dst, off, obsDim);
        } else if (obs instanceof double[] d) {
            for (int i = 0; i < obsDim; i++) {
                dst[off + i] = (float) d[i];
            }
        } else if (obs instanceof byte[] b) {
            for (int i = 0; i < obsDim; i++) {
                dst[off + i] = b[i] & 0xff;
            }
        } else if (obs instanceof int[] a) {
            for (int i = 0; i < obsDim; i++) {
                dst[off + i] = a[i];
            }
        } else if (obs instanceof long[] a) {
            for (int i = 0; i < obsDim; i++) {
                dst[off + i] = a[i];
            }
        } else {
            throw new TrainerException("unexpected observation of type " + (obs == null ? "null" : obs.getClass().getSimpleName()));
        }
    }

    /**
     * The env action for an action row: category indices plus the space's start, or the raw Gaussian sample
     * clipped to the bounds (or rescaled from [-1, 1]).
     *
     * @param row the action row at {@code off} (indices as floats for categorical)
     * @return an {@code Integer}, {@code long[]}, {@code float[]} or {@code double[]} as the space takes
     */
    public Object envAction(float[] row, int off) {
        if (actionSpace instanceof Discrete) {
            return (int) (row[off] + start[0]);
        }
        if (actionSpace instanceof MultiDiscrete) {
            long[] a = new long[actDim];
            for (int i = 0; i < actDim; i++) {
                a[i] = (long) row[off + i] + start[i];
            }
            return a;
        }
        Box<?> b = (Box<?>) actionSpace;
        double[] a = new double[actDim];
        for (int i = 0; i < actDim; i++) {
            double v = row[off + i];
            if (rescale) {
                v = Math.max(-1, Math.min(1, v));
                v = low[i] + (v + 1) * 0.5 * (high[i] - low[i]);
            }
            a[i] = Math.max(low[i], Math.min(high[i], v));
        }
        if (b.dtype() == DType.FLOAT64) {
            return a;
        }
        float[] f = new float[actDim];
        for (int i = 0; i < actDim; i++) {
            f[i] = (float) a[i];
            // a double clipped to a float bound may round just outside it
            f[i] = Math.max((float) low[i], Math.min((float) high[i], f[i]));
        }
        return f;
    }

    @Override
    public String toString() {
        return "SpaceAdapter[obs " + obsDim + ", " + kind + " " + Arrays.toString(nvec) + " " + actDim + "]";
    }
}
