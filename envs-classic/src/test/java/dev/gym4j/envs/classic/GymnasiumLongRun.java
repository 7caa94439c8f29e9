package dev.gym4j.envs.classic;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Discrete;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Steps a classic env through {@code Gym.make} with the same seeded random actions and resets as
 * {@code scripts/gymnasium_longrun.py} and compares every step, bit for bit, with what Gymnasium streamed on
 * standard input. {@code scripts/gymnasium_longrun.sh} runs both; exits 1 on the first difference.
 *
 * <p>Arguments: {@code ENV_ID STEPS SEED}.
 */
final class GymnasiumLongRun {
    private GymnasiumLongRun() {}

    private static long state;

    private static long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws IOException {
        String id = args[0];
        long steps = Long.parseLong(args[1]);
        state = Long.parseLong(args[2]);
        long start = System.nanoTime();
        Env<float[], Object> env = Gym.make(id);
        Object space = env.actionSpace();
        boolean discrete = space instanceof Discrete;
        long n = discrete ? ((Discrete) space).n() : 0;
        float high = discrete ? 0f : (id.startsWith("Pendulum") ? 2.0f : 1.0f);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 20));
        long done = 0;
        long episodes = 0;
        long seeded = 0;
        long terminations = 0;
        String difference = null;
        outer:
        while (done < steps) {
            long z = next();
            ResetResult<float[]> r;
            if (episodes == 0 || Long.remainderUnsigned(z, 4) == 0) {
                r = env.reset(z >>> 33);
                seeded++;
            } else {
                r = env.reset();
            }
            boolean wide = ((z >>> 2) & 7) == 0;
            episodes++;
            float[] want = readObs(in, 'R', r.observation().length);
            if (!Arrays.equals(want, r.observation())) {
                difference = "episode " + episodes + " reset: Gymnasium " + Arrays.toString(want) + ", gym4j "
                        + Arrays.toString(r.observation());
                break;
            }
            while (done < steps) {
                z = next();
                Object action;
                if (discrete) {
                    action = (int) Long.remainderUnsigned(z, n);
                } else {
                    long k = (z >>> 40) - (1L << 23);
                    action = new float[] {(float) (k * Math.scalb(1.0, wide ? -22 : -23) * high)};
                }
                StepResult<float[]> s = env.step(action);
                done++;
                float[] obs = readObs(in, 'S', s.observation().length);
                byte[] tail = in.readNBytes(10);
                if (tail.length != 10) {
                    throw new EOFException("Gymnasium's stream ended at step " + done);
                }
                ByteBuffer b = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
                double reward = b.getDouble();
                boolean terminated = b.get() != 0;
                boolean truncated = b.get() != 0;
                if (!Arrays.equals(obs, s.observation())
                        || Double.doubleToRawLongBits(reward) != Double.doubleToRawLongBits(s.reward())
                        || terminated != s.terminated() || truncated != s.truncated()) {
                    difference = "step " + done + " (episode " + episodes + ", action " + actionString(action)
                            + "): Gymnasium " + Arrays.toString(obs) + " " + reward + " " + terminated + " " + truncated
                            + ", gym4j " + Arrays.toString(s.observation()) + " " + s.reward() + " " + s.terminated()
                            + " " + s.truncated();
                    break outer;
                }
                if (s.terminated()) {
                    terminations++;
                }
                if (s.terminated() || s.truncated()) {
                    break;
                }
            }
        }
        env.close();
        long exact = difference == null ? done : done - 1;
        System.out.printf("%s: %,d steps compared, %,d identical to Gymnasium, %,d episodes (%,d seeded resets,"
                        + " %,d terminated), differences: %s (%.1f s)%n", id, done, exact, episodes, seeded,
                terminations, difference == null ? "0" : "first at " + difference, (System.nanoTime() - start) / 1e9);
        System.exit(difference == null ? 0 : 1);
    }

    private static String actionString(Object action) {
        return action instanceof float[] f ? Arrays.toString(f) : String.valueOf(action);
    }

    private static float[] readObs(DataInputStream in, char tag, int length) throws IOException {
        int t = in.read();
        if (t != tag) {
            throw new IOException("expected record '" + tag + "' from Gymnasium, got " + t);
        }
        byte[] raw = in.readNBytes(4 * length);
        if (raw.length != 4 * length) {
            throw new EOFException("Gymnasium's stream ended inside an observation");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }
}
