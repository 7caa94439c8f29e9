package dev.gym4j.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import dev.gym4j.policy.internal.SpaceFit;
import org.junit.jupiter.api.Test;

class SpaceFitTest {

    static final double F32_MAX = Float.MAX_VALUE;

    /** CartPole's observation space as Gymnasium writes it: np.finfo(np.float32).max for the velocities. */
    static Box<?> gymnasiumCartPole() {
        double x = (float) 4.8;
        double theta = (float) (2 * 12 * 2 * Math.PI / 360);
        return Box.of(DType.FLOAT32, new double[] {-x, -F32_MAX, -theta, -F32_MAX},
                new double[] {x, F32_MAX, theta, F32_MAX}, new int[] {4});
    }

    @Test
    void gymnasiumsFloat32MaxBoundsMatchGym4jsInfiniteOnes() {
        Space<?> env = Gym.make("CartPole-v1").observationSpace();
        Box<?> gymnasium = gymnasiumCartPole();
        assertFalse(gymnasium.equals(env), "the premise: equals tells them apart");
        assertTrue(SpaceFit.fits(gymnasium, env));
        assertTrue(SpaceFit.fits(env, gymnasium));
        assertTrue(SpaceFit.fits(new TupleSpace(gymnasium, new Discrete(2)), new TupleSpace(env, new Discrete(2))));
    }

    @Test
    void otherDifferencesStillCount() {
        Space<?> env = Gym.make("CartPole-v1").observationSpace();
        double x = (float) 4.8;
        // the sign of an unbounded side
        assertFalse(SpaceFit.fits(Box.of(DType.FLOAT32, new double[] {-x, F32_MAX, -0.41887903, -F32_MAX},
                new double[] {x, F32_MAX, 0.41887903, F32_MAX}, new int[] {4}), env));
        // a finite bound that differs by more than np.allclose allows
        assertFalse(SpaceFit.fits(Box.of(DType.FLOAT32, new double[] {-4.7, -F32_MAX, -0.41887903, -F32_MAX},
                new double[] {4.7, F32_MAX, 0.41887903, F32_MAX}, new int[] {4}), env));
        // a large but not the largest float32 is a real bound
        assertFalse(SpaceFit.fits(Box.of(DType.FLOAT32, new double[] {-x, -1e38, -0.41887903, -1e38},
                new double[] {x, 1e38, 0.41887903, 1e38}, new int[] {4}), env));
        // the dtype's largest value is what matters: float32 max is finite in a float64 Box
        Box<?> f64 = Box.of(DType.FLOAT64, new double[] {-F32_MAX}, new double[] {F32_MAX}, new int[] {1});
        Box<?> f64Inf = Box.of(DType.FLOAT64, new double[] {Double.NEGATIVE_INFINITY},
                new double[] {Double.POSITIVE_INFINITY}, new int[] {1});
        assertFalse(SpaceFit.fits(f64, f64Inf));
        // shape, dtype, kind
        assertFalse(SpaceFit.fits(Box.of(DType.FLOAT32, new double[] {-1, -1, -1}, new double[] {1, 1, 1},
                new int[] {3}), env));
        assertFalse(SpaceFit.fits(Box.of(DType.FLOAT64, new double[] {-x, Double.NEGATIVE_INFINITY, -0.41887903,
            Double.NEGATIVE_INFINITY}, new double[] {x, Double.POSITIVE_INFINITY, 0.41887903, Double.POSITIVE_INFINITY},
                new int[] {4}), env));
        assertFalse(SpaceFit.fits(new Discrete(3), new Discrete(2)));
        assertFalse(SpaceFit.fits(new TupleSpace(new Discrete(2)), new TupleSpace(new Discrete(2), new Discrete(2))));
    }
}
