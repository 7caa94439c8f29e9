package dev.gym4j.api.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * N single envs stepped one by one with the plain {@code Env} API and Gymnasium's autoreset rules
 * written out longhand: what every vector env must reproduce.
 */
final class ReferenceRun {

    private final Env<float[], Integer>[] envs;
    private final AutoresetMode mode;
    private final boolean[] needsReset;
    final float[][] observations;
    final double[] rewards;
    final boolean[] terminations;
    final boolean[] truncations;
    final Map<String, Object>[] infos;

    @SuppressWarnings("unchecked")
    ReferenceRun(int n, IntFunction<Env<float[], Integer>> factory, AutoresetMode mode) {
        this.envs = (Env<float[], Integer>[]) new Env<?, ?>[n];
        for (int i = 0; i < n; i++) {
            envs[i] = factory.apply(i);
        }
        this.mode = mode;
        needsReset = new boolean[n];
        observations = new float[n][];
        rewards = new double[n];
        terminations = new boolean[n];
        truncations = new boolean[n];
        infos = (Map<String, Object>[]) new Map<?, ?>[n];
    }

    void reset(Long seed, Map<String, ?> options, boolean[] mask) {
        for (int i = 0; i < envs.length; i++) {
            if (mask == null || mask[i]) {
                resetOne(i, seed == null ? null : seed + i, options);
            } else {
                // a row a masked reset leaves alone keeps its observation; reward and flags read as a reset's
                rewards[i] = 0;
                terminations[i] = false;
                truncations[i] = false;
                infos[i] = Map.of();
            }
        }
    }

    void resetOne(int i, Long seed, Map<String, ?> options) {
        ResetResult<float[]> r = envs[i].reset(seed, options);
        observations[i] = r.observation().clone();
        rewards[i] = 0;
        terminations[i] = false;
        truncations[i] = false;
        infos[i] = r.info();
        needsReset[i] = false;
    }

    void step(int i, int action) {
        if (mode == AutoresetMode.NEXT_STEP && needsReset[i]) {
            resetOne(i, null, Map.of());
            return;
        }
        StepResult<float[]> r = envs[i].step(action);
        observations[i] = r.observation().clone();
        rewards[i] = r.reward();
        terminations[i] = r.terminated();
        truncations[i] = r.truncated();
        infos[i] = r.info();
        boolean done = r.terminated() || r.truncated();
        if (done && mode == AutoresetMode.SAME_STEP) {
            ResetResult<float[]> reset = envs[i].reset();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("final_obs", r.observation().clone());
            info.put("final_info", r.info());
            info.putAll(reset.info());
            observations[i] = reset.observation().clone();
            infos[i] = info;
        } else {
            needsReset[i] = done && mode == AutoresetMode.NEXT_STEP;
        }
    }

    void stepAll(long[] actions) {
        for (int i = 0; i < envs.length; i++) {
            step(i, (int) actions[i]);
        }
    }

    boolean[] doneMask() {
        boolean[] mask = new boolean[envs.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = terminations[i] || truncations[i];
        }
        return mask;
    }

    void close() {
        for (Env<?, ?> e : envs) {
            e.close();
        }
    }

    /** Checks every row of {@code batch} against the reference's current values of the row's sub-env. */
    void assertMatches(VectorBatch<float[]> batch, String when) {
        int rowSize = batch.observations().length / batch.size();
        for (int j = 0; j < batch.size(); j++) {
            int env = batch.envIds()[j];
            String where = when + ", row " + j + " (sub-env " + env + ")";
            assertArrayEquals(observations[env], Arrays.copyOfRange(batch.observations(), j * rowSize, (j + 1) * rowSize), where);
            assertEquals(rewards[env], batch.rewards()[j], where);
            assertEquals(terminations[env], batch.terminations()[j], where);
            assertEquals(truncations[env], batch.truncations()[j], where);
            assertTrue(deepEquals(infos[env], batch.info(j)), where + ": info " + infos[env] + " vs " + batch.info(j));
        }
    }

    static List<Env<float[], Integer>> make(int n, IntFunction<Env<float[], Integer>> factory) {
        Env<float[], Integer>[] envs = new ReferenceRun(n, factory, AutoresetMode.NEXT_STEP).envs;
        return List.of(envs);
    }

    /** Map and array aware equality: arrays by content, maps key by key. */
    static boolean deepEquals(Object a, Object b) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) {
                return false;
            }
            for (Object k : ma.keySet()) {
                if (!deepEquals(ma.get(k), mb.get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray() && !(a instanceof Object[])) {
            if (a.getClass() != b.getClass() || Array.getLength(a) != Array.getLength(b)) {
                return false;
            }
            return Objects.deepEquals(a, b);
        }
        if (a instanceof Object[] oa && b instanceof Object[] ob) {
            if (oa.length != ob.length) {
                return false;
            }
            for (int i = 0; i < oa.length; i++) {
                if (!deepEquals(oa[i], ob[i])) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
