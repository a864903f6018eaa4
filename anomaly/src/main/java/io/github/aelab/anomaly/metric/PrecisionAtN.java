package io.github.aelab.anomaly.metric;

import io.github.aelab.anomaly.Quantiles;

/**
 * Precision at rank n as PyOD's {@code precision_n_scores} computes it: the rows scoring strictly
 * above the {@code 1 - n / rows} quantile of the scores (linear interpolation) are flagged, and
 * the metric is the precision of those flags. Without ties exactly the n highest-scoring rows are
 * flagged; rows tied at the cut are all left out, so fewer than n rows may be flagged, and none
 * at all when every score is equal (precision 0). By default n is the number of true anomalies,
 * which makes precision at n equal to recall at n when no ties cross the cut (R-precision).
 */
public final class PrecisionAtN {

  private PrecisionAtN() {
  }

  /** Precision at n = the number of anomalies among {@code labels} (1 = anomaly, 0 = normal). */
  public static double of(double[] scores, int[] labels) {
    return of(scores, AnomalyLabels.flags(labels));
  }

  /** Precision at n = the number of anomalies in {@code isAnomaly}, which must be at least one. */
  public static double of(double[] scores, boolean[] isAnomaly) {
    int anomalies = AnomalyLabels.count(isAnomaly);
    if (anomalies == 0) {
      throw new IllegalArgumentException("precision at n with n = the number of anomalies needs at least one "
          + "anomaly, found none among " + isAnomaly.length + " rows");
    }
    return of(scores, isAnomaly, anomalies);
  }

  /** Precision among the rows flagged at rank {@code n}, {@code 1 <= n <= rows}. */
  public static double of(double[] scores, boolean[] isAnomaly, int n) {
    AnomalyLabels.requireAligned(scores, isAnomaly);
    if (n < 1 || n > scores.length) {
      throw new IllegalArgumentException("n must be in 1.." + scores.length + " (the number of rows), found " + n);
    }
    double cut = Quantiles.linear(scores, 1 - (double) n / scores.length);
    boolean[] flags = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      flags[i] = scores[i] > cut;
    }
    return Confusion.of(flags, isAnomaly).precision();
  }
}
