package io.github.aelab.clustering.metric;

/**
 * The adjusted Rand index of Hubert and Arabie (1985): the Rand index (the share of row pairs on
 * which two labelings agree, together or apart) corrected for chance under the permutation model,
 * {@code ARI = (index - expected) / (max - expected)} with
 * <ul>
 *   <li>{@code index = sum_ij C(n_ij, 2)}, pairs together in both labelings,</li>
 *   <li>{@code expected = sum_i C(a_i, 2) * sum_j C(b_j, 2) / C(n, 2)},</li>
 *   <li>{@code max = (sum_i C(a_i, 2) + sum_j C(b_j, 2)) / 2},</li>
 * </ul>
 * where {@code a_i} and {@code b_j} are the label and cluster sizes. ARI is 1 for identical
 * partitions, about 0 for independent ones, and may be negative (worse than chance).
 */
public final class AdjustedRandIndex {

  private AdjustedRandIndex() {
  }

  /** ARI of {@code clusters} against the true {@code labels}, in [-1, 1]. */
  public static double of(int[] labels, int[] clusters) {
    return of(Contingency.of(labels, clusters));
  }

  /** ARI from a contingency table. */
  public static double of(Contingency table) {
    // Pair counts exceed int range from about 65,536 rows on (MNIST has 70,000), hence long; their
    // product can exceed even long range, hence double for the chance term.
    long together = 0;
    for (int i = 0; i < table.labelCount(); i++) {
      for (int j = 0; j < table.clusterCount(); j++) {
        together += pairs(table.count(i, j));
      }
    }
    long labelPairs = sumOfPairs(table.labelTotals());
    long clusterPairs = sumOfPairs(table.clusterTotals());
    long allPairs = pairs(table.total());
    if (labelPairs == clusterPairs && (labelPairs == 0 || labelPairs == allPairs)) {
      // max - expected = (A + B) / 2 - AB / C(n, 2) >= sqrt(AB) - AB / C(n, 2) >= 0, with equality
      // only when A = B = C(n, 2) (both labelings are one group) or A = B = 0 (both are all
      // singletons, or n = 1). The partitions are then identical and the ratio 0 / 0 is taken as
      // perfect agreement. Tested in integers: AB in double is rounded for large n.
      return 1;
    }
    double expected = (double) labelPairs * clusterPairs / allPairs;
    double max = (labelPairs + clusterPairs) / 2.0;
    return (together - expected) / (max - expected);
  }

  private static long sumOfPairs(int[] sizes) {
    long sum = 0;
    for (int size : sizes) {
      sum += pairs(size);
    }
    return sum;
  }

  /** {@code C(m, 2)}, the number of unordered pairs among {@code m} rows. */
  private static long pairs(int m) {
    return (long) m * (m - 1) / 2;
  }
}
