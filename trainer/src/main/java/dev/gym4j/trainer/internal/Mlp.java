package dev.gym4j.trainer.internal;

import java.util.Arrays;

/**
 * A multi-layer perceptron with tanh hidden layers and a linear output layer, whose weights live in a slice of
 * a shared flat parameter array (so that one optimizer and one gradient-norm clip see every parameter).
 * Layer {@code l} has {@code W} ({@code sizes[l] x sizes[l+1]}) then {@code b}.
 *
 * <p>With a {@link ConvSpec} the network starts with a {@link ConvTorso} (image pixels in, its flattened ReLU
 * activations into the first dense layer); its parameters come first in the network's slice.
 *
 * <p>The network holds no batch state; a {@link Workspace} holds the activations of one batch. Not thread-safe
 * (the transposed weights are a cache); give each thread its own instance over its own parameter copy.
 */
public final class Mlp {

    private final int[] sizes;
    private final int[] wOff;
    private final int[] bOff;
    private final int[] wtOff;
    private final int paramOffset;
    private final int paramCount;
    private final float[] transposed;
    private final ConvTorso torso;

    /**
     * @param sizes input width, hidden widths, output width (at least two entries)
     * @param paramOffset where this network's parameters start in the flat array
     */
    public Mlp(int[] sizes, int paramOffset) {
        this(null, sizes, paramOffset);
    }

    /**
     * @param conv the convolutional torso in front, or null for none
     * @param sizes the dense layers' widths: the torso's output size (or the input width), hidden widths, output width
     * @param paramOffset where this network's parameters start in the flat array
     */
    public Mlp(ConvSpec conv, int[] sizes, int paramOffset) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs an input and an output size");
        }
        if (conv != null && conv.outputSize() != sizes[0]) {
            throw new IllegalArgumentException("the first dense layer takes " + sizes[0] + " inputs, the torso gives " + conv.outputSize());
        }
        torso = conv == null ? null : new ConvTorso(conv, paramOffset);
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        wOff = new int[layers];
        bOff = new int[layers];
        wtOff = new int[layers];
        int off = paramOffset + (torso == null ? 0 : torso.paramCount());
        int t = 0;
        for (int l = 0; l < layers; l++) {
            wOff[l] = off;
            off += sizes[l] * sizes[l + 1];
            bOff[l] = off;
            off += sizes[l + 1];
            wtOff[l] = t;
            t += sizes[l] * sizes[l + 1];
        }
        this.paramOffset = paramOffset;
        this.paramCount = off - paramOffset;
        this.transposed = new float[t];
    }

    /** @return the convolutional torso in front of the dense layers, or null */
    public ConvTorso torso() {
        return torso;
    }

    /** @return the dense layer widths, input first */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return the number of layers with weights */
    public int layers() {
        return sizes.length - 1;
    }

    /** @return offset of layer {@code l}'s weights in the flat array */
    public int weightOffset(int l) {
        return wOff[l];
    }

    /** @return offset of layer {@code l}'s bias in the flat array */
    public int biasOffset(int l) {
        return bOff[l];
    }

    /** @return the first parameter's offset */
    public int paramOffset() {
        return paramOffset;
    }

    /** @return the number of parameters */
    public int paramCount() {
        return paramCount;
    }

    /** @return the input width */
    public int inputSize() {
        return sizes[0];
    }

    /** @return the output width */
    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /**
     * Refreshes the transposed weights used by the backward pass; call after the parameters change and before
     * {@link #backward}.
     */
    public void syncTranspose(float[] p) {
        if (torso != null) {
            torso.syncTranspose(p);
        }
        for (int l = 0; l < layers(); l++) {
            Dense.transpose(p, wOff[l], sizes[l], sizes[l + 1], transposed, wtOff[l]);
        }
    }

    /**
     * Initializes the weights orthogonally with the given gains (hidden layers, then the output layer) and the
     * biases to zero, as CleanRL's {@code layer_init}.
     */
    public void initialize(float[] p, Orthogonal init, double hiddenGain, double outputGain) {
        if (torso != null) {
            torso.initialize(p, init, hiddenGain);
        }
        for (int l = 0; l < layers(); l++) {
            init.fill(p, wOff[l], sizes[l], sizes[l + 1], l == layers() - 1 ? outputGain : hiddenGain);
            Arrays.fill(p, bOff[l], bOff[l] + sizes[l + 1], 0f);
        }
    }

    /** @return a workspace for batches of up to {@code maxRows} rows */
    public Workspace workspace(int maxRows) {
        return new Workspace(maxRows);
    }

    /**
     * Forward pass of {@code rows} input rows; the output is {@link Workspace#output()}.
     *
     * @param p the flat parameters
     * @param x input rows, {@code rows x inputSize} at {@code xOff}
     */
    public void forward(float[] p, float[] x, int xOff, int rows, Workspace ws) {
        if (torso != null) {
            torso.forward(p, x, xOff, rows, ws.torso);
            x = ws.torso.output();
            xOff = 0;
        }
        ws.input = x;
        ws.inputOff = xOff;
        ws.rows = rows;
        float[] in = x;
        int inOff = xOff;
        for (int l = 0; l < layers(); l++) {
            float[] out = ws.act[l];
            Dense.forward(in, inOff, rows, sizes[l], p, wOff[l], bOff[l], sizes[l + 1], out, 0);
            if (l < layers() - 1) {
                Dense.tanhInPlace(out, 0, rows * sizes[l + 1]);
            }
            in = out;
            inOff = 0;
        }
    }

    /**
     * Backward pass of the last {@link #forward}: accumulates parameter gradients into {@code g}.
     *
     * @param dOut gradient of the loss with respect to the output, {@code rows x outputSize} (overwritten)
     * @param g the flat gradient array (same layout as the parameters)
     */
    public void backward(float[] dOut, float[] g, Workspace ws) {
        int rows = ws.rows;
        float[] d = dOut;
        for (int l = layers() - 1; l >= 0; l--) {
            float[] in = l == 0 ? ws.input : ws.act[l - 1];
            int inOff = l == 0 ? ws.inputOff : 0;
            Dense.backwardParams(in, inOff, rows, sizes[l], d, 0, sizes[l + 1], g, wOff[l], bOff[l]);
            if (l > 0) {
                float[] dIn = ws.grad[l - 1];
                Dense.backwardInput(d, 0, rows, sizes[l + 1], transposed, wtOff[l], sizes[l], dIn, 0);
                Dense.tanhBackward(ws.act[l - 1], 0, dIn, 0, rows * sizes[l]);
                d = dIn;
            } else if (torso != null) {
                Dense.backwardInput(d, 0, rows, sizes[1], transposed, wtOff[0], sizes[0], ws.torsoGrad, 0);
                torso.backward(ws.torsoGrad, g, ws.torso);
            }
        }
    }

    /** The activations of one batch. Not thread-safe. */
    public final class Workspace {
        private final float[][] act;
        private final float[][] grad;
        private float[] input;
        private int inputOff;
        private int rows;
        private final int maxRows;
        private final ConvTorso.Workspace torso;
        private final float[] torsoGrad;

        private Workspace(int maxRows) {
            this.maxRows = maxRows;
            torso = Mlp.this.torso == null ? null : Mlp.this.torso.workspace(maxRows);
            torsoGrad = Mlp.this.torso == null ? null : new float[maxRows * sizes[0]];
            act = new float[layers()][];
            grad = new float[layers()][];
            for (int l = 0; l < layers(); l++) {
                act[l] = new float[maxRows * sizes[l + 1]];
                grad[l] = new float[maxRows * sizes[l + 1]];
            }
        }

        /** @return the output rows of the last forward pass, {@code rows x outputSize} from offset 0 */
        public float[] output() {
            return act[act.length - 1];
        }

        /** @return the most rows a batch may have */
        public int maxRows() {
            return maxRows;
        }
    }
}
