package dev.gym4j.bridge;

import dev.gym4j.api.Env;
import dev.gym4j.api.GymException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the session of a client that asked for a vector env: N copies made by the server's factory,
 * stepped together, with Gymnasium 1.x's default autoreset (an env that ended is reset by the next step,
 * which ignores its action and reports reward 0 and no end).
 *
 * <p>Thread-safe (stateless).
 */
final class VectorSessions {

    private VectorSessions() {
    }

    static Session make(EnvFactory factory, String envId, Map<String, Object> kwargs, int numEnvs) {
        List<Env<Object, Object>> envs = new ArrayList<>(numEnvs);
        try {
            for (int i = 0; i < numEnvs; i++) {
                @SuppressWarnings("unchecked")
                Env<Object, Object> env = (Env<Object, Object>) factory.make(envId, kwargs);
                envs.add(env);
            }
            Space<?> obs = envs.get(0).observationSpace();
            Space<?> act = envs.get(0).actionSpace();
            return new VectorSession(envs, Batching.of(obs, numEnvs), Batching.of(act, numEnvs));
        } catch (RuntimeException e) {
            envs.forEach(Env::close);
            throw e;
        }
    }

    /** How one space's values are stacked into a batch, as Gymnasium's {@code batch_space} and {@code concatenate}. */
    record Batching(Space<?> single, Space<?> batched, int elements, dev.gym4j.bridge.proto.DType dtype) {

        static Batching of(Space<?> single, int n) {
            if (single instanceof Box<?> box) {
                int[] shape = prepend(n, box.shape());
                double[] low = tile(box.low(), box.boundedBelow(), Double.NEGATIVE_INFINITY, n);
                double[] high = tile(box.high(), box.boundedAbove(), Double.POSITIVE_INFINITY, n);
                return new Batching(single, Box.of(box.dtype(), low, high, shape), box.size(), Tensors.toWire(box.dtype()));
            }
            if (single instanceof Discrete d) {
                long[] nvec = new long[n];
                long[] start = new long[n];
                java.util.Arrays.fill(nvec, d.n());
                java.util.Arrays.fill(start, d.start());
                return new Batching(single, new MultiDiscrete(nvec, start), 1, dev.gym4j.bridge.proto.DType.DTYPE_INT64);
            }
            if (single instanceof MultiBinary mb) {
                return new Batching(single, new MultiBinary(prepend(n, mb.shape())), mb.size(), dev.gym4j.bridge.proto.DType.DTYPE_INT8);
            }
            if (single instanceof MultiDiscrete md) {
                int k = md.nvec().length;
                double[] low = new double[n * k];
                double[] high = new double[n * k];
                for (int i = 0; i < n * k; i++) {
                    low[i] = md.start()[i % k];
                    high[i] = md.start()[i % k] + md.nvec()[i % k] - 1;
                }
                return new Batching(single, Box.of(dev.gym4j.api.spaces.DType.INT64, low, high, new int[] {n, k}), k,
                        dev.gym4j.bridge.proto.DType.DTYPE_INT64);
            }
            throw new GymException("vector envs over " + single + " are not served yet (Box, Discrete, MultiDiscrete and MultiBinary are)");
        }

        private static int[] prepend(int n, int[] shape) {
            int[] out = new int[shape.length + 1];
            out[0] = n;
            System.arraycopy(shape, 0, out, 1, shape.length);
            return out;
        }

        private static double[] tile(double[] bound, boolean[] bounded, double unbounded, int n) {
            double[] out = new double[bound.length * n];
            for (int i = 0; i < out.length; i++) {
                int j = i % bound.length;
                out[i] = bounded[j] ? bound[j] : unbounded;
            }
            return out;
        }
    }
}
