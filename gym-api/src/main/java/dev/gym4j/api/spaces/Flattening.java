package dev.gym4j.api.spaces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gymnasium's {@code flatdim}, {@code flatten_space}, {@code flatten} and {@code unflatten}
 * ({@code gymnasium/spaces/utils.py}) for gym4j's spaces.
 *
 * <p>Stateless and thread-safe.
 */
final class Flattening {

    private Flattening() {
    }

    static int flatdim(Space<?> space) {
        if (space instanceof Box) {
            return ((Box<?>) space).size();
        } else if (space instanceof Discrete) {
            return ((Discrete) space).n();
        } else if (space instanceof MultiDiscrete) {
            long sum = 0;
            for (long n : ((MultiDiscrete) space).nvec()) {
                sum += n;
            }
            return toIntDim(sum, space);
        } else if (space instanceof MultiBinary) {
            return ((MultiBinary) space).size();
        } else if (space instanceof TupleSpace || space instanceof DictSpace) {
            long sum = 0;
            for (Space<?> s : children(space)) {
                sum += flatdim(s);
            }
            return toIntDim(sum, space);
        }
        throw new AssertionError(space);
    }

    private static int toIntDim(long dim, Space<?> space) {
        if (dim > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(space + " flattens to " + dim + " elements; at most " + Integer.MAX_VALUE + " fit a Java array");
        }
        return (int) dim;
    }

    private static List<Space<?>> children(Space<?> space) {
        if (space instanceof TupleSpace) {
            return ((TupleSpace) space).spaces();
        }
        return new ArrayList<>(((DictSpace) space).spaces().values());
    }

    /** The dtype of the flattened space: NumPy's {@code result_type} over the leaves. */
    static DType flatDType(Space<?> space) {
        if (space instanceof Box) {
            return ((Box<?>) space).dtype();
        } else if (space instanceof Discrete || space instanceof MultiDiscrete) {
            return DType.INT64;
        } else if (space instanceof MultiBinary) {
            return DType.INT8;
        } else if (space instanceof TupleSpace || space instanceof DictSpace) {
            List<Space<?>> children = children(space);
            if (children.isEmpty()) {
                throw new IllegalArgumentException(space + " has no subspaces and cannot be flattened (NumPy cannot concatenate nothing)");
            }
            Set<DType> dtypes = EnumSet.noneOf(DType.class);
            for (Space<?> s : children) {
                dtypes.add(flatDType(s));
            }
            return promote(dtypes);
        }
        throw new AssertionError(space);
    }

    /**
     * NumPy's {@code result_type} for the dtypes gym4j has, except that uint8 with int8 gives int32
     * (NumPy's int16 has no gym4j dtype).
     */
    static DType promote(Set<DType> dtypes) {
        boolean wideInt = dtypes.contains(DType.INT32) || dtypes.contains(DType.INT64);
        if (dtypes.contains(DType.FLOAT64) || (dtypes.contains(DType.FLOAT32) && wideInt)) {
            return DType.FLOAT64;
        }
        if (dtypes.contains(DType.FLOAT32)) {
            return DType.FLOAT32;
        }
        if (dtypes.contains(DType.INT64)) {
            return DType.INT64;
        }
        if (dtypes.contains(DType.INT32) || (dtypes.contains(DType.UINT8) && dtypes.contains(DType.INT8))) {
            return DType.INT32;
        }
        return dtypes.contains(DType.UINT8) ? DType.UINT8 : DType.INT8;
    }

    // ---------------------------------------------------------------- flatten_space

    static Box<?> flattenSpace(Space<?> space) {
        DType dtype = flatDType(space);
        int n = flatdim(space);
        int[] shape = {n};
        if (dtype.isFloat()) {
            double[] low = new double[n];
            double[] high = new double[n];
            collectDoubleBounds(space, low, high, 0);
            return Box.create(BoxBounds.fromDoubles(dtype, low, high, shape));
        }
        long[] low = new long[n];
        long[] high = new long[n];
        collectLongBounds(space, low, high, 0);
        return Box.create(BoxBounds.fromLongs(dtype, low, high, shape));
    }

    private static int collectDoubleBounds(Space<?> space, double[] low, double[] high, int pos) {
        if (space instanceof Box) {
            Box<?> box = (Box<?>) space;
            System.arraycopy(box.lowDoubles(), 0, low, pos, box.size());
            System.arraycopy(box.highDoubles(), 0, high, pos, box.size());
            return pos + box.size();
        } else if (space instanceof TupleSpace || space instanceof DictSpace) {
            for (Space<?> s : children(space)) {
                pos = collectDoubleBounds(s, low, high, pos);
            }
            return pos;
        }
        int n = flatdim(space);
        Arrays.fill(high, pos, pos + n, 1.0);
        return pos + n;
    }

    private static int collectLongBounds(Space<?> space, long[] low, long[] high, int pos) {
        if (space instanceof Box) {
            Box<?> box = (Box<?>) space;
            System.arraycopy(box.lowLongs(), 0, low, pos, box.size());
            System.arraycopy(box.highLongs(), 0, high, pos, box.size());
            return pos + box.size();
        } else if (space instanceof TupleSpace || space instanceof DictSpace) {
            for (Space<?> s : children(space)) {
                pos = collectLongBounds(s, low, high, pos);
            }
            return pos;
        }
        int n = flatdim(space);
        Arrays.fill(high, pos, pos + n, 1L);
        return pos + n;
    }

    // ---------------------------------------------------------------- flatten

    /** Flat values gathered as float64 (for a float flat dtype) or int64 (for an integer one), then cast once. */
    private static final class Sink {
        final double[] doubles;
        final long[] longs;
        int pos;

        Sink(DType dtype, int n) {
            doubles = dtype.isFloat() ? new double[n] : null;
            longs = dtype.isFloat() ? null : new long[n];
        }

        void put(long v) {
            if (longs != null) {
                longs[pos++] = v;
            } else {
                doubles[pos++] = v;
            }
        }

        void putElement(DType from, Object array, int i) {
            if (longs != null) {
                longs[pos++] = PrimitiveArrays.getLong(from, array, i);
            } else {
                doubles[pos++] = PrimitiveArrays.getDouble(from, array, i);
            }
        }

        Object toArray(DType dtype) {
            int n = doubles != null ? doubles.length : longs.length;
            Object out = PrimitiveArrays.newArray(dtype, n);
            for (int i = 0; i < n; i++) {
                if (doubles != null) {
                    PrimitiveArrays.setFromDouble(dtype, out, i, doubles[i]);
                } else {
                    PrimitiveArrays.setFromLong(dtype, out, i, longs[i]);
                }
            }
            return out;
        }
    }

    static Object flatten(Space<?> space, Object value) {
        DType dtype = flatDType(space);
        Sink sink = new Sink(dtype, flatdim(space));
        write(space, value, sink);
        return sink.toArray(dtype);
    }

    private static void write(Space<?> space, Object value, Sink sink) {
        if (space instanceof Box) {
            Box<?> box = (Box<?>) space;
            requireStructure(PrimitiveArrays.lengthIfType(box.dtype(), value) == box.size(), space, value);
            for (int i = 0; i < box.size(); i++) {
                sink.putElement(box.dtype(), value, i);
            }
        } else if (space instanceof Discrete) {
            Discrete d = (Discrete) space;
            requireStructure(d.contains(value), space, value);
            long index = ((Number) value).longValue() - d.start();
            for (int i = 0; i < d.n(); i++) {
                sink.put(i == index ? 1 : 0);
            }
        } else if (space instanceof MultiDiscrete) {
            MultiDiscrete md = (MultiDiscrete) space;
            requireStructure(md.contains(value), space, value);
            long[] nvec = md.nvec();
            long[] start = md.start();
            long[] v = (long[]) value;
            for (int k = 0; k < nvec.length; k++) {
                for (long i = 0; i < nvec[k]; i++) {
                    sink.put(i == v[k] - start[k] ? 1 : 0);
                }
            }
        } else if (space instanceof MultiBinary) {
            MultiBinary mb = (MultiBinary) space;
            requireStructure(value instanceof byte[] && ((byte[]) value).length == mb.size(), space, value);
            for (int i = 0; i < mb.size(); i++) {
                sink.putElement(DType.INT8, value, i);
            }
        } else if (space instanceof TupleSpace) {
            List<Space<?>> spaces = ((TupleSpace) space).spaces();
            requireStructure(value instanceof List && ((List<?>) value).size() == spaces.size(), space, value);
            for (int i = 0; i < spaces.size(); i++) {
                write(spaces.get(i), ((List<?>) value).get(i), sink);
            }
        } else if (space instanceof DictSpace) {
            Map<String, Space<?>> spaces = ((DictSpace) space).spaces();
            requireStructure(value instanceof Map && ((Map<?, ?>) value).keySet().equals(spaces.keySet()), space, value);
            for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
                write(e.getValue(), ((Map<?, ?>) value).get(e.getKey()), sink);
            }
        } else {
            throw new AssertionError(space);
        }
    }

    private static void requireStructure(boolean ok, Space<?> space, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("Cannot flatten " + ValueText.shorten(ValueText.generic(value)) + " for " + space + ": "
                    + space.whyNotContained(value));
        }
    }

    // ---------------------------------------------------------------- unflatten

    /** A flat array read as float64 or as int64, as NumPy reads the array it is given. */
    private static final class Source {
        final double[] doubles;
        final long[] longs;
        int pos;

        Source(Object flat, DType flatDType) {
            if (flat instanceof float[] || flat instanceof double[]) {
                DType from = flat instanceof float[] ? DType.FLOAT32 : DType.FLOAT64;
                int n = java.lang.reflect.Array.getLength(flat);
                doubles = new double[n];
                for (int i = 0; i < n; i++) {
                    doubles[i] = PrimitiveArrays.getDouble(from, flat, i);
                }
                longs = null;
            } else if (flat instanceof byte[] || flat instanceof int[] || flat instanceof long[]) {
                DType from = flat instanceof int[] ? DType.INT32 : flat instanceof long[] ? DType.INT64
                        : flatDType == DType.UINT8 ? DType.UINT8 : DType.INT8;
                int n = java.lang.reflect.Array.getLength(flat);
                longs = new long[n];
                for (int i = 0; i < n; i++) {
                    longs[i] = PrimitiveArrays.getLong(from, flat, i);
                }
                doubles = null;
            } else {
                throw new IllegalArgumentException("Cannot unflatten " + PrimitiveArrays.typeName(flat)
                        + "; expected a primitive numeric array such as " + flatDType.arrayType().getSimpleName());
            }
        }

        int length() {
            return doubles != null ? doubles.length : longs.length;
        }

        boolean nonZero(int i) {
            return doubles != null ? doubles[i] != 0 : longs[i] != 0;
        }

        void store(DType dtype, Object out, int i, int from) {
            if (doubles != null) {
                PrimitiveArrays.setFromDouble(dtype, out, i, doubles[from]);
            } else {
                PrimitiveArrays.setFromLong(dtype, out, i, longs[from]);
            }
        }
    }

    static Object unflatten(Space<?> space, Object flat) {
        Source source = new Source(flat, flatDType(space));
        int n = flatdim(space);
        if (source.length() != n) {
            throw new IllegalArgumentException("Cannot unflatten an array of " + source.length() + " elements for " + space
                    + "; expected " + n + " (its flatdim)");
        }
        return read(space, source);
    }

    private static Object read(Space<?> space, Source src) {
        if (space instanceof Box) {
            Box<?> box = (Box<?>) space;
            Object out = PrimitiveArrays.newArray(box.dtype(), box.size());
            for (int i = 0; i < box.size(); i++) {
                src.store(box.dtype(), out, i, src.pos++);
            }
            return out;
        } else if (space instanceof Discrete) {
            Discrete d = (Discrete) space;
            int begin = src.pos;
            src.pos += d.n();
            for (int i = begin; i < src.pos; i++) {
                if (src.nonZero(i)) {
                    return d.start() + (i - begin);
                }
            }
            throw new IllegalArgumentException("Not a valid one-hot vector for " + space + ": all " + d.n() + " entries are 0. "
                    + "Not all valid samples in a flattened space can be unflattened.");
        } else if (space instanceof MultiDiscrete) {
            return readMultiDiscrete((MultiDiscrete) space, src);
        } else if (space instanceof MultiBinary) {
            MultiBinary mb = (MultiBinary) space;
            byte[] out = new byte[mb.size()];
            for (int i = 0; i < out.length; i++) {
                src.store(DType.INT8, out, i, src.pos++);
            }
            return out;
        } else if (space instanceof TupleSpace) {
            List<Space<?>> spaces = ((TupleSpace) space).spaces();
            Object[] values = new Object[spaces.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = read(spaces.get(i), src);
            }
            return Collections.unmodifiableList(Arrays.asList(values));
        } else if (space instanceof DictSpace) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Space<?>> e : ((DictSpace) space).spaces().entrySet()) {
                out.put(e.getKey(), read(e.getValue(), src));
            }
            return Collections.unmodifiableMap(out);
        }
        throw new AssertionError(space);
    }

    /** Gymnasium takes all non-zero positions and subtracts each variable's offset, which needs exactly one per variable. */
    private static long[] readMultiDiscrete(MultiDiscrete md, Source src) {
        long[] nvec = md.nvec();
        long[] start = md.start();
        int begin = src.pos;
        int n = flatdim(md);
        src.pos += n;
        List<Integer> nonZero = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (src.nonZero(begin + i)) {
                nonZero.add(i);
            }
        }
        if (nonZero.size() != nvec.length) {
            throw new IllegalArgumentException("Not a concatenation of one-hot vectors for " + md + ": expected " + nvec.length
                    + " non-zero entries, found " + nonZero.size() + ". Not all valid samples in a flattened space can be unflattened.");
        }
        long[] out = new long[nvec.length];
        long offset = 0;
        for (int k = 0; k < nvec.length; k++) {
            out[k] = nonZero.get(k) - offset + start[k];
            offset += nvec[k];
        }
        return out;
    }
}
