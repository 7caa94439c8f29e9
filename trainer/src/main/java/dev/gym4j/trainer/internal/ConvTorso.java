package dev.gym4j.trainer.internal;

import java.util.Arrays;

/**
 * A stack of {@link Conv2d} layers with ReLU, the image front of an {@link Mlp}: pixels (0 to 255) are scaled by
 * 1/255 (as {@code x / 255f}, the ONNX graph's {@code Div}), run through the layers, and the last activations are
 * the MLP's input (flattened NHWC). Its parameters live in a slice of the shared flat array: per layer {@code W}
 * ({@code k x k x c_in x f}) then {@code b}.
 *
 * <p>The torso holds no batch state; a {@link Workspace} holds one batch's activations. Not thread-safe (the
 * rearranged weights of the backward pass are a cache, refreshed by {@link #syncTranspose}), as its {@link Mlp}.
 */
public final class ConvTorso {

    private final ConvSpec spec;
    private final int[] wOff;
    private final int[] bOff;
    private final int paramOffset;
    private final int paramCount;
    private final int[] wtOff;
    private final float[] transposed;

    /**
     * @param spec the layers
     * @param paramOffset where the torso's parameters start in the flat array
     */
    public ConvTorso(ConvSpec spec, int paramOffset) {
        this.spec = spec;
        int layers = spec.layers();
        wOff = new int[layers];
        bOff = new int[layers];
        wtOff = new int[layers];
        int off = paramOffset;
        int t = 0;
        for (int l = 0; l < layers; l++) {
            wtOff[l] = t;
            t += spec.kernel(l) * spec.kernel(l) * spec.inChannels(l) * spec.filters(l);
            wOff[l] = off;
            off += spec.kernel(l) * spec.kernel(l) * spec.inChannels(l) * spec.filters(l);
            bOff[l] = off;
            off += spec.filters(l);
        }
        this.paramOffset = paramOffset;
        this.paramCount = off - paramOffset;
        this.transposed = new float[t];
    }

    /** Refreshes the rearranged weights {@link #backward} uses; call after the parameters change. */
    public void syncTranspose(float[] p) {
        for (int l = 1; l < spec.layers(); l++) { // layer 0's input gradient is never needed
            Conv2d.transposeWeights(p, wOff[l], spec.kernel(l), spec.inChannels(l), spec.filters(l), transposed, wtOff[l]);
        }
    }

    /** @return the layers */
    public ConvSpec spec() {
        return spec;
    }

    /** @return offset of layer {@code l}'s weights ({@code [ky][kx][c_in][f]}) in the flat array */
    public int weightOffset(int l) {
        return wOff[l];
    }

    /** @return offset of layer {@code l}'s bias in the flat array */
    public int biasOffset(int l) {
        return bOff[l];
    }

    /** @return the number of parameters */
    public int paramCount() {
        return paramCount;
    }

    /** @return the first parameter's offset */
    public int paramOffset() {
        return paramOffset;
    }

    /**
     * Orthogonal weights (each layer's {@code [k k c_in] x f} matrix, as torch's {@code orthogonal_} on the
     * {@code [f][c_in k k]} weight up to the order of its columns) with the given gain, zero biases.
     */
    public void initialize(float[] p, Orthogonal init, double gain) {
        for (int l = 0; l < spec.layers(); l++) {
            int k = spec.kernel(l);
            init.fill(p, wOff[l], k * k * spec.inChannels(l), spec.filters(l), gain);
            Arrays.fill(p, bOff[l], bOff[l] + spec.filters(l), 0f);
        }
    }

    /** @return a workspace for batches of up to {@code maxRows} images */
    public Workspace workspace(int maxRows) {
        return new Workspace(maxRows);
    }

    /**
     * Forward pass; the output ({@code rows x spec.outputSize()}) is {@link Workspace#output()}.
     *
     * @param x raw pixel values, {@code rows x H x W x C} at {@code xOff}
     */
    public void forward(float[] p, float[] x, int xOff, int rows, Workspace ws) {
        ws.rows = rows;
        int n = rows * spec.inputSize();
        for (int i = 0; i < n; i++) {
            ws.scaled[i] = x[xOff + i] / 255f;
        }
        float[] in = ws.scaled;
        for (int l = 0; l < spec.layers(); l++) {
            float[] out = ws.act[l];
            Conv2d.forward(in, 0, rows, spec.inHeight(l), spec.inWidth(l), spec.inChannels(l), p, wOff[l], bOff[l],
                    spec.kernel(l), spec.stride(l), spec.filters(l), out, 0);
            Conv2d.reluInPlace(out, 0, rows * spec.outputSize(l));
            in = out;
        }
    }

    /**
     * Backward pass of the last {@link #forward}: accumulates parameter gradients into {@code g}.
     *
     * @param dOut gradient of the loss with respect to the output (after the last ReLU), {@code rows x outputSize}
     *     at offset 0 (overwritten)
     */
    public void backward(float[] dOut, float[] g, Workspace ws) {
        int rows = ws.rows;
        float[] d = dOut;
        for (int l = spec.layers() - 1; l >= 0; l--) {
            Conv2d.reluBackward(ws.act[l], 0, d, 0, rows * spec.outputSize(l));
            float[] in = l == 0 ? ws.scaled : ws.act[l - 1];
            int h = spec.inHeight(l), w = spec.inWidth(l), c = spec.inChannels(l);
            Conv2d.backwardParams(in, 0, rows, h, w, c, d, 0, spec.kernel(l), spec.stride(l), spec.filters(l), g, wOff[l], bOff[l]);
            if (l > 0) {
                float[] dIn = ws.grad[l - 1];
                Conv2d.backwardInput(d, 0, rows, h, w, c, transposed, wtOff[l], spec.kernel(l), spec.stride(l), spec.filters(l), dIn, 0);
                d = dIn;
            }
        }
    }

    /** One batch's scaled input and activations. Not thread-safe. */
    public final class Workspace {
        private final float[] scaled;
        private final float[][] act;
        private final float[][] grad;
        private int rows;

        private Workspace(int maxRows) {
            scaled = new float[maxRows * spec.inputSize()];
            act = new float[spec.layers()][];
            grad = new float[spec.layers()][];
            for (int l = 0; l < spec.layers(); l++) {
                act[l] = new float[maxRows * spec.outputSize(l)];
                grad[l] = l < spec.layers() - 1 ? new float[maxRows * spec.outputSize(l)] : new float[0];
            }
        }

        /** @return the flattened output of the last forward pass, {@code rows x outputSize} from offset 0 */
        public float[] output() {
            return act[act.length - 1];
        }
    }
}
