package dev.gym4j.bridge;

import com.google.protobuf.UnsafeByteOperations;
import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.bridge.proto.DType;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.Tensor;
import dev.gym4j.bridge.proto.Value;
import dev.gym4j.bridge.proto.ValueList;
import dev.gym4j.bridge.proto.ValueMap;
import dev.gym4j.bridge.proto.VectorResetReply;
import dev.gym4j.bridge.proto.VectorStepReply;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client's vector env on the server: N envs whose observations travel as one batched tensor.
 *
 * <p>Not thread-safe: used by the server's thread only.
 */
final class VectorSession extends Session {

    private final List<Env<Object, Object>> envs;
    private final VectorSessions.Batching obs;
    private final VectorSessions.Batching act;
    private final boolean[] autoreset;

    VectorSession(List<Env<Object, Object>> envs, VectorSessions.Batching obs, VectorSessions.Batching act) {
        this.envs = envs;
        this.obs = obs;
        this.act = act;
        this.autoreset = new boolean[envs.size()];
    }

    @Override
    EnvDescription describe() {
        EnvDescription single = EnvSession.describe(envs.get(0));
        return single.toBuilder().setNumEnvs(envs.size()).setSingleObservationSpace(single.getObservationSpace())
                .setSingleActionSpace(single.getActionSpace()).setObservationSpace(SpaceCodec.toWire(obs.batched()))
                .setActionSpace(SpaceCodec.toWire(act.batched())).build();
    }

    @Override
    void handle(Request request, Response.Builder reply) {
        switch (request.getBodyCase()) {
            case VECTOR_RESET:
                reply.setVectorReset(reset(request.getVectorReset()));
                return;
            case VECTOR_STEP:
                reply.setVectorStep(step(request.getVectorStep().getActions()));
                return;
            default:
                reply.setError(Errors.of(ErrorCode.ERROR_CODE_UNSUPPORTED, request.getBodyCase()
                        + " does not apply to a vector env: use vector_reset and vector_step"));
        }
    }

    private VectorResetReply reset(dev.gym4j.bridge.proto.VectorReset r) {
        int n = envs.size();
        if (r.getSeedsCount() != 0 && r.getSeedsCount() != n) {
            throw new dev.gym4j.api.InvalidArgumentException("expected " + n + " seeds, got " + r.getSeedsCount());
        }
        Long base = EnvSession.seed(r.hasSeed(), r.getSeed());
        Map<String, Object> options = ValueCodec.decodeMap(r.getOptions());
        List<Object> observations = new ArrayList<>(n);
        List<Map<String, Object>> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Long seed = r.getSeedsCount() == n ? EnvSession.seed(true, r.getSeeds(i)) : base == null ? null : base + i;
            ResetResult<Object> result = envs.get(i).reset(seed, options);
            observations.add(result.observation());
            infos.add(result.info());
            autoreset[i] = false;
        }
        return VectorResetReply.newBuilder().setObservations(stack(observations)).setInfos(infos(infos)).build();
    }

    private VectorStepReply step(Value actions) {
        int n = envs.size();
        Object[] perEnv = unstack(actions);
        List<Object> observations = new ArrayList<>(n);
        List<Map<String, Object>> infos = new ArrayList<>(n);
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n];
        boolean[] truncated = new boolean[n];
        for (int i = 0; i < n; i++) {
            Env<Object, Object> env = envs.get(i);
            if (autoreset[i]) {
                ResetResult<Object> r = env.reset();
                observations.add(r.observation());
                infos.add(r.info());
                autoreset[i] = false;
                continue;
            }
            StepResult<Object> s = env.step(perEnv[i]);
            observations.add(s.observation());
            infos.add(s.info());
            rewards[i] = s.reward();
            terminated[i] = s.terminated();
            truncated[i] = s.truncated();
            autoreset[i] = s.done();
        }
        int[] shape = {n};
        return VectorStepReply.newBuilder().setObservations(stack(observations)).setRewards(Tensors.of(DType.DTYPE_FLOAT64, shape, rewards))
                .setTerminated(Tensors.of(DType.DTYPE_BOOL, shape, terminated)).setTruncated(Tensors.of(DType.DTYPE_BOOL, shape, truncated))
                .setInfos(infos(infos)).build();
    }

    /** Concatenates the per-env values' bytes into one tensor of the batched shape. */
    private Value stack(List<Object> values) {
        int item = Tensors.itemSize(obs.dtype());
        ByteBuffer out = ByteBuffer.allocate(values.size() * obs.elements() * item).order(ByteOrder.LITTLE_ENDIAN);
        for (Object v : values) {
            put(out, v);
        }
        Tensor.Builder t = Tensor.newBuilder().setDtype(obs.dtype()).setData(UnsafeByteOperations.unsafeWrap(out.array()));
        for (int d : obs.batched().shape()) {
            t.addShape(d);
        }
        return Value.newBuilder().setTensor(t).build();
    }

    private void put(ByteBuffer out, Object v) {
        int at = out.position();
        if (v instanceof float[] f) {
            out.asFloatBuffer().put(f);
            out.position(at + f.length * 4);
        } else if (v instanceof double[] d) {
            out.asDoubleBuffer().put(d);
            out.position(at + d.length * 8);
        } else if (v instanceof byte[] b) {
            out.put(b);
        } else if (v instanceof int[] i) {
            out.asIntBuffer().put(i);
            out.position(at + i.length * 4);
        } else if (v instanceof long[] l) {
            out.asLongBuffer().put(l);
            out.position(at + l.length * 8);
        } else {
            ValueCodec.encode(obs.single(), v).getTensor().getData().copyTo(out);
        }
    }

    /** Splits a batched action into one action per env. */
    private Object[] unstack(Value actions) {
        int n = envs.size();
        Object batch = ValueCodec.decode(act.batched(), actions);
        Object[] out = new Object[n];
        int k = act.elements();
        for (int i = 0; i < n; i++) {
            Object slice;
            if (act.single() instanceof dev.gym4j.api.spaces.Discrete) {
                slice = (int) ((long[]) batch)[i];
            } else {
                slice = java.lang.reflect.Array.newInstance(batch.getClass().getComponentType(), k);
                System.arraycopy(batch, i * k, slice, 0, k);
            }
            out[i] = slice;
        }
        return out;
    }

    /** Per info key, a list with one value per env (null where that env did not report the key). */
    private static ValueMap infos(List<Map<String, Object>> infos) {
        Map<String, Object[]> byKey = new LinkedHashMap<>();
        for (int i = 0; i < infos.size(); i++) {
            for (Map.Entry<String, Object> e : infos.get(i).entrySet()) {
                byKey.computeIfAbsent(e.getKey(), k -> new Object[infos.size()])[i] = e.getValue();
            }
        }
        ValueMap.Builder m = ValueMap.newBuilder();
        byKey.forEach((k, v) -> {
            ValueList.Builder l = ValueList.newBuilder();
            for (Object o : v) {
                l.addItems(ValueCodec.encodeAny(o));
            }
            m.addEntries(dev.gym4j.bridge.proto.ValueEntry.newBuilder().setKey(k).setValue(Value.newBuilder().setList(l)));
        });
        return m.build();
    }

    @Override
    void close() {
        for (Env<Object, Object> env : envs) {
            try {
                env.close();
            } catch (RuntimeException ignored) {
                // freeing the others matters more
            }
        }
    }
}
