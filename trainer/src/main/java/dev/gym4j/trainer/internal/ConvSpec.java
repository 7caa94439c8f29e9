package dev.gym4j.trainer.internal;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.trainer.TrainerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a convolutional torso: the input image ({@code height x width x channels}, NHWC, uint8 pixels
 * scaled by 1/255) and its layers, each {@code filters} output channels, a {@code kernel x kernel} kernel and a
 * stride, valid padding, ReLU after each; the last layer's output is flattened in HWC order.
 *
 * <p>The {@code conv_layers} hyperparameter chooses it: {@code auto} (the default) gives image observations
 * (a uint8 {@code Box} of shape {@code (H, W, C)}) a small Nature-CNN-like torso, the DQN paper's kernels and
 * strides (8/4, 4/2, 3/1) with 16, 32 and 32 filters, keeping the leading layers that fit the image; {@code none}
 * flattens images into the MLP; {@code F:K:S,F:K:S,...} lists the layers (Nature's own is
 * {@code 32:8:4,64:4:2,64:3:1}). Immutable and thread-safe.
 */
public final class ConvSpec {

    /** The auto torso: filters, kernel, stride per layer. */
    private static final int[][] AUTO = {{16, 8, 4}, {32, 4, 2}, {32, 3, 1}};

    private final int height;
    private final int width;
    private final int channels;
    private final int[][] layers;

    /**
     * @param height image height
     * @param width image width
     * @param channels image channels
     * @param layers per layer {filters, kernel, stride}
     * @throws TrainerException if a layer does not fit its input or a number is not positive
     */
    public ConvSpec(int height, int width, int channels, int[][] layers) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.layers = new int[layers.length][];
        if (layers.length == 0) {
            throw new TrainerException("conv_layers needs at least one layer");
        }
        int h = height;
        int w = width;
        for (int l = 0; l < layers.length; l++) {
            int[] layer = layers[l];
            if (layer.length != 3 || layer[0] < 1 || layer[1] < 1 || layer[2] < 1 || layer[0] > 4096) {
                throw new TrainerException("conv layer " + l + " must be FILTERS:KERNEL:STRIDE with positive numbers, got "
                        + Arrays.toString(layer));
            }
            if (h < layer[1] || w < layer[1]) {
                throw new TrainerException("conv layer " + l + " (" + layer[0] + ":" + layer[1] + ":" + layer[2]
                        + ") has a " + layer[1] + "x" + layer[1] + " kernel but its input is " + h + "x" + w
                        + " (image " + height + "x" + width + "); use fewer or smaller layers, or a larger image_size");
            }
            this.layers[l] = layer.clone();
            h = Conv2d.outSize(h, layer[1], layer[2]);
            w = Conv2d.outSize(w, layer[1], layer[2]);
        }
    }

    /**
     * The torso the {@code conv_layers} setting gives an observation space.
     *
     * @param observationSpace the env's observation space
     * @param setting {@code auto}, {@code none} or {@code F:K:S,...}
     * @return the spec, or null for a plain MLP on the flattened observation
     * @throws TrainerException if the setting is malformed, names layers for a non-image space, or does not fit
     */
    public static ConvSpec forObservation(Space<?> observationSpace, String setting) {
        String s = setting.strip();
        int[] image = imageShape(observationSpace);
        if (s.equals("none") || (s.equals("auto") && image == null)) {
            return null;
        }
        if (image == null) {
            throw new TrainerException("conv_layers=" + setting + " needs image observations (a uint8 Box of shape (H, W, C)); "
                    + "the env has " + observationSpace);
        }
        if (s.equals("auto")) {
            List<int[]> fit = new ArrayList<>();
            int h = image[0];
            int w = image[1];
            for (int[] layer : AUTO) {
                if (h < layer[1] || w < layer[1]) {
                    break;
                }
                fit.add(layer);
                h = Conv2d.outSize(h, layer[1], layer[2]);
                w = Conv2d.outSize(w, layer[1], layer[2]);
            }
            if (fit.isEmpty()) {
                throw new TrainerException("the image observations (" + image[0] + "x" + image[1] + ") are smaller than the "
                        + "auto CNN's 8x8 kernel; set conv_layers (such as 16:3:1) or conv_layers=none");
            }
            return new ConvSpec(image[0], image[1], image[2], fit.toArray(new int[0][]));
        }
        return new ConvSpec(image[0], image[1], image[2], parse(s));
    }

    /**
     * The torso a training run uses: {@link #forObservation} with the config's {@code conv_layers}.
     *
     * @throws TrainerException as {@link #forObservation}, and when a torso would see normalized observations
     *     (it scales raw pixels by 1/255 itself)
     */
    public static ConvSpec forTraining(Space<?> observationSpace, dev.gym4j.trainer.PpoConfig config) {
        ConvSpec spec = forObservation(observationSpace, config.convLayers());
        if (spec != null && config.normalizeObservation()) {
            throw new TrainerException("normalize_observation=true does not go with the CNN on image observations (it scales "
                    + "pixels by 1/255); set normalize_observation=false or conv_layers=none");
        }
        return spec;
    }

    /** @return {H, W, C} for a uint8 Box of rank 3, else null */
    static int[] imageShape(Space<?> space) {
        if (space instanceof Box<?> b && b.dtype() == DType.UINT8 && b.shape().length == 3) {
            return b.shape().clone();
        }
        return null;
    }

    private static int[][] parse(String s) {
        String[] parts = s.split(",");
        int[][] out = new int[parts.length][];
        for (int l = 0; l < parts.length; l++) {
            String[] f = parts[l].strip().split(":");
            try {
                if (f.length != 3) {
                    throw new NumberFormatException();
                }
                out[l] = new int[] {Integer.parseInt(f[0].strip()), Integer.parseInt(f[1].strip()), Integer.parseInt(f[2].strip())};
            } catch (NumberFormatException e) {
                throw new TrainerException("hyperparameter conv_layers must be auto, none or FILTERS:KERNEL:STRIDE,... such as "
                        + "32:8:4,64:4:2,64:3:1, got '" + s + "'");
            }
        }
        return out;
    }

    /** @return the image height */
    public int height() {
        return height;
    }

    /** @return the image width */
    public int width() {
        return width;
    }

    /** @return the image channels */
    public int channels() {
        return channels;
    }

    /** @return the number of conv layers */
    public int layers() {
        return layers.length;
    }

    /** @return layer {@code l}'s output channels */
    public int filters(int l) {
        return layers[l][0];
    }

    /** @return layer {@code l}'s kernel size */
    public int kernel(int l) {
        return layers[l][1];
    }

    /** @return layer {@code l}'s stride */
    public int stride(int l) {
        return layers[l][2];
    }

    /** @return layer {@code l}'s input height */
    public int inHeight(int l) {
        return l == 0 ? height : Conv2d.outSize(inHeight(l - 1), kernel(l - 1), stride(l - 1));
    }

    /** @return layer {@code l}'s input width */
    public int inWidth(int l) {
        return l == 0 ? width : Conv2d.outSize(inWidth(l - 1), kernel(l - 1), stride(l - 1));
    }

    /** @return layer {@code l}'s input channels */
    public int inChannels(int l) {
        return l == 0 ? channels : filters(l - 1);
    }

    /** @return layer {@code l}'s output height */
    public int outHeight(int l) {
        return Conv2d.outSize(inHeight(l), kernel(l), stride(l));
    }

    /** @return layer {@code l}'s output width */
    public int outWidth(int l) {
        return Conv2d.outSize(inWidth(l), kernel(l), stride(l));
    }

    /** @return values in one input image */
    public int inputSize() {
        return height * width * channels;
    }

    /** @return values in layer {@code l}'s output per image */
    public int outputSize(int l) {
        return outHeight(l) * outWidth(l) * filters(l);
    }

    /** @return values in the flattened output per image */
    public int outputSize() {
        return outputSize(layers.length - 1);
    }

    /** @return the number of parameters (weights and biases of every layer) */
    public int paramCount() {
        int n = 0;
        for (int l = 0; l < layers.length; l++) {
            n += kernel(l) * kernel(l) * inChannels(l) * filters(l) + filters(l);
        }
        return n;
    }

    /** @return the JSON form stored in the policy metadata: input_shape [H, W, C], layers [[F, K, S], ...], scale */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_shape", List.of(height, width, channels));
        List<List<Integer>> ls = new ArrayList<>();
        for (int[] l : layers) {
            ls.add(List.of(l[0], l[1], l[2]));
        }
        m.put("layers", ls);
        m.put("layout", "NHWC");
        m.put("scale", "1/255");
        return m;
    }

    /**
     * @param json what {@link #toJson()} wrote
     * @return the spec
     */
    public static ConvSpec fromJson(Map<String, Object> json) {
        List<?> shape = (List<?>) json.get("input_shape");
        List<?> ls = (List<?>) json.get("layers");
        int[][] layers = new int[ls.size()][];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = ((List<?>) ls.get(l)).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        }
        return new ConvSpec(((Number) shape.get(0)).intValue(), ((Number) shape.get(1)).intValue(),
                ((Number) shape.get(2)).intValue(), layers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvSpec c && c.height == height && c.width == width && c.channels == channels
                && Arrays.deepEquals(c.layers, layers);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(layers) * 31 + height * 7 + width * 3 + channels;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ConvSpec[" + height + "x" + width + "x" + channels);
        for (int[] l : layers) {
            b.append(", ").append(l[0]).append(':').append(l[1]).append(':').append(l[2]);
        }
        return b.append(" -> ").append(outputSize()).append(']').toString();
    }
}
