package dev.gym4j.trainer.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.trainer.TrainerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back a policy that {@link OnnxExport} wrote: the initializers by name and the metadata. Any other ONNX
 * model is refused (run those with ONNX Runtime). Stateless and thread-safe.
 */
public final class OnnxImport {

    /** A decoded policy: the network and its metadata. */
    public record Decoded(ActorCritic net, Map<String, Object> metadata, String metadataJson) {
    }

    private record Tensor(long[] dims, float[] values) {
    }

    private OnnxImport() {
    }

    /**
     * @param model ONNX bytes
     * @param source where they came from, for messages
     * @return the network and its metadata
     * @throws TrainerException if the bytes are not a policy written by gym4j's trainer
     */
    @SuppressWarnings("unchecked")
    public static Decoded read(byte[] model, String source) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(model);
            String producer = null;
            byte[] graph = null;
            String metadata = null;
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == 2 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    producer = in.readString();
                } else if (field == 7 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    graph = in.readByteArray();
                } else if (field == 14 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    String[] kv = stringPair(in.readByteArray());
                    if (OnnxExport.METADATA_KEY.equals(kv[0])) {
                        metadata = kv[1];
                    }
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
            if (!OnnxExport.PRODUCER.equals(producer) || graph == null || metadata == null) {
                throw new TrainerException(source + " is not a policy written by gym4j's trainer (producer '" + producer
                        + "'); evaluate other ONNX models with ONNX Runtime");
            }
            Map<String, Tensor> inits = initializers(graph);
            Map<String, Object> meta = Json.parseObject(metadata);
            Map<String, Object> trainer = (Map<String, Object>) meta.get("trainer");
            List<Object> hiddenJson = (List<Object>) trainer.get("hidden_sizes");
            int[] hidden = hiddenJson.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
            boolean gaussian = "diag_gaussian".equals(meta.get("distribution"));
            Tensor first = need(inits, "actor.0.weight", source);
            ConvSpec conv = trainer.get("conv") instanceof Map<?, ?> c ? ConvSpec.fromJson((Map<String, Object>) c) : null;
            int obsDim = conv != null ? conv.inputSize() : (int) first.dims[0];
            ActorCritic net;
            if (gaussian) {
                Tensor ls = need(inits, "log_std_param", source);
                net = new ActorCritic(obsDim, ActorCritic.Kind.GAUSSIAN, new int[0], ls.values.length, hidden, conv);
            } else {
                List<Object> nv = (List<Object>) trainer.get("nvec");
                int[] nvec = nv.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
                net = new ActorCritic(obsDim, ActorCritic.Kind.CATEGORICAL, nvec, nvec.length, hidden, conv);
            }
            float[] p = net.params();
            fill(inits, "actor", net.actor(), p, source);
            fill(inits, "critic", net.critic(), p, source);
            if (gaussian) {
                float[] ls = inits.get("log_std_param").values;
                System.arraycopy(ls, 0, p, net.logStdOffset(), ls.length);
            }
            if (inits.containsKey("obs_mean")) {
                net.setObsNormalization(need(inits, "obs_mean", source).values, need(inits, "obs_std", source).values,
                        need(inits, "obs_clip_max", source).values[0]);
            }
            net.syncTranspose();
            return new Decoded(net, meta, metadata);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TrainerException t) {
                throw t;
            }
            throw new TrainerException(source + " is not a readable gym4j policy: " + e.getMessage(), e);
        }
    }

    private static void fill(Map<String, Tensor> inits, String name, Mlp mlp, float[] p, String source) {
        ConvTorso torso = mlp.torso();
        for (int l = 0; torso != null && l < torso.spec().layers(); l++) {
            ConvSpec c = torso.spec();
            int k = c.kernel(l), ci = c.inChannels(l), f = c.filters(l);
            Tensor w = need(inits, name + ".conv" + l + ".weight", source);
            Tensor b = need(inits, name + ".conv" + l + ".bias", source);
            if (w.values.length != f * ci * k * k || b.values.length != f) {
                throw new TrainerException(source + ": layer " + name + ".conv" + l + " has the wrong shape");
            }
            OnnxConv.fromOnnx(w.values, k, ci, f, p, torso.weightOffset(l));
            System.arraycopy(b.values, 0, p, torso.biasOffset(l), f);
        }
        int[] s = mlp.sizes();
        for (int l = 0; l < mlp.layers(); l++) {
            Tensor w = need(inits, name + "." + l + ".weight", source);
            Tensor b = need(inits, name + "." + l + ".bias", source);
            if (w.values.length != s[l] * s[l + 1] || b.values.length != s[l + 1]) {
                throw new TrainerException(source + ": layer " + name + "." + l + " has the wrong shape");
            }
            System.arraycopy(w.values, 0, p, mlp.weightOffset(l), w.values.length);
            System.arraycopy(b.values, 0, p, mlp.biasOffset(l), b.values.length);
        }
    }

    private static Tensor need(Map<String, Tensor> inits, String name, String source) {
        Tensor t = inits.get(name);
        if (t == null) {
            throw new TrainerException(source + " has no initializer '" + name + "'; not a gym4j trainer policy");
        }
        return t;
    }

    private static String[] stringPair(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String[] kv = new String[2];
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return kv;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 || field == 2) {
                kv[field - 1] = in.readString();
            } else {
                in.skipField(tag);
            }
        }
    }

    private static Map<String, Tensor> initializers(byte[] graph) throws IOException {
        Map<String, Tensor> out = new HashMap<>();
        CodedInputStream in = CodedInputStream.newInstance(graph);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return out;
            }
            if (WireFormat.getTagFieldNumber(tag) == 5) {
                CodedInputStream t = CodedInputStream.newInstance(in.readByteArray());
                List<Long> dims = new ArrayList<>();
                String name = null;
                byte[] raw = null;
                while (true) {
                    int tt = t.readTag();
                    if (tt == 0) {
                        break;
                    }
                    int f = WireFormat.getTagFieldNumber(tt);
                    if (f == 1 && WireFormat.getTagWireType(tt) == WireFormat.WIRETYPE_VARINT) {
                        dims.add(t.readInt64());
                    } else if (f == 1) {
                        int limit = t.pushLimit(t.readRawVarint32());
                        while (t.getBytesUntilLimit() > 0) {
                            dims.add(t.readInt64());
                        }
                        t.popLimit(limit);
                    } else if (f == 8) {
                        name = t.readString();
                    } else if (f == 9) {
                        raw = t.readByteArray();
                    } else {
                        t.skipField(tt);
                    }
                }
                if (name != null && raw != null) {
                    float[] v = new float[raw.length / 4];
                    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    out.put(name, new Tensor(dims.stream().mapToLong(Long::longValue).toArray(), v));
                }
            } else {
                in.skipField(tag);
            }
        }
    }
}
