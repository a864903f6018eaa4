package io.github.aelab.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * ROC and precision-recall curves of anomaly scores (higher = more anomalous), for the plots of
 * a detector run. Rows with equal scores are one step of the curve, as scikit-learn's
 * {@code roc_curve} and {@code precision_recall_curve} treat ties, so a detector that gives many
 * rows the same score is not credited with an order it did not produce.
 */
final class RankingCurves {
  /** Points drawn per curve at most: a test set of 300,000 rows would otherwise make a slow, no clearer chart. */
  static final int MAX_POINTS = 2000;

  /** A curve as parallel coordinate arrays. */
  record Curve(double[] x, double[] y) {
    Curve {
      if (x.length != y.length) {
        throw new IllegalArgumentException("x and y must have the same length, found " + x.length + " and " + y.length);
      }
    }
  }

  private RankingCurves() {}

  /** False positive rate (x) against true positive rate (y), from (0, 0) to (1, 1). */
  static Curve roc(double[] scores, boolean[] isAnomaly) {
    int positives = count(isAnomaly);
    int negatives = isAnomaly.length - positives;
    List<double[]> points = new ArrayList<>();
    points.add(new double[] {0, 0});
    walk(scores, isAnomaly, (tp, fp) -> points.add(new double[] {rate(fp, negatives), rate(tp, positives)}));
    return thin(points);
  }

  /** Recall (x) against precision (y), starting at recall 0 with precision 1 as scikit-learn does. */
  static Curve precisionRecall(double[] scores, boolean[] isAnomaly) {
    int positives = count(isAnomaly);
    List<double[]> points = new ArrayList<>();
    points.add(new double[] {0, 1});
    walk(scores, isAnomaly, (tp, fp) -> points.add(new double[] {rate(tp, positives), (double) tp / (tp + fp)}));
    return thin(points);
  }

  private interface Step {
    void at(int truePositives, int falsePositives);
  }

  /** Lowers the threshold through the distinct scores, reporting the counts above each. */
  private static void walk(double[] scores, boolean[] isAnomaly, Step step) {
    if (scores.length != isAnomaly.length) {
      throw new IllegalArgumentException("scores and labels must have the same length, found " + scores.length
          + " and " + isAnomaly.length);
    }
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
    int tp = 0;
    int fp = 0;
    for (int k = 0; k < order.length; k++) {
      if (isAnomaly[order[k]]) {
        tp++;
      } else {
        fp++;
      }
      boolean lastOfTie = k == order.length - 1 || scores[order[k + 1]] != scores[order[k]];
      if (lastOfTie) {
        step.at(tp, fp);
      }
    }
  }

  /** Every k-th point, always keeping the first and the last. */
  private static Curve thin(List<double[]> points) {
    int n = points.size();
    int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < n; i += stride) {
      kept.add(points.get(i));
    }
    if ((n - 1) % stride != 0) {
      kept.add(points.get(n - 1));
    }
    return new Curve(kept.stream().mapToDouble(p -> p[0]).toArray(), kept.stream().mapToDouble(p -> p[1]).toArray());
  }

  private static double rate(int count, int total) {
    return total == 0 ? 0 : (double) count / total;
  }

  private static int count(boolean[] flags) {
    int c = 0;
    for (boolean f : flags) {
      c += f ? 1 : 0;
    }
    return c;
  }
}
