package dev.gym4j.worker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The learning-curve PNG of {@code gym4j train}, drawn with XChart. Stateless and thread-safe. */
final class LearningCurve {

    private LearningCurve() {
    }

    /**
     * @param file the PNG to write
     * @param envId for the title
     * @param steps env steps of each point (one-element arrays)
     * @param means the mean return of the last 100 episodes at each point
     */
    static void write(Path file, String envId, List<long[]> steps, List<Double> means) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(envId + ": PPO learning curve")
                .xAxisTitle("env steps").yAxisTitle("mean return (last 100 episodes)").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setXAxisDecimalPattern("#,###"); // 2,000,000 rather than XChart's default 2.0E6
        double[] x = new double[Math.max(1, steps.size())];
        double[] y = new double[x.length];
        for (int i = 0; i < steps.size(); i++) {
            x[i] = steps.get(i)[0];
            y[i] = means.get(i);
        }
        chart.addSeries("episode_reward_mean", x, y).setMarker(SeriesMarkers.NONE);
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
