package dev.gym4j.bridge;

import com.google.protobuf.ByteString;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import dev.gym4j.bridge.proto.DType;
import dev.gym4j.bridge.proto.Tensor;
import dev.gym4j.bridge.proto.Value;
import dev.gym4j.bridge.proto.ValueEntry;
import dev.gym4j.bridge.proto.ValueList;
import dev.gym4j.bridge.proto.ValueMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values to and from the wire's {@code Value}: space elements (observations and actions, encoded as
 * their space says) and free-form values (info, options, kwargs, metadata).
 *
 * <p>Thread-safe (stateless).
 */
final class ValueCodec {

    private static final int[] SCALAR = new int[0];

    private ValueCodec() {
    }

    // ------------------------------------------------------------------ space elements

    static Value encode(Space<?> space, Object x) {
        if (space instanceof Box<?> box) {
            return tensor(Tensors.of(Tensors.toWire(box.dtype()), box.shape(), x));
        }
        if (space instanceof Discrete) {
            return tensor(Tensors.of(DType.DTYPE_INT64, SCALAR, new long[] {((Number) x).longValue()}));
        }
        if (space instanceof MultiDiscrete md) {
            return tensor(Tensors.of(DType.DTYPE_INT64, md.shape(), x));
        }
        if (space instanceof MultiBinary mb) {
            return tensor(Tensors.of(DType.DTYPE_INT8, mb.shape(), x));
        }
        if (space instanceof TupleSpace t) {
            List<?> items = (List<?>) x;
            ValueList.Builder b = ValueList.newBuilder();
            for (int i = 0; i < items.size(); i++) {
                b.addItems(encode(t.spaces().get(i), items.get(i)));
            }
            return Value.newBuilder().setList(b).build();
        }
        if (space instanceof DictSpace d) {
            Map<?, ?> m = (Map<?, ?>) x;
            ValueMap.Builder b = ValueMap.newBuilder();
            for (Map.Entry<String, Space<?>> e : d.spaces().entrySet()) {
                b.addEntries(ValueEntry.newBuilder().setKey(e.getKey()).setValue(encode(e.getValue(), m.get(e.getKey()))));
            }
            return Value.newBuilder().setMap(b).build();
        }
        throw new AssertionError("unhandled space " + space);
    }

    /**
     * @return the Java value of {@code space}'s type that {@code v} encodes
     * @throws ProtocolException if {@code v} does not have the space's structure, dtype or size
     */
    static Object decode(Space<?> space, Value v) {
        if (space instanceof Box<?> box) {
            Tensor t = tensorOf(v, space);
            requireShape(t, box.shape(), space);
            Object a = Tensors.toArray(t);
            if (a.getClass() != box.dtype().arrayType()) {
                // A client may send another numeric dtype (NumPy's default float64, say): cast as NumPy would.
                a = cast(a, box.dtype());
            }
            if (java.lang.reflect.Array.getLength(a) != box.size()) {
                throw new ProtocolException("expected " + box.size() + " elements for " + space + ", got " + java.lang.reflect.Array.getLength(a));
            }
            return a;
        }
        if (space instanceof Discrete) {
            long value;
            if (v.getKindCase() == Value.KindCase.INTEGER) {
                value = v.getInteger();
            } else {
                long[] l = Tensors.longs(tensorOf(v, space));
                if (l.length != 1) {
                    throw new ProtocolException("expected one integer for " + space + ", got " + l.length);
                }
                value = l[0];
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new ProtocolException("value " + value + " does not fit " + space);
            }
            return (int) value;
        }
        if (space instanceof MultiDiscrete md) {
            requireShape(tensorOf(v, space), md.shape(), space);
            long[] l = Tensors.longs(tensorOf(v, space));
            if (l.length != md.nvec().length) {
                throw new ProtocolException("expected " + md.nvec().length + " elements for " + space + ", got " + l.length);
            }
            return l;
        }
        if (space instanceof MultiBinary mb) {
            Tensor t = tensorOf(v, space);
            requireShape(t, mb.shape(), space);
            Object a = Tensors.toArray(t);
            byte[] bytes;
            if (a instanceof byte[] b) {
                bytes = b;
            } else if (a instanceof boolean[] z) {
                bytes = new byte[z.length];
                for (int i = 0; i < z.length; i++) {
                    bytes[i] = (byte) (z[i] ? 1 : 0);
                }
            } else {
                long[] l = Tensors.longs(t);
                bytes = new byte[l.length];
                for (int i = 0; i < l.length; i++) {
                    bytes[i] = (byte) l[i];
                }
            }
            if (bytes.length != mb.size()) {
                throw new ProtocolException("expected " + mb.size() + " elements for " + space + ", got " + bytes.length);
            }
            return bytes;
        }
        if (space instanceof TupleSpace t) {
            if (v.getKindCase() != Value.KindCase.LIST || v.getList().getItemsCount() != t.spaces().size()) {
                throw new ProtocolException("expected a list of " + t.spaces().size() + " values for " + space);
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < t.spaces().size(); i++) {
                out.add(decode(t.spaces().get(i), v.getList().getItems(i)));
            }
            return Collections.unmodifiableList(out);
        }
        if (space instanceof DictSpace d) {
            if (v.getKindCase() != Value.KindCase.MAP) {
                throw new ProtocolException("expected a map for " + space);
            }
            Map<String, Value> byKey = new LinkedHashMap<>();
            for (ValueEntry e : v.getMap().getEntriesList()) {
                byKey.put(e.getKey(), e.getValue());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Space<?>> e : d.spaces().entrySet()) {
                Value item = byKey.get(e.getKey());
                if (item == null) {
                    throw new ProtocolException("missing key '" + e.getKey() + "' for " + space);
                }
                out.put(e.getKey(), decode(e.getValue(), item));
            }
            return out;
        }
        throw new AssertionError("unhandled space " + space);
    }

    private static Object cast(Object a, dev.gym4j.api.spaces.DType to) {
        int n = java.lang.reflect.Array.getLength(a);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            Object e = java.lang.reflect.Array.get(a, i);
            d[i] = e instanceof Boolean z ? (z ? 1 : 0) : ((Number) e).doubleValue();
        }
        switch (to) {
            case FLOAT32: {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (float) d[i];
                }
                return out;
            }
            case FLOAT64:
                return d;
            case INT32: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (int) d[i];
                }
                return out;
            }
            case INT64: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (long) d[i];
                }
                return out;
            }
            default: {
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) (long) d[i];
                }
                return out;
            }
        }
    }

    /** An array space's value must have the space's shape exactly, as Gymnasium's {@code contains} asks. */
    private static void requireShape(Tensor t, int[] shape, Space<?> space) {
        if (!Tensors.hasShape(t, shape)) {
            java.util.List<Long> expected = new ArrayList<>();
            for (int d : shape) {
                expected.add((long) d);
            }
            throw new ProtocolException("expected a tensor of shape " + Tensors.shapeText(expected) + " for " + space + ", got shape "
                    + Tensors.shapeText(t.getShapeList()));
        }
    }

    private static Tensor tensorOf(Value v, Space<?> space) {
        if (v.getKindCase() != Value.KindCase.TENSOR) {
            throw new ProtocolException("expected a tensor for " + space + ", got " + v.getKindCase());
        }
        return v.getTensor();
    }

    private static Value tensor(Tensor t) {
        return Value.newBuilder().setTensor(t).build();
    }

    // ------------------------------------------------------------------ free-form values

    static ValueMap encodeMap(Map<String, ?> map) {
        ValueMap.Builder b = ValueMap.newBuilder();
        if (map != null) {
            for (Map.Entry<String, ?> e : map.entrySet()) {
                b.addEntries(ValueEntry.newBuilder().setKey(e.getKey()).setValue(encodeAny(e.getValue())));
            }
        }
        return b.build();
    }

    static Map<String, Object> decodeMap(ValueMap map) {
        if (map.getEntriesCount() == 0) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ValueEntry e : map.getEntriesList()) {
            out.put(e.getKey(), decodeAny(e.getValue()));
        }
        return out;
    }

    static Value encodeAny(Object x) {
        Value.Builder b = Value.newBuilder();
        if (x == null) {
            return b.build();
        }
        if (x instanceof Boolean z) {
            return b.setFlag(z).build();
        }
        if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte) {
            return b.setInteger(((Number) x).longValue()).build();
        }
        if (x instanceof BigInteger big && big.bitLength() < 64) {
            return b.setInteger(big.longValue()).build();
        }
        if (x instanceof Number n) {
            return b.setReal(n.doubleValue()).build();
        }
        if (x instanceof CharSequence || x instanceof Character || x instanceof Enum) {
            return b.setText(x.toString()).build();
        }
        if (x instanceof float[] || x instanceof double[] || x instanceof int[] || x instanceof long[] || x instanceof boolean[]) {
            int n = java.lang.reflect.Array.getLength(x);
            DType d = x instanceof float[] ? DType.DTYPE_FLOAT32 : x instanceof double[] ? DType.DTYPE_FLOAT64
                    : x instanceof int[] ? DType.DTYPE_INT32 : x instanceof long[] ? DType.DTYPE_INT64 : DType.DTYPE_BOOL;
            return b.setTensor(Tensors.of(d, new int[] {n}, x)).build();
        }
        if (x instanceof byte[] raw) {
            return b.setRaw(ByteString.copyFrom(raw)).build();
        }
        if (x instanceof Map<?, ?> m) {
            ValueMap.Builder mb = ValueMap.newBuilder();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                mb.addEntries(ValueEntry.newBuilder().setKey(String.valueOf(e.getKey())).setValue(encodeAny(e.getValue())));
            }
            return b.setMap(mb).build();
        }
        if (x instanceof Iterable<?> it) {
            ValueList.Builder lb = ValueList.newBuilder();
            for (Object o : it) {
                lb.addItems(encodeAny(o));
            }
            return b.setList(lb).build();
        }
        if (x instanceof Object[] arr) {
            return encodeAny(Arrays.asList(arr));
        }
        return b.setText(x.toString()).build();
    }

    static Object decodeAny(Value v) {
        switch (v.getKindCase()) {
            case TENSOR:
                return Tensors.toArray(v.getTensor());
            case LIST: {
                List<Object> out = new ArrayList<>();
                for (Value item : v.getList().getItemsList()) {
                    out.add(decodeAny(item));
                }
                return out;
            }
            case MAP:
                return new LinkedHashMap<>(decodeMap(v.getMap()));
            case TEXT:
                return v.getText();
            case FLAG:
                return v.getFlag();
            case INTEGER: {
                long l = v.getInteger();
                return l == (int) l ? (Object) (int) l : (Object) l;
            }
            case REAL:
                return v.getReal();
            case RAW:
                return v.getRaw().toByteArray();
            case KIND_NOT_SET:
                return null;
            default:
                throw new ProtocolException("unknown value kind " + v.getKindCase());
        }
    }
}
