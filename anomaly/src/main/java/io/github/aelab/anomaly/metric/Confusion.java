package io.github.aelab.anomaly.metric;

/**
 * The confusion counts of anomaly flags against the truth, with the anomaly as the positive class.
 *
 * <p>Precision is 0 when nothing is flagged and recall is 0 when there is no anomaly, as
 * scikit-learn's {@code zero_division=0}: a detector that flags nothing has found no anomaly, and
 * the benchmark tables of PyOD and DAGMM report it that way rather than as a missing value.
 */
public record Confusion(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {

  public Confusion {
    if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException("confusion counts must be >= 0, found tp = " + truePositives + ", fp = "
          + falsePositives + ", tn = " + trueNegatives + ", fn = " + falseNegatives);
    }
  }

  /** Counts {@code flags} (true = predicted anomaly) against {@code isAnomaly}. */
  public static Confusion of(boolean[] flags, boolean[] isAnomaly) {
    if (flags.length != isAnomaly.length) {
      throw new IllegalArgumentException("flags and labels must have the same length, found " + flags.length
          + " flags and " + isAnomaly.length + " labels");
    }
    int tp = 0;
    int fp = 0;
    int tn = 0;
    int fn = 0;
    for (int i = 0; i < flags.length; i++) {
      if (flags[i]) {
        if (isAnomaly[i]) {
          tp++;
        } else {
          fp++;
        }
      } else if (isAnomaly[i]) {
        fn++;
      } else {
        tn++;
      }
    }
    return new Confusion(tp, fp, tn, fn);
  }

  /** Counts {@code flags} against integer {@code labels} (1 = anomaly, 0 = normal). */
  public static Confusion of(boolean[] flags, int[] labels) {
    return of(flags, AnomalyLabels.flags(labels));
  }

  /** TP / (TP + FP), or 0 when nothing is flagged. */
  public double precision() {
    int flagged = truePositives + falsePositives;
    return flagged == 0 ? 0 : (double) truePositives / flagged;
  }

  /** TP / (TP + FN), or 0 when there is no anomaly. */
  public double recall() {
    int anomalies = truePositives + falseNegatives;
    return anomalies == 0 ? 0 : (double) truePositives / anomalies;
  }

  /** The harmonic mean of precision and recall, 2 TP / (2 TP + FP + FN); 0 when TP is 0. */
  public double f1() {
    int denominator = 2 * truePositives + falsePositives + falseNegatives;
    return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
  }
}
