package dev.gym4j.envs.robotics;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.envs.robotics.internal.physics.PlanarWorld;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helpers: the envs by name, reproducible action streams and trajectory hashes. */
final class Trajectories {

    static final List<String> NAMES = List.of("Reacher", "Hopper", "Walker2d", "HalfCheetah", "Humanoid");

    private Trajectories() {
    }

    static String id(String name) {
        return "planar/" + name + "-v0";
    }

    /** @return a directly built env (no wrappers), so tests can reach its physics */
    static AbstractEnv<double[], float[]> create(String name, Map<String, ?> kwargs) {
        switch (name) {
            case "Reacher":
                return new ReacherEnv(kwargs);
            case "Hopper":
                return new HopperEnv(kwargs);
            case "Walker2d":
                return new Walker2dEnv(kwargs);
            case "HalfCheetah":
                return new HalfCheetahEnv(kwargs);
            case "Humanoid":
                return new HumanoidEnv(kwargs);
            default:
                throw new AssertionError(name);
        }
    }

    static PlanarWorld world(Env<?, ?> env) {
        Env<?, ?> u = env.unwrapped();
        if (u instanceof LocomotionEnv l) {
            return l.world();
        }
        if (u instanceof ReacherEnv r) {
            return r.world();
        }
        throw new AssertionError(u);
    }

    static double[] qpos(Env<?, ?> env) {
        return world(env).qpos();
    }

    /** Fills {@code action} from {@code rng}: uniform in [-scale, scale]. */
    static void uniform(SplittableRandom rng, float[] action, double scale) {
        for (int i = 0; i < action.length; i++) {
            action[i] = (float) (scale * (2 * rng.nextDouble() - 1));
        }
    }

    /** A hash builder over the exact bits of doubles. */
    static final class Hash {
        private final MessageDigest digest;
        private final ByteBuffer buffer = ByteBuffer.allocate(8);

        Hash() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        Hash add(double v) {
            buffer.clear();
            buffer.putLong(Double.doubleToRawLongBits(v));
            digest.update(buffer.array());
            return this;
        }

        Hash add(double[] vs) {
            for (double v : vs) {
                add(v);
            }
            return this;
        }

        Hash add(StepResult<double[]> s) {
            return add(s.observation()).add(s.reward()).add(s.terminated() ? 1 : 0);
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        }
    }

    /**
     * Runs {@code steps} steps from {@code reset(seed)} with uniform actions in [-1.2, 1.2] from a stream
     * seeded with {@code seed}, never resetting (a terminated walker keeps being simulated).
     *
     * @return the hash of the reset observation and of every step's observation, reward and flag
     */
    static String hashRun(Env<double[], float[]> env, long seed, int steps) {
        Hash h = new Hash().add(env.reset(seed).observation());
        SplittableRandom rng = new SplittableRandom(seed);
        float[] action = new float[env.actionSpace().shape()[0]];
        for (int t = 0; t < steps; t++) {
            uniform(rng, action, 1.2);
            h.add(env.step(action));
        }
        return h.hex();
    }
}
