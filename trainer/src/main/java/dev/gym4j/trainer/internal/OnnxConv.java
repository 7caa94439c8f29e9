package dev.gym4j.trainer.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The ONNX nodes of a {@link ConvTorso}, for {@link OnnxExport}. The flat {@code obs} input
 * ({@code [batch, H*W*C]}, NHWC pixels) is {@code Reshape}d to {@code [batch, H, W, C]}, {@code Transpose}d to
 * ONNX's NCHW and divided by 255, once for both networks; each torso is then {@code Conv} (valid padding) and
 * {@code Relu} per layer, {@code Transpose}d back to NHWC and {@code Flatten}ed, so that the first dense layer sees
 * the values in the order the Java torso gives them. Weights are written as ONNX's {@code [out][in][ky][kx]}
 * (the Java layout is {@code [ky][kx][in][out]}). Stateless and thread-safe.
 */
final class OnnxConv {

    private static final int INT64 = 7;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private OnnxConv() {
    }

    /** @return the name of the scaled NCHW image tensor made from {@code input} */
    static String image(Proto graph, List<Proto> inits, ConvSpec spec, String input) {
        inits.add(int64s("image_shape", new long[] {-1, spec.height(), spec.width(), spec.channels()}));
        inits.add(OnnxExport.tensor("image_scale", new long[0], new float[] {255f}, 0, 1));
        graph.msg(1, OnnxExport.node("Reshape", "image_reshape", new String[] {input, "image_shape"}, "image_nhwc"));
        graph.msg(1, OnnxExport.node("Transpose", "image_transpose", new String[] {"image_nhwc"}, "image_nchw")
                .msg(5, ints("perm", 0, 3, 1, 2)));
        graph.msg(1, OnnxExport.node("Div", "image_div", new String[] {"image_nchw", "image_scale"}, "image"));
        return "image";
    }

    /** @return the name of the torso's flattened NHWC output, {@code [batch, outputSize]} */
    static String torso(Proto graph, List<Proto> inits, String name, ConvTorso torso, float[] p, String image) {
        ConvSpec spec = torso.spec();
        String x = image;
        for (int l = 0; l < spec.layers(); l++) {
            int k = spec.kernel(l);
            int c = spec.inChannels(l);
            int f = spec.filters(l);
            String w = name + ".conv" + l + ".weight";
            String b = name + ".conv" + l + ".bias";
            inits.add(OnnxExport.tensor(w, new long[] {f, c, k, k}, toOnnx(p, torso.weightOffset(l), k, c, f), 0, f * c * k * k));
            inits.add(OnnxExport.tensor(b, new long[] {f}, p, torso.biasOffset(l), f));
            String z = name + ".conv" + l + ".out";
            graph.msg(1, OnnxExport.node("Conv", name + ".conv" + l, new String[] {x, w, b}, z)
                    .msg(5, ints("kernel_shape", k, k)).msg(5, ints("strides", spec.stride(l), spec.stride(l))));
            String h = name + ".conv" + l + ".relu";
            graph.msg(1, OnnxExport.node("Relu", name + ".conv" + l + ".act", new String[] {z}, h));
            x = h;
        }
        String nhwc = name + ".conv_nhwc";
        graph.msg(1, OnnxExport.node("Transpose", name + ".conv_transpose", new String[] {x}, nhwc).msg(5, ints("perm", 0, 2, 3, 1)));
        String flat = name + ".conv_flat";
        graph.msg(1, OnnxExport.node("Flatten", name + ".conv_flatten", new String[] {nhwc}, flat)
                .msg(5, new Proto().str(1, "axis").i64(3, 1).i32(20, ATTR_INT)));
        return flat;
    }

    /** {@code [ky][kx][c][f]} at {@code off} to {@code [f][c][ky][kx]} */
    static float[] toOnnx(float[] p, int off, int k, int c, int f) {
        float[] out = new float[f * c * k * k];
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int ci = 0; ci < c; ci++) {
                    for (int fo = 0; fo < f; fo++) {
                        out[((fo * c + ci) * k + ky) * k + kx] = p[off + ((ky * k + kx) * c + ci) * f + fo];
                    }
                }
            }
        }
        return out;
    }

    /** {@code [f][c][ky][kx]} into {@code [ky][kx][c][f]} at {@code off}: the inverse of {@link #toOnnx} */
    static void fromOnnx(float[] onnx, int k, int c, int f, float[] p, int off) {
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int ci = 0; ci < c; ci++) {
                    for (int fo = 0; fo < f; fo++) {
                        p[off + ((ky * k + kx) * c + ci) * f + fo] = onnx[((fo * c + ci) * k + ky) * k + kx];
                    }
                }
            }
        }
    }

    private static Proto ints(String name, long... values) {
        Proto a = new Proto().str(1, name);
        for (long v : values) {
            a.i64(8, v);
        }
        return a.i32(20, ATTR_INTS);
    }

    private static Proto int64s(String name, long[] values) {
        Proto t = new Proto().i64(1, values.length);
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return t.i32(2, INT64).str(8, name).bytes(9, raw.array());
    }
}
