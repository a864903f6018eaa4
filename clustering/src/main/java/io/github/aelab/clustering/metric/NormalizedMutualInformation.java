package io.github.aelab.clustering.metric;

/**
 * Normalized mutual information with the <em>arithmetic</em> normalization,
 * {@code NMI = I(U; V) / ((H(U) + H(V)) / 2)}: the default of scikit-learn's
 * {@code normalized_mutual_info_score} ({@code average_method="arithmetic"}) since 0.22, and so
 * the NMI most recent deep-clustering papers report. (Older papers sometimes divide by
 * {@code sqrt(H(U) H(V))}, the geometric mean, which gives slightly different numbers.)
 *
 * <p>Entropies use the natural logarithm; the base cancels in the ratio. Two degenerate cases
 * follow scikit-learn, so that numbers compare: when both labelings put every row in one group,
 * they agree perfectly and NMI is 1; otherwise, when the mutual information is 0 (in particular
 * when exactly one labeling is a single group, so its entropy is 0), NMI is 0.
 */
public final class NormalizedMutualInformation {

  private NormalizedMutualInformation() {
  }

  /** NMI of {@code clusters} against the true {@code labels}, in [0, 1]. */
  public static double of(int[] labels, int[] clusters) {
    return of(Contingency.of(labels, clusters));
  }

  /** NMI from a contingency table. */
  public static double of(Contingency table) {
    if (table.labelCount() == 1 && table.clusterCount() == 1) {
      return 1;
    }
    double mutualInformation = mutualInformation(table);
    if (mutualInformation == 0) {
      return 0;
    }
    double mean = (entropy(table.labelTotals(), table.total()) + entropy(table.clusterTotals(), table.total())) / 2;
    return mutualInformation / mean;
  }

  /** {@code I(U; V) = sum_ij (n_ij / n) log(n n_ij / (a_i b_j))}, in nats. */
  static double mutualInformation(Contingency table) {
    int[] labelTotals = table.labelTotals();
    int[] clusterTotals = table.clusterTotals();
    double n = table.total();
    double sum = 0;
    for (int i = 0; i < table.labelCount(); i++) {
      for (int j = 0; j < table.clusterCount(); j++) {
        int count = table.count(i, j);
        if (count > 0) {
          sum += count / n * Math.log(n * count / ((double) labelTotals[i] * clusterTotals[j]));
        }
      }
    }
    // Mutual information is >= 0, but the terms have both signs, so rounding can leave an
    // independent table at -1e-17; report that as the 0 it is.
    return Math.max(0, sum);
  }

  /** {@code H = -sum_i (a_i / n) log(a_i / n)}, in nats; totals are all positive. */
  static double entropy(int[] totals, int n) {
    double sum = 0;
    for (int total : totals) {
      double p = (double) total / n;
      sum -= p * Math.log(p);
    }
    return sum;
  }
}
