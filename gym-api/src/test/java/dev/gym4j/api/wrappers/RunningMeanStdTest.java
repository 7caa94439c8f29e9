package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.DType;
import org.junit.jupiter.api.Test;

class RunningMeanStdTest {

    @Test
    void frozenStatisticsCheckTheirArgumentsAndChangeNothingAndTheWrapperFreezesThem() {
        RunningMeanStd rms = new RunningMeanStd(2, DType.FLOAT64);
        rms.update(new double[] {1, 2, 3, 4}, 2);
        double[] mean = rms.mean();
        double[] var = rms.var();
        double count = rms.count();
        rms.setFrozen(true);
        rms.update(new double[] {100, 200}, 1);
        assertArrayEquals(mean, rms.mean());
        assertArrayEquals(var, rms.var());
        assertEquals(count, rms.count());
        assertThrows(InvalidArgumentException.class, () -> rms.update(new float[] {1, 2}, 1), "a wrong dtype is refused while frozen too");
        rms.setFrozen(false);
        rms.update(new double[] {100, 200}, 1);
        assertEquals(count + 1, rms.count());

        var single = new NormalizeObservation<>(new dev.gym4j.testkit.fixtures.ScriptedEnv<>(
                dev.gym4j.api.spaces.Box.float64(-1, 1, 2), new dev.gym4j.api.spaces.Discrete(2), new double[2], java.util.List.of()));
        single.setUpdateRunningMean(false);
        assertEquals(true, single.runningMeanStd().frozen());
        assertEquals(false, single.updateRunningMean());
    }

    @Test
    void startsAtGymnasiumsInitialValues() {
        RunningMeanStd rms = new RunningMeanStd(3, DType.FLOAT32);
        assertArrayEquals(new double[3], rms.mean());
        assertArrayEquals(new double[] {1, 1, 1}, rms.var());
        assertEquals(1e-4, rms.count());
    }

    @Test
    void batchesGiveTheParallelUpdateOfTheirMoments() {
        Generator g = Generator.fromSeed(5);
        int rows = 7;
        double[] x = new double[rows * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.normal(3.0, 2.0);
        }
        RunningMeanStd rms = new RunningMeanStd(2, DType.FLOAT64);
        rms.update(x, rows);
        for (int k = 0; k < 2; k++) {
            double mean = 0;
            for (int r = 0; r < rows; r++) {
                mean += x[r * 2 + k] / rows;
            }
            double var = 0;
            for (int r = 0; r < rows; r++) {
                var += (x[r * 2 + k] - mean) * (x[r * 2 + k] - mean) / rows;
            }
            double total = 1e-4 + rows;
            double delta = mean - 0;
            assertEquals(delta * rows / total, rms.mean()[k], 1e-12);
            assertEquals((1e-4 + var * rows + delta * delta * 1e-4 * rows / total) / total, rms.var()[k], 1e-12);
        }
        assertEquals(1e-4 + rows, rms.count());
    }

    @Test
    void oneBatchOfManyRowsAndThoseRowsOneByOneAgreeClosely() {
        Generator g = Generator.fromSeed(9);
        float[] x = new float[50 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) g.normal(-1.0, 0.5);
        }
        RunningMeanStd batch = new RunningMeanStd(4, DType.FLOAT32);
        batch.update(x, 50);
        RunningMeanStd single = new RunningMeanStd(4, DType.FLOAT32);
        for (int r = 0; r < 50; r++) {
            float[] row = new float[4];
            System.arraycopy(x, r * 4, row, 0, 4);
            single.update(row, 1);
        }
        assertArrayEquals(batch.mean(), single.mean(), 1e-5);
        assertArrayEquals(batch.var(), single.var(), 1e-4);
        float[] z = new float[x.length];
        batch.normalize(x, z, 50, 1e-8);
        double sum = 0;
        for (int r = 0; r < 50; r++) {
            sum += z[r * 4];
        }
        assertEquals(0.0, sum / 50, 1e-3);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(InvalidArgumentException.class, () -> new RunningMeanStd(0, DType.FLOAT32));
        assertThrows(InvalidArgumentException.class, () -> new RunningMeanStd(2, DType.INT64));
        RunningMeanStd rms = new RunningMeanStd(2, DType.FLOAT32);
        assertThrows(InvalidArgumentException.class, () -> rms.update(new double[2], 1));
        assertThrows(InvalidArgumentException.class, () -> rms.update(new float[3], 2));
        assertThrows(InvalidArgumentException.class, () -> rms.update(new float[2], 0));
        assertThrows(InvalidArgumentException.class, () -> rms.normalize(new float[2], new float[2], 1, -1));
        assertThrows(InvalidArgumentException.class, () -> RunningMeanStd.requireEpsilon(Double.NaN));
    }
}
