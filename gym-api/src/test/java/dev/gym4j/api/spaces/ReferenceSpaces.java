package dev.gym4j.api.spaces;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The spaces of make_reference.py, built in Java under the same names. */
final class ReferenceSpaces {

    private static final float INF = Float.POSITIVE_INFINITY;
    private static final double DINF = Double.POSITIVE_INFINITY;

    private ReferenceSpaces() {
    }

    /** @return a fresh supplier per name, as the script makes a fresh space per seed */
    static Map<String, Supplier<Space<?>>> spaces() {
        Map<String, Supplier<Space<?>>> m = new LinkedHashMap<>();
        m.put("discrete2", () -> new Discrete(2));
        m.put("discrete5_start-2", () -> new Discrete(5, -2));
        m.put("discrete1", () -> new Discrete(1));
        m.put("box_f32_bounded", () -> Box.float32(new float[] {-1f, -2.5f, 0f, 10f}, new float[] {1f, 2.5f, 0.1f, 1000f}));
        m.put("box_f32_scalar", () -> Box.float32(-2f, 2f, 1));
        m.put("box_f32_mixed", () -> Box.float32(new float[] {-INF, 0f, -INF, -1f, -5f, -INF},
                new float[] {INF, INF, 3f, 1f, INF, INF}, new int[] {2, 3}));
        m.put("box_f64", () -> Box.float64(-2.0, 3.0, 3));
        m.put("box_f64_mixed", () -> Box.float64(new double[] {-DINF, 1.5, -0.25}, new double[] {DINF, DINF, 0.75}));
        m.put("box_u8", () -> Box.uint8(0, 255, 2, 3));
        m.put("box_i32", () -> Box.of(DType.INT32, new double[] {-10, 0, 100}, new double[] {10, 1, 200}, new int[] {3}));
        m.put("box_i32_unbounded", () -> Box.of(DType.INT32, new double[] {-DINF, 0, -DINF}, new double[] {DINF, DINF, 7}, new int[] {3}));
        m.put("box_i64", () -> Box.int64(-1000, 1000, 3));
        m.put("multidiscrete", () -> new MultiDiscrete(2, 3, 4));
        m.put("multidiscrete_start", () -> new MultiDiscrete(new long[] {2, 3}, new long[] {-1, 5}));
        m.put("multibinary5", () -> new MultiBinary(5));
        m.put("multibinary_2x3", () -> new MultiBinary(new int[] {2, 3}));
        m.put("tuple", () -> new TupleSpace(new Discrete(3), Box.float32(-1f, 1f, 2)));
        m.put("dict", () -> {
            Map<String, Space<?>> d = new LinkedHashMap<>();
            d.put("b", new Discrete(3));
            d.put("a", Box.float32(-1f, 1f, 2));
            d.put("c", new TupleSpace(new MultiBinary(3), new MultiDiscrete(3, 3)));
            return new DictSpace(d);
        });
        m.put("dict_mixed_dtypes", () -> {
            Map<String, Space<?>> d = new LinkedHashMap<>();
            d.put("pixels", Box.uint8(0, 255, 2, 2));
            d.put("flags", new MultiBinary(2));
            d.put("speed", Box.float32(-1f, 1f, 1));
            return new DictSpace(d);
        });
        return m;
    }

    /** The boxes whose str() the script records under "box_reprs". */
    static Map<String, Box<?>> reprBoxes() {
        Map<String, Box<?>> m = new LinkedHashMap<>();
        float max = Float.MAX_VALUE;
        float theta = 0.41887903f;
        m.put("cartpole_obs", Box.float32(new float[] {-4.8f, -max, -theta, -max}, new float[] {4.8f, max, theta, max}));
        m.put("cartpole_obs_inf", Box.float32(new float[] {-4.8f, -INF, -theta, -INF}, new float[] {4.8f, INF, theta, INF}));
        m.put("mountaincar_obs", Box.float32(new float[] {-1.2f, -0.07f}, new float[] {0.6f, 0.07f}));
        m.put("pendulum_obs", Box.float32(new float[] {-1f, -1f, -8f}, new float[] {1f, 1f, 8f}));
        m.put("scalar_shape", Box.float32(-1f, 1f));
        m.put("empty_shape", Box.float32(-1f, 1f, 0));
        m.put("f64_third", Box.float64(new double[] {-1.0 / 3, 0.0}, new double[] {1.0 / 3, 2.0}));
        m.put("u8_image", Box.uint8(0, 255, 4, 4, 3));
        m.put("i32_mixed", Box.of(DType.INT32, new double[] {-5, 0}, new double[] {5, 100000}, new int[] {2}));
        m.put("i64_big", Box.of(DType.INT64, new double[] {-0x1p62, 0}, new double[] {0x1p62, 1}, new int[] {2}));
        m.put("i32_inf", Box.of(DType.INT32, new double[] {-DINF, -DINF}, new double[] {DINF, DINF}, new int[] {2}));
        m.put("f32_large", Box.float32(-1e6f, 1e6f, 2));
        m.put("f32_wide_range", Box.float32(new float[] {1e-5f, 0f}, new float[] {1f, 1e5f}));
        float[] lo = new float[6];
        float[] hi = new float[6];
        for (int i = 0; i < 6; i++) {
            hi[i] = i + 1;
            lo[i] = -hi[i] / 7f;
        }
        m.put("f32_matrix", Box.float32(lo, hi, new int[] {2, 3}));
        float[] lo20 = new float[20];
        float[] hi20 = new float[20];
        for (int i = 0; i < 20; i++) {
            lo20[i] = -(i + 1f) / 3f;
            hi20[i] = (i + 1f) * 1.1f;
        }
        m.put("f32_long_row", Box.float32(lo20, hi20));
        m.put("f32_neg_zero", Box.float32(-0f, 1f, 2));
        m.put("f64_big", Box.float64(new double[] {-1e20, 1.0}, new double[] {1e20, 2.0}));
        return m;
    }
}
