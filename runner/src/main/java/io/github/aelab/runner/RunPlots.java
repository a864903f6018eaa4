package io.github.aelab.runner;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.train.EpochRecord;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG plots of a run record: loss curves per stage, a 2-D view of the test codes coloured by
 * label, and for images a grid of test images over their reconstructions; for a detector run the
 * ROC and precision-recall curves of the detector and its baselines on one chart each; for a
 * clusterer run the clustered rows on two principal components, coloured by cluster.
 */
final class RunPlots {
  static {
    System.setProperty("java.awt.headless", "true"); // servers and CI have no display
  }

  /** The most rows a scatter plot draws. */
  static final int MAX_POINTS = 5000;

  private RunPlots() {}

  static void lossCurves(List<EpochRecord> history, Path file) {
    XYChart chart = new XYChartBuilder().width(800).height(500).title("loss per epoch").xAxisTitle("epoch (all stages)")
        .yAxisTitle("loss").build();
    chart.getStyler().setYAxisLogarithmic(history.stream().allMatch(r -> r.trainLoss() > 0));
    Map<String, List<double[]>> train = new LinkedHashMap<>();
    Map<String, List<double[]>> validation = new LinkedHashMap<>();
    for (int i = 0; i < history.size(); i++) {
      EpochRecord r = history.get(i);
      train.computeIfAbsent(r.stage(), k -> new ArrayList<>()).add(new double[] {i + 1, r.trainLoss()});
      if (!Double.isNaN(r.validationLoss())) {
        validation.computeIfAbsent(r.stage(), k -> new ArrayList<>()).add(new double[] {i + 1, r.validationLoss()});
      }
    }
    train.forEach((stage, points) -> add(chart, stage + " (train)", points));
    validation.forEach((stage, points) -> add(chart, stage + " (validation)", points));
    save(chart, file);
  }

  /** Codes of width 1 are drawn against the row number, wider codes by their first two units. */
  static void codes2d(float[] codes, int width, int[] labels, Path file) {
    int rows = codes.length / width;
    XYChart chart = new XYChartBuilder().width(700).height(700).title("test codes" + (labels == null ? "" : " by label"))
        .xAxisTitle(width == 1 ? "row" : "code 0").yAxisTitle(width == 1 ? "code 0" : "code 1").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(4);
    Map<Integer, List<double[]>> byLabel = new TreeMap<>();
    for (int i = 0; i < rows; i++) {
      int label = labels == null ? 0 : labels[i];
      double x = width == 1 ? i : codes[i * width];
      double y = width == 1 ? codes[i] : codes[i * width + 1];
      byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(new double[] {x, y});
    }
    byLabel.forEach((label, points) -> add(chart, labels == null ? "rows" : "label " + label, points)
        .setMarker(SeriesMarkers.CIRCLE));
    save(chart, file);
  }

  /**
   * Rows projected to two dimensions ({@code xy}, two values per row), one colour per cluster:
   * what a clusterer run can draw without the clusterer's codes. At most {@code MAX_POINTS} rows,
   * evenly spaced, so that a 70,000-row run draws in a second and the chart stays readable.
   */
  static void clusters2d(float[] xy, int[] clusters, String title, Path file) {
    XYChart chart = new XYChartBuilder().width(700).height(700).title(title).xAxisTitle("principal component 1")
        .yAxisTitle("principal component 2").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(3);
    int step = Math.max(1, (clusters.length + MAX_POINTS - 1) / MAX_POINTS);
    Map<Integer, List<double[]>> byCluster = new TreeMap<>();
    for (int i = 0; i < clusters.length; i += step) {
      byCluster.computeIfAbsent(clusters[i], k -> new ArrayList<>()).add(new double[] {xy[2 * i], xy[2 * i + 1]});
    }
    byCluster.forEach((cluster, points) -> add(chart, "cluster " + cluster, points).setMarker(SeriesMarkers.CIRCLE));
    save(chart, file);
  }

  /** Up to 10 test images (top row) over their reconstructions (bottom row), scaled up 3x. */
  static void reconstructions(Dataset test, float[] reconstruction, Path file) {
    int[] shape = test.imageShape();
    int h = shape[0];
    int w = shape[1];
    int n = Math.min(10, test.rows());
    int scale = 3;
    BufferedImage img = new BufferedImage(n * (w + 2) * scale, 2 * (h + 2) * scale, BufferedImage.TYPE_INT_RGB);
    float[] x = test.features();
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int i = 0; i < n * test.cols(); i++) {
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    for (int k = 0; k < n; k++) {
      for (int r = 0; r < 2; r++) {
        float[] src = r == 0 ? x : reconstruction;
        for (int py = 0; py < h; py++) {
          for (int px = 0; px < w; px++) {
            float v = src[k * test.cols() + (py * w + px) * shape[2]];
            int g = Math.round(255 * Math.max(0, Math.min(1, (v - min) / Math.max(1e-12f, max - min))));
            int rgb = new Color(g, g, g).getRGB();
            for (int sy = 0; sy < scale; sy++) {
              for (int sx = 0; sx < scale; sx++) {
                img.setRGB((k * (w + 2) + 1 + px) * scale + sx, (r * (h + 2) + 1 + py) * scale + sy, rgb);
              }
            }
          }
        }
      }
    }
    try {
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** ROC curves, one series per detector (legend as given), over the diagonal of chance. */
  static void rocCurves(Map<String, RankingCurves.Curve> curves, Path file) {
    XYChart chart = unitSquare("ROC on the test rows", "false positive rate", "true positive rate");
    curves.forEach((name, c) -> chart.addSeries(name, c.x(), c.y()).setMarker(SeriesMarkers.NONE));
    // Last, so that each detector keeps the colour it has on the precision-recall chart.
    XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
    chance.setMarker(SeriesMarkers.NONE);
    chance.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
    chance.setLineColor(Color.GRAY);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    save(chart, file);
  }

  /** Precision-recall curves, one series per detector (legend as given). */
  static void precisionRecallCurves(Map<String, RankingCurves.Curve> curves, Path file) {
    precisionRecallCurves("precision-recall on the test rows", curves, file);
  }

  /** Precision-recall curves under {@code title}, one series per method (legend as given). */
  static void precisionRecallCurves(String title, Map<String, RankingCurves.Curve> curves, Path file) {
    XYChart chart = unitSquare(title, "recall", "precision");
    curves.forEach((name, c) -> chart.addSeries(name, c.x(), c.y()).setMarker(SeriesMarkers.NONE));
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
    save(chart, file);
  }

  private static XYChart unitSquare(String title, String x, String y) {
    XYChart chart = new XYChartBuilder().width(700).height(700).title(title).xAxisTitle(x).yAxisTitle(y).build();
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    chart.getStyler().setXAxisDecimalPattern("0.0#").setYAxisDecimalPattern("0.0#");
    return chart;
  }

  private static XYSeries add(XYChart chart, String name, List<double[]> points) {
    double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
    double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  private static void save(XYChart chart, Path file) {
    try {
      Files.createDirectories(file.getParent());
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
