package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.api.spaces.Box;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NormalizeObservationProperties {

    @Provide
    Arbitrary<List<double[]>> batches() {
        return Arbitraries.doubles().between(-100, 100).array(double[].class).ofSize(2).list().ofMinSize(1).ofMaxSize(60);
    }

    /**
     * The running statistics after N observations are those of the whole batch merged once with the
     * start state (mean 0, variance 1, count 1e-4): so the running mean is the batch mean, pulled towards
     * 0 by 1e-4 / (N + 1e-4).
     */
    @Property(tries = 100)
    void theRunningStatisticsAreTheBatchStatistics(@ForAll("batches") List<double[]> batch) {
        List<double[]> observations = new ArrayList<>(batch);
        NormalizeObservation<double[], Integer> env = new NormalizeObservation<>(
                NormalizeObservationTest.scripted(Box.float64(-100, 100, 2), observations));
        env.reset(0);
        for (int i = 1; i < observations.size(); i++) {
            env.step(0);
        }
        int n = observations.size();
        double c0 = NormalizeObservation.INITIAL_COUNT;
        for (int d = 0; d < 2; d++) {
            double sum = 0;
            for (double[] o : observations) {
                sum += o[d];
            }
            double batchMean = sum / n;
            double m2 = 0;
            for (double[] o : observations) {
                m2 += (o[d] - batchMean) * (o[d] - batchMean);
            }
            double total = c0 + n;
            double expectedMean = batchMean * n / total;
            double expectedVar = (c0 * 1 + m2 + batchMean * batchMean * c0 * n / total) / total;
            assertEquals(expectedMean, env.mean()[d], 1e-9 * (1 + Math.abs(batchMean)));
            assertEquals(batchMean, env.mean()[d], 2e-4 / n * Math.abs(batchMean) + 1e-12);
            assertEquals(expectedVar, env.var()[d], 1e-8 * (1 + expectedVar));
        }
        assertEquals(c0 + n, env.count(), 1e-12);
    }
}
