package io.github.aelab.clustering.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusteringMetricsTest {

  /** Labels {0,0,0,1,1,1} against clusters {1,1,0,0,2,2}: the worked example of every metric. */
  private static final int[] LABELS = {0, 0, 0, 1, 1, 1};
  private static final int[] CLUSTERS = {1, 1, 0, 0, 2, 2};

  @Test
  void contingencyCountsRowsPerLabelAndCluster() {
    Contingency table = Contingency.of(LABELS, CLUSTERS);

    //            c0 c1 c2
    //   label 0:  1  2  0   (3)
    //   label 1:  1  0  2   (3)
    //             2  2  2   (6)
    assertThat(table.labelValues()).containsExactly(0, 1);
    assertThat(table.clusterValues()).containsExactly(0, 1, 2);
    assertThat(new int[] {table.count(0, 0), table.count(0, 1), table.count(0, 2)}).containsExactly(1, 2, 0);
    assertThat(new int[] {table.count(1, 0), table.count(1, 1), table.count(1, 2)}).containsExactly(1, 0, 2);
    assertThat(table.labelTotals()).containsExactly(3, 3);
    assertThat(table.clusterTotals()).containsExactly(2, 2, 2);
    assertThat(table.total()).isEqualTo(6);
  }

  @Test
  void contingencyIndexesArbitraryValuesInAscendingOrder() {
    Contingency table = Contingency.of(new int[] {7, -1, 7}, new int[] {3, 3, 10});

    assertThat(table.labelValues()).containsExactly(-1, 7);
    assertThat(table.clusterValues()).containsExactly(3, 10);
    assertThat(table.count(1, 0)).isEqualTo(1); // label 7, cluster 3: row 0
    assertThat(table.count(1, 1)).isEqualTo(1); // label 7, cluster 10: row 2
  }

  @Test
  void accuracyOfTheWorkedExample() {
    // Best one-to-one mapping: cluster 1 -> label 0 (2 rows right), cluster 2 -> label 1 (2 rows
    // right); cluster 0 is the surplus third cluster and maps to no label, so its 2 rows are wrong.
    // ACC = (2 + 2) / 6 = 2/3.
    assertThat(HungarianAccuracy.of(LABELS, CLUSTERS)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(HungarianAccuracy.mapping(LABELS, CLUSTERS)).containsOnly(entry(1, 0), entry(2, 1));
  }

  @Test
  void nmiOfTheWorkedExampleUsesTheArithmeticMeanOfTheEntropies() {
    // H(labels)   = ln 2 (two groups of 3);  H(clusters) = ln 3 (three groups of 2).
    // I = sum_ij (n_ij/n) ln(n n_ij / (a_i b_j)):
    //   cells with n_ij = 1: (1/6) ln(6*1 / (3*2)) = 0   (two cells)
    //   cells with n_ij = 2: (2/6) ln(6*2 / (3*2)) = (1/3) ln 2   (two cells)
    //   I = (2/3) ln 2.
    // NMI = I / ((ln 2 + ln 3) / 2) = (4/3) ln 2 / ln 6 = 0.924196 / 1.791759 = 0.515804...
    double expected = 4.0 / 3 * Math.log(2) / Math.log(6);

    assertThat(NormalizedMutualInformation.of(LABELS, CLUSTERS)).isCloseTo(expected, within(1e-12));
    assertThat(expected).isCloseTo(0.515804, within(1e-6));
  }

  @Test
  void ariOfTheWorkedExample() {
    // index    = sum C(n_ij, 2) = C(2,2) + C(2,2) = 2
    // A        = sum C(a_i, 2)  = C(3,2) + C(3,2) = 6
    // B        = sum C(b_j, 2)  = 3 * C(2,2)      = 3
    // expected = A B / C(6, 2)  = 18 / 15         = 1.2
    // max      = (A + B) / 2    = 4.5
    // ARI      = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3 = 8/33
    assertThat(AdjustedRandIndex.of(LABELS, CLUSTERS)).isCloseTo(8.0 / 33, within(1e-12));
  }

  @Test
  void aPerfectClusteringUnderOtherNamesScoresOneOnEveryMetric() {
    int[] labels = {0, 0, 1, 1, 2, 2, 2};
    int[] clusters = {5, 5, 3, 3, 9, 9, 9};

    assertThat(HungarianAccuracy.of(labels, clusters)).isEqualTo(1.0);
    assertThat(NormalizedMutualInformation.of(labels, clusters)).isCloseTo(1.0, within(1e-12));
    assertThat(AdjustedRandIndex.of(labels, clusters)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void anExactlyIndependentClusteringHasZeroMutualInformation() {
    // Every (label, cluster) cell holds one row: knowing the cluster says nothing about the label.
    int[] labels = {0, 0, 1, 1};
    int[] clusters = {0, 1, 0, 1};

    assertThat(NormalizedMutualInformation.of(labels, clusters)).isEqualTo(0.0);
    // ACC: either mapping gets one row of each cluster right, 2 of 4.
    assertThat(HungarianAccuracy.of(labels, clusters)).isEqualTo(0.5);
    // ARI: index 0, A = B = 2, expected = 4/6, max = 2: (0 - 2/3) / (2 - 2/3) = -1/2. Small
    // samples can be worse than chance; only large independent ones approach 0 (next test).
    assertThat(AdjustedRandIndex.of(labels, clusters)).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void randomClusteringsOfManyRowsScoreAboutZeroAri() {
    Random rng = new Random(3);
    int[] labels = new int[20_000];
    int[] clusters = new int[20_000];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = rng.nextInt(5);
      clusters[i] = rng.nextInt(7);
    }

    assertThat(AdjustedRandIndex.of(labels, clusters)).isCloseTo(0, within(0.005));
    assertThat(NormalizedMutualInformation.of(labels, clusters)).isCloseTo(0, within(0.005));
    // ACC of a random clustering is not near 0: only 5 of the 7 clusters get a label, each right
    // on about a fifth of its rows, so 5 * (1/7) * (1/5) = 1/7, plus a little as the best mapping
    // picks the luckiest cells.
    assertThat(HungarianAccuracy.of(labels, clusters)).isBetween(1.0 / 7, 0.16);
  }

  @Test
  void accuracyWithFewerClustersThanLabelsLeavesSomeLabelsUnmatched() {
    // Labels {0,0,1,1,2,2} in clusters {0,0,0,0,1,1}: cluster 0 holds labels 0 and 1 (2 rows
    // each), cluster 1 holds label 2. Best: cluster 1 -> label 2 (2 right) and cluster 0 -> label
    // 0 or 1 (2 right); the third label gets no cluster. ACC = 4/6.
    int[] labels = {0, 0, 1, 1, 2, 2};
    int[] clusters = {0, 0, 0, 0, 1, 1};

    assertThat(HungarianAccuracy.of(labels, clusters)).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(HungarianAccuracy.mapping(labels, clusters)).hasSize(2).containsEntry(1, 2);
  }

  @Test
  void accuracyIsOneToOneNotMajorityVote() {
    // Both clusters are mostly label 0. Majority vote would map both to label 0 (5 of 6 right),
    // but a one-to-one mapping must give one of them label 1: cluster 1 -> 1 (1 right) and
    // cluster 0 -> 0 (3 right), ACC = 4/6.
    int[] labels = {0, 0, 0, 0, 0, 1};
    int[] clusters = {0, 0, 0, 1, 1, 1};

    assertThat(HungarianAccuracy.of(labels, clusters)).isCloseTo(4.0 / 6, within(1e-12));
  }

  @Test
  void accuracyMatchesBruteForceOverAllMappings() {
    Random rng = new Random(11);
    for (int trial = 0; trial < 50; trial++) {
      int labelCount = 1 + rng.nextInt(5);
      int clusterCount = 1 + rng.nextInt(5);
      int[] labels = new int[30];
      int[] clusters = new int[30];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = rng.nextInt(labelCount);
        clusters[i] = rng.nextInt(clusterCount);
      }
      assertThat(HungarianAccuracy.of(labels, clusters)).as("trial %d", trial)
          .isCloseTo(bruteForceAccuracy(labels, clusters), within(1e-12));
    }
  }

  @Test
  void degenerateLabelingsFollowScikitLearnsConventions() {
    int[] oneGroup = {4, 4, 4};
    int[] threeGroups = {0, 1, 2};

    assertThat(NormalizedMutualInformation.of(oneGroup, oneGroup)).isEqualTo(1.0);
    assertThat(NormalizedMutualInformation.of(oneGroup, threeGroups)).isEqualTo(0.0);
    assertThat(AdjustedRandIndex.of(oneGroup, oneGroup)).isEqualTo(1.0);
    assertThat(AdjustedRandIndex.of(threeGroups, threeGroups)).isEqualTo(1.0);
    assertThat(AdjustedRandIndex.of(oneGroup, threeGroups)).isEqualTo(0.0);
    assertThat(AdjustedRandIndex.of(new int[] {1}, new int[] {2})).isEqualTo(1.0);
  }

  @Test
  void ariStaysExactForMnistSizedInputs() {
    // 70,000 rows: C(70000, 2) = 2.4e9 pairs overflows int, and the squared pair counts are
    // beyond double's exact integers; a perfect clustering must still score exactly 1.
    int[] labels = new int[70_000];
    int[] clusters = new int[70_000];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 10;
      clusters[i] = 9 - i % 10;
    }

    assertThat(AdjustedRandIndex.of(labels, clusters)).isEqualTo(1.0);
    // All rows in one cluster: index = expected = A, so ARI is 0 up to the rounding of A * B / C(n, 2).
    assertThat(AdjustedRandIndex.of(labels, new int[70_000])).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void rejectsMismatchedOrEmptyLabelings() {
    assertThatThrownBy(() -> HungarianAccuracy.of(new int[] {0, 1}, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 labels and 1 clusters");
    assertThatThrownBy(() -> AdjustedRandIndex.of(new int[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be empty");
  }

  /** The most rows any injective mapping of clusters to labels gets right, by trying them all. */
  private static double bruteForceAccuracy(int[] labels, int[] clusters) {
    Contingency table = Contingency.of(labels, clusters);
    int size = Math.max(table.labelCount(), table.clusterCount());
    int[] labelOfCluster = new int[size];
    for (int i = 0; i < size; i++) {
      labelOfCluster[i] = i;
    }
    int best = 0;
    do {
      int correct = 0;
      for (int j = 0; j < table.clusterCount(); j++) {
        if (labelOfCluster[j] < table.labelCount()) {
          correct += table.count(labelOfCluster[j], j);
        }
      }
      best = Math.max(best, correct);
    } while (nextPermutation(labelOfCluster));
    return (double) best / labels.length;
  }

  static boolean nextPermutation(int[] values) {
    int i = values.length - 2;
    while (i >= 0 && values[i] >= values[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = values.length - 1;
    while (values[j] <= values[i]) {
      j--;
    }
    swap(values, i, j);
    for (int a = i + 1, b = values.length - 1; a < b; a++, b--) {
      swap(values, a, b);
    }
    return true;
  }

  private static void swap(int[] values, int i, int j) {
    int t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}
