package dev.gym4j.bridge;

import com.google.protobuf.ByteString;
import dev.gym4j.bridge.proto.DType;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.Space;
import dev.gym4j.bridge.proto.Step;
import dev.gym4j.bridge.proto.Tensor;
import dev.gym4j.bridge.proto.Value;
import dev.gym4j.bridge.proto.VectorStep;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;


/**
 * The raw layout of a step (PROTOCOL.md, "Shared memory"): the action's tensor bytes in; reward, flags,
 * observation bytes and the info map out. Only for tensor-valued spaces (a Box observation; a Box,
 * Discrete, MultiDiscrete or MultiBinary action). An env whose spaces have no raw layout is served with
 * kind 1 (Protobuf) only.
 *
 * <p>Immutable and thread-safe.
 */
final class ShmRawLayout {
    final boolean vector;
    final int numEnvs;
    final DType actionType;
    final long[] actionShape;
    final int actionBytes;
    final DType obsType;
    final int obsBytes;

    private ShmRawLayout(boolean vector, int numEnvs, DType actionType, long[] actionShape, int actionBytes, DType obsType, int obsBytes) {
        this.vector = vector;
        this.numEnvs = numEnvs;
        this.actionType = actionType;
        this.actionShape = actionShape;
        this.actionBytes = actionBytes;
        this.obsType = obsType;
        this.obsBytes = obsBytes;
    }

    static ShmRawLayout of(EnvDescription d) {
        Space obs = d.getObservationSpace();
        Space act = d.getActionSpace();
        if (!obs.hasBox()) {
            return null;
        }
        DType at;
        long[] shape;
        if (act.hasBox()) {
            at = act.getBox().getDtype();
            shape = act.getBox().getShapeList().stream().mapToLong(Long::longValue).toArray();
        } else if (act.hasDiscrete()) {
            at = DType.DTYPE_INT64;
            shape = new long[0];
        } else if (act.hasMultiDiscrete()) {
            at = DType.DTYPE_INT64;
            shape = new long[] {act.getMultiDiscrete().getNvecCount()};
        } else if (act.hasMultiBinary()) {
            at = DType.DTYPE_INT8;
            shape = act.getMultiBinary().getShapeList().stream().mapToLong(Long::longValue).toArray();
        } else {
            return null;
        }
        long actBytes = bytes(at, shape);
        long obsBytes = bytes(obs.getBox().getDtype(), obs.getBox().getShapeList().stream().mapToLong(Long::longValue).toArray());
        if (actBytes < 0 || obsBytes < 0 || actBytes > Integer.MAX_VALUE / 2 || obsBytes > Integer.MAX_VALUE / 2) {
            return null;
        }
        return new ShmRawLayout(d.getNumEnvs() > 0, d.getNumEnvs(), at, shape, (int) actBytes, obs.getBox().getDtype(), (int) obsBytes);
    }

    private static long bytes(DType t, long[] shape) {
        try {
            long n = Tensors.itemSize(t);
            for (long s : shape) {
                if (s < 0) {
                    return -1;
                }
                n = Math.multiplyExact(n, s);
            }
            return n;
        } catch (ProtocolException | ArithmeticException e) {
            return -1;
        }
    }

    Request request(long seq, byte[] action) {
        Tensor.Builder t = Tensor.newBuilder().setDtype(actionType).setData(ByteString.copyFrom(action));
        for (long s : actionShape) {
            t.addShape(s);
        }
        Value v = Value.newBuilder().setTensor(t).build();
        Request.Builder r = Request.newBuilder().setId(seq);
        return vector ? r.setVectorStep(VectorStep.newBuilder().setActions(v)).build() : r.setStep(Step.newBuilder().setAction(v)).build();
    }

    /** @return the raw reply, or null when the response has another form (an error, say): it then goes as a Response */
    byte[] reply(Response r) {
        if (!vector && r.hasStep()) {
            var s = r.getStep();
            if (!fits(s.getObservation())) {
                return null;
            }
            byte[] info = s.getInfo().toByteArray();
            ByteBuffer b = ByteBuffer.allocate(16 + obsBytes + info.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putDouble(0, s.getReward()).put(8, (byte) (s.getTerminated() ? 1 : 0)).put(9, (byte) (s.getTruncated() ? 1 : 0))
                    .putInt(12, info.length);
            s.getObservation().getTensor().getData().copyTo(b.array(), 16);
            System.arraycopy(info, 0, b.array(), 16 + obsBytes, info.length);
            return b.array();
        }
        if (vector && r.hasVectorStep()) {
            var s = r.getVectorStep();
            int n = numEnvs;
            if (!fits(s.getObservations()) || !tensor(s.getRewards(), DType.DTYPE_FLOAT64, 8L * n)
                    || !tensor(s.getTerminated(), DType.DTYPE_BOOL, n) || !tensor(s.getTruncated(), DType.DTYPE_BOOL, n)) {
                return null;
            }
            byte[] info = s.getInfos().toByteArray();
            byte[] out = new byte[8 + obsBytes + 10 * n + info.length];
            ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(0, info.length);
            s.getObservations().getTensor().getData().copyTo(out, 8);
            s.getRewards().getData().copyTo(out, 8 + obsBytes);
            s.getTerminated().getData().copyTo(out, 8 + obsBytes + 8 * n);
            s.getTruncated().getData().copyTo(out, 8 + obsBytes + 9 * n);
            System.arraycopy(info, 0, out, 8 + obsBytes + 10 * n, info.length);
            return out;
        }
        return null;
    }

    private boolean fits(Value v) {
        return v.hasTensor() && tensor(v.getTensor(), obsType, obsBytes);
    }

    private static boolean tensor(Tensor t, DType type, long bytes) {
        return t.getDtype() == type && t.getData().size() == bytes;
    }
}
