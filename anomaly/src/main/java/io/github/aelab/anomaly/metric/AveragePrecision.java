package io.github.aelab.anomaly.metric;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Average precision as scikit-learn's {@code average_precision_score} defines it: the sum over
 * the distinct score thresholds, from the highest down, of {@code (R_n - R_{n-1}) P_n}, where
 * {@code P_n} and {@code R_n} are the precision and recall of flagging every row scoring at least
 * the n-th threshold ({@code R_0 = 0}). Rows with tied scores enter together at one threshold, so
 * their order does not matter. No interpolation is applied: this is not the trapezoidal area
 * under the precision-recall curve, which is optimistic.
 */
public final class AveragePrecision {

  private AveragePrecision() {
  }

  /** The average precision of {@code scores} against {@code labels} (1 = anomaly, 0 = normal). */
  public static double of(double[] scores, int[] labels) {
    return of(scores, AnomalyLabels.flags(labels));
  }

  /** The average precision of {@code scores} against {@code isAnomaly}; at least one anomaly must occur. */
  public static double of(double[] scores, boolean[] isAnomaly) {
    AnomalyLabels.requireAligned(scores, isAnomaly);
    int anomalies = AnomalyLabels.count(isAnomaly);
    if (anomalies == 0) {
      throw new IllegalArgumentException("average precision needs at least one anomaly, found none among "
          + scores.length + " rows");
    }
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
    double sum = 0;
    double previousRecall = 0;
    int truePositives = 0;
    int flagged = 0;
    int start = 0;
    while (start < order.length) {
      // Take every row tied with this threshold before measuring precision and recall.
      int end = start;
      while (end < order.length && scores[order[end]] == scores[order[start]]) {
        truePositives += isAnomaly[order[end]] ? 1 : 0;
        flagged++;
        end++;
      }
      double recall = (double) truePositives / anomalies;
      double precision = (double) truePositives / flagged;
      sum += (recall - previousRecall) * precision;
      previousRecall = recall;
      start = end;
    }
    return sum;
  }
}
