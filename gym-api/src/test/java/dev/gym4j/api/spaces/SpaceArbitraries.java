package dev.gym4j.api.spaces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of spaces, one per permitted subclass of {@link Space}; {@link SpaceCoverageTest}
 * checks that none is missing.
 */
final class SpaceArbitraries {

    private SpaceArbitraries() {
    }

    /** @return a generator per space class */
    static Map<Class<?>, Arbitrary<Space<?>>> perClass() {
        Map<Class<?>, Arbitrary<Space<?>>> m = new LinkedHashMap<>();
        m.put(Box.class, boxes());
        m.put(Discrete.class, discretes());
        m.put(MultiDiscrete.class, multiDiscretes());
        m.put(MultiBinary.class, multiBinaries());
        m.put(TupleSpace.class, tuples());
        m.put(DictSpace.class, dicts());
        return m;
    }

    /** @return any space, composite ones included */
    static Arbitrary<Space<?>> spaces() {
        return Arbitraries.oneOf(new ArrayList<>(perClass().values()));
    }

    static Arbitrary<Space<?>> leaves() {
        return Arbitraries.oneOf(boxes(), discretes(), multiDiscretes(), multiBinaries());
    }

    static Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(1, 3).list().ofMinSize(0).ofMaxSize(3)
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Boxes of every dtype; float boxes mix bounded, half-bounded and unbounded elements. */
    static Arbitrary<Space<?>> boxes() {
        Arbitrary<DType> dtypes = Arbitraries.of(DType.FLOAT32, DType.FLOAT64, DType.UINT8, DType.INT8, DType.INT32, DType.INT64);
        return Combinators.combine(dtypes, shapes(), Arbitraries.longs()).as(SpaceArbitraries::box);
    }

    private static Space<?> box(DType dtype, int[] shape, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            double a;
            double b;
            switch (dtype) {
                case UINT8: a = r.nextInt(256); b = r.nextInt(256); break;
                case INT8: a = r.nextInt(-128, 128); b = r.nextInt(-128, 128); break;
                case INT32:
                case INT64: a = r.nextInt(-1000, 1000); b = r.nextInt(-1000, 1000); break;
                default:
                    a = r.nextInt(4) == 0 ? Double.NEGATIVE_INFINITY : (r.nextDouble() - 0.5) * 200;
                    b = r.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : (r.nextDouble() - 0.5) * 200;
            }
            low[i] = Math.min(a, b);
            high[i] = Math.max(a, b);
        }
        return Box.of(dtype, low, high, shape);
    }

    static Arbitrary<Space<?>> discretes() {
        return Combinators.combine(Arbitraries.integers().between(1, 50), Arbitraries.integers().between(-20, 20))
                .as(Discrete::new);
    }

    static Arbitrary<Space<?>> multiDiscretes() {
        Arbitrary<long[]> nvec = Arbitraries.longs().between(1, 9).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> l.stream().mapToLong(Long::longValue).toArray());
        return nvec.flatMap(nv -> Arbitraries.longs().between(-5, 5).list().ofSize(nv.length)
                .map(st -> new MultiDiscrete(nv, st.stream().mapToLong(Long::longValue).toArray())));
    }

    static Arbitrary<Space<?>> multiBinaries() {
        Arbitrary<Space<?>> flat = Arbitraries.integers().between(1, 9).map(MultiBinary::new);
        Arbitrary<Space<?>> shaped = Arbitraries.integers().between(1, 3).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> new MultiBinary(l.stream().mapToInt(Integer::intValue).toArray()));
        return Arbitraries.oneOf(flat, shaped);
    }

    static Arbitrary<Space<?>> tuples() {
        return Arbitraries.oneOf(leaves(), Arbitraries.lazy(SpaceArbitraries::nestedComposite))
                .list().ofMinSize(1).ofMaxSize(3).map(TupleSpace::new);
    }

    static Arbitrary<Space<?>> dicts() {
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
        return Arbitraries.maps(keys, Arbitraries.oneOf(leaves(), Arbitraries.lazy(SpaceArbitraries::nestedComposite)))
                .ofMinSize(1).ofMaxSize(3).map(DictSpace::new);
    }

    /** One level of nesting: a tuple or dict of leaves. */
    private static Arbitrary<Space<?>> nestedComposite() {
        Arbitrary<List<Space<?>>> leafList = leaves().list().ofMinSize(1).ofMaxSize(2);
        return Arbitraries.oneOf(leafList.map(TupleSpace::new), leafList.map(l -> {
            Map<String, Space<?>> m = new LinkedHashMap<>();
            for (int i = 0; i < l.size(); i++) {
                m.put("k" + (l.size() - i), l.get(i));
            }
            return new DictSpace(m);
        }));
    }
}
