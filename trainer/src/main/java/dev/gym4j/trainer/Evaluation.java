package dev.gym4j.trainer;

import java.util.List;

/**
 * The result of evaluating a policy over whole episodes.
 *
 * @param returns each episode's return, in order
 * @param lengths each episode's length
 * @param successes episodes whose final info said {@code is_success} (or {@code success}) true
 * @param reportsSuccess whether the env reported success at all
 */
public record Evaluation(List<Double> returns, List<Integer> lengths, int successes, boolean reportsSuccess) {

    /** Copies the lists. */
    public Evaluation {
        returns = List.copyOf(returns);
        lengths = List.copyOf(lengths);
    }

    /** @return the mean return */
    public double mean() {
        return returns.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** @return the population standard deviation of the returns */
    public double std() {
        double m = mean();
        return Math.sqrt(returns.stream().mapToDouble(r -> (r - m) * (r - m)).average().orElse(Double.NaN));
    }

    /** @return the fraction of successful episodes, NaN when the env reports none */
    public double successRate() {
        return reportsSuccess ? (double) successes / returns.size() : Double.NaN;
    }
}
