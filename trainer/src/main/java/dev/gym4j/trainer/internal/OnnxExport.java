package dev.gym4j.trainer.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link ActorCritic} as an ONNX model (IR version 8, opset 17) following {@code docs/POLICY.md}:
 * one float32 input {@code obs} {@code [batch, obs_dim]}; the observation normalization as {@code Sub},
 * {@code Div}, {@code Clip}; each network as {@code Gemm} and {@code Tanh} nodes; outputs {@code logits}
 * (categorical) or {@code mean} and {@code log_std} (Gaussian, {@code [k]}), then {@code value} {@code [batch, 1]}.
 * The policy metadata JSON is stored in the model's {@code metadata_props} under {@link #METADATA_KEY}.
 *
 * <p>The bytes depend only on the network and the metadata: the same inputs give the same file. Stateless and
 * thread-safe.
 */
public final class OnnxExport {

    /** The {@code metadata_props} key holding the {@code gym4j.policy.v1} metadata JSON. */
    public static final String METADATA_KEY = "gym4j.policy";
    /** The producer name written into the model. */
    public static final String PRODUCER = "gym4j-ppo";

    static final int FLOAT = 1;

    private OnnxExport() {
    }

    /**
     * @param net the network (its parameters and normalization as they are now)
     * @param metadataJson the {@code policy.json} document
     * @return the ONNX model bytes
     */
    public static byte[] write(ActorCritic net, String metadataJson) {
        Proto graph = new Proto().str(2, "gym4j_ppo_policy");
        List<Proto> initializers = new ArrayList<>();
        float[] p = net.params();
        String x = "obs";
        if (net.normalizesObservations()) {
            int d = net.obsDim();
            initializers.add(tensor("obs_mean", new long[] {d}, net.obsMean(), 0, d));
            initializers.add(tensor("obs_std", new long[] {d}, net.obsStd(), 0, d));
            initializers.add(tensor("obs_clip_min", new long[0], new float[] {-net.obsClip()}, 0, 1));
            initializers.add(tensor("obs_clip_max", new long[0], new float[] {net.obsClip()}, 0, 1));
            graph.msg(1, node("Sub", "normalize_sub", new String[] {"obs", "obs_mean"}, "obs_centered"));
            graph.msg(1, node("Div", "normalize_div", new String[] {"obs_centered", "obs_std"}, "obs_scaled"));
            graph.msg(1, node("Clip", "normalize_clip", new String[] {"obs_scaled", "obs_clip_min", "obs_clip_max"},
                    "obs_normalized"));
            x = "obs_normalized";
        }
        boolean gaussian = net.kind() == ActorCritic.Kind.GAUSSIAN;
        String actorIn = x;
        String criticIn = x;
        if (net.conv() != null) { // image observations: each network's conv torso in front (OnnxConv)
            String image = OnnxConv.image(graph, initializers, net.conv(), x);
            actorIn = OnnxConv.torso(graph, initializers, "actor", net.actor().torso(), p, image);
            criticIn = OnnxConv.torso(graph, initializers, "critic", net.critic().torso(), p, image);
        }
        mlp(graph, initializers, "actor", net.actor(), p, actorIn, gaussian ? "mean" : "logits");
        mlp(graph, initializers, "critic", net.critic(), p, criticIn, "value");
        if (gaussian) {
            initializers.add(tensor("log_std_param", new long[] {net.actDim()}, p, net.logStdOffset(), net.actDim()));
            graph.msg(1, node("Identity", "log_std_identity", new String[] {"log_std_param"}, "log_std"));
        }
        for (Proto init : initializers) {
            graph.msg(5, init);
        }
        graph.msg(11, valueInfo("obs", "batch", net.obsDim()));
        graph.msg(12, valueInfo(gaussian ? "mean" : "logits", "batch", net.actorOutputs()));
        if (gaussian) {
            graph.msg(12, valueInfo("log_std", null, net.actDim()));
        }
        graph.msg(12, valueInfo("value", "batch", 1));
        Proto model = new Proto()
                .i64(1, 8)
                .str(2, PRODUCER)
                .str(3, "1")
                .msg(7, graph)
                .msg(8, new Proto().str(1, "").i64(2, 17))
                .msg(14, new Proto().str(1, METADATA_KEY).str(2, metadataJson));
        return model.toBytes();
    }

    private static void mlp(Proto graph, List<Proto> inits, String name, Mlp mlp, float[] p, String input, String output) {
        int[] s = mlp.sizes();
        String x = input;
        for (int l = 0; l < mlp.layers(); l++) {
            String w = name + "." + l + ".weight";
            String b = name + "." + l + ".bias";
            inits.add(tensor(w, new long[] {s[l], s[l + 1]}, p, mlp.weightOffset(l), s[l] * s[l + 1]));
            inits.add(tensor(b, new long[] {s[l + 1]}, p, mlp.biasOffset(l), s[l + 1]));
            boolean last = l == mlp.layers() - 1;
            String z = last ? output : name + "." + l + ".linear";
            graph.msg(1, node("Gemm", name + "." + l + ".gemm", new String[] {x, w, b}, z));
            if (!last) {
                String h = name + "." + l + ".tanh";
                graph.msg(1, node("Tanh", name + "." + l + ".act", new String[] {z}, h));
                x = h;
            }
        }
    }

    static Proto node(String op, String name, String[] inputs, String output) {
        Proto n = new Proto();
        for (String in : inputs) {
            n.str(1, in);
        }
        return n.str(2, output).str(3, name).str(4, op);
    }

    static Proto tensor(String name, long[] dims, float[] values, int off, int count) {
        Proto t = new Proto();
        for (long d : dims) {
            t.i64(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            raw.putFloat(values[off + i]);
        }
        return t.i32(2, FLOAT).str(8, name).bytes(9, raw.array());
    }

    private static Proto valueInfo(String name, String batchParam, int width) {
        Proto shape = new Proto();
        if (batchParam != null) {
            shape.msg(1, new Proto().str(2, batchParam));
        }
        shape.msg(1, new Proto().i64(1, width));
        Proto tensorType = new Proto().i32(1, FLOAT).msg(2, shape);
        return new Proto().str(1, name).msg(2, new Proto().msg(1, tensorType));
    }
}
