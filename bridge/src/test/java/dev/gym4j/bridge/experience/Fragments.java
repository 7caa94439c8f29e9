package dev.gym4j.bridge.experience;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test trajectories whose content is a function of (worker, sequence), so that a receiver can check it. */
final class Fragments {

    private Fragments() {
    }

    static String experiment(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    static Trajectory of(String experiment, String worker, long seq, int steps) {
        float[] obs = new float[steps * 4];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = seq * 1000 + i + worker.hashCode() % 7;
        }
        long[] actions = new long[steps];
        float[] rewards = new float[steps];
        float[] logp = new float[steps];
        boolean[] term = new boolean[steps];
        boolean[] trunc = new boolean[steps];
        for (int i = 0; i < steps; i++) {
            actions[i] = (seq + i) % 2;
            rewards[i] = i + 0.5f;
            logp[i] = -0.69f - i;
            term[i] = i == steps - 1 && seq % 2 == 0;
            trunc[i] = i == steps - 1 && seq % 3 == 0 && !term[i];
        }
        return new Trajectory(experiment, worker, seq, seq / 10, "CartPole-v1", seq,
                TensorData.ofFloats(new int[] {steps, 4}, obs), TensorData.ofLongs(new int[] {steps}, actions),
                rewards, term, trunc, TensorData.ofFloats(new int[] {4}, new float[] {1, 2, 3, (float) seq}),
                Map.of(Trajectory.LOGPROB, TensorData.ofFloats(new int[] {steps}, logp)));
    }

    /** @return whether {@code t} is exactly what {@link #of} makes for its key */
    static boolean intact(Trajectory t, int steps) {
        Trajectory expected = of(t.experiment(), t.workerId(), t.sequence(), steps);
        return expected.observations().equals(t.observations()) && expected.actions().equals(t.actions())
                && java.util.Arrays.equals(expected.rewards(), t.rewards())
                && java.util.Arrays.equals(expected.terminated(), t.terminated())
                && java.util.Arrays.equals(expected.truncated(), t.truncated())
                && expected.lastObservation().equals(t.lastObservation()) && expected.extras().equals(t.extras())
                && expected.policyVersion() == t.policyVersion() && expected.episodeId() == t.episodeId();
    }
}
