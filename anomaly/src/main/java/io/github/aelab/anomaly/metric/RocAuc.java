package io.github.aelab.anomaly.metric;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The area under the ROC curve, computed as the Mann-Whitney U statistic: the probability that a
 * random anomaly scores higher than a random normal row, counting ties as one half. Ranks are
 * averaged over tied scores, which gives exactly that half; the result equals scikit-learn's
 * {@code roc_auc_score} (trapezoidal area over the distinct thresholds).
 */
public final class RocAuc {

  private RocAuc() {
  }

  /** The ROC-AUC of {@code scores} (higher = more anomalous) against {@code labels} (1 = anomaly, 0 = normal). */
  public static double of(double[] scores, int[] labels) {
    return of(scores, AnomalyLabels.flags(labels));
  }

  /** The ROC-AUC of {@code scores} against {@code isAnomaly}; both classes must occur. */
  public static double of(double[] scores, boolean[] isAnomaly) {
    AnomalyLabels.requireAligned(scores, isAnomaly);
    AnomalyLabels.requireBothClasses(isAnomaly, "ROC-AUC");
    double[] ranks = averageRanks(scores);
    long anomalies = 0;
    double rankSum = 0;
    for (int i = 0; i < scores.length; i++) {
      if (isAnomaly[i]) {
        anomalies++;
        rankSum += ranks[i];
      }
    }
    long normals = scores.length - anomalies;
    // U counts the (anomaly, normal) pairs ordered correctly: the anomalies' rank sum minus the
    // ranks they would have among themselves alone, 1 + ... + anomalies.
    double u = rankSum - anomalies * (anomalies + 1) / 2.0;
    return u / ((double) anomalies * normals);
  }

  /** 1-based ranks in ascending score order, tied scores sharing the mean of their ranks. */
  static double[] averageRanks(double[] scores) {
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double[] ranks = new double[scores.length];
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      // Positions start..end (0-based) hold ranks start+1..end+1; their mean is the midpoint.
      double rank = (start + end) / 2.0 + 1;
      for (int i = start; i <= end; i++) {
        ranks[order[i]] = rank;
      }
      start = end + 1;
    }
    return ranks;
  }
}
