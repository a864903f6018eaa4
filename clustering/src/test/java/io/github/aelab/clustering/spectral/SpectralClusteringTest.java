package io.github.aelab.clustering.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.clustering.metric.AdjustedRandIndex;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectralClusteringTest {

  @Test
  void recoversTwoGroupsOfABlockDiagonalAffinityExactly() {
    // 30 points in two groups of 12 and 18, interleaved so that the answer is not "first half,
    // second half": affinity in [0.5, 1] within a group, 0 across.
    int[] truth = groups(30, new int[] {12, 18}, new Random(1));
    double[][] affinity = blockAffinity(truth, 0, new Random(2));

    int[] clusters = new SpectralClustering(2).cluster(affinity, 3);

    assertThat(AdjustedRandIndex.of(truth, clusters)).isEqualTo(1.0);
  }

  @Test
  void recoversThreeGroupsDespiteWeakAffinityAcrossThem() {
    // As Peng et al.'s |C| + |C|^T, the blocks are not perfectly separated: every cross-group pair
    // has affinity up to 0.05 against 0.5..1 within a group.
    int[] truth = groups(45, new int[] {10, 15, 20}, new Random(4));
    double[][] affinity = blockAffinity(truth, 0.05, new Random(5));

    int[] clusters = new SpectralClustering(3).cluster(affinity, 6);

    assertThat(AdjustedRandIndex.of(truth, clusters)).isEqualTo(1.0);
  }

  @Test
  void embedsEachSeparatedGroupOnOnePointOfTheUnitSphere() {
    int[] truth = groups(20, new int[] {8, 12}, new Random(7));
    double[][] embedding = new SpectralClustering(2).embedding(blockAffinity(truth, 0, new Random(8)));

    double[] first = null;
    double[] second = null;
    for (int i = 0; i < truth.length; i++) {
      assertThat(embedding[i][0] * embedding[i][0] + embedding[i][1] * embedding[i][1]).isCloseTo(1, within(1e-9));
      if (truth[i] == 0 && first == null) {
        first = embedding[i];
      } else if (truth[i] == 1 && second == null) {
        second = embedding[i];
      }
      double[] anchor = truth[i] == 0 ? first : second;
      assertThat(embedding[i][0]).isCloseTo(anchor[0], within(1e-6));
      assertThat(embedding[i][1]).isCloseTo(anchor[1], within(1e-6));
    }
    // The two groups' points are orthogonal.
    assertThat(first[0] * second[0] + first[1] * second[1]).isCloseTo(0, within(1e-6));
  }

  @Test
  void isDeterministicGivenTheSeed() {
    int[] truth = groups(40, new int[] {10, 10, 20}, new Random(9));
    double[][] affinity = blockAffinity(truth, 0.2, new Random(10));

    assertThat(new SpectralClustering(3).cluster(affinity, 11)).isEqualTo(new SpectralClustering(3).cluster(affinity, 11));
  }

  @Test
  void rejectsAffinitiesItCannotNormalize() {
    SpectralClustering two = new SpectralClustering(2);

    assertThatThrownBy(() -> two.cluster(new double[][] {{1, 0.5}, {0.4, 1}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be symmetric, found 0.5 at (0, 1) but 0.4 at (1, 0)");
    assertThatThrownBy(() -> two.cluster(new double[][] {{1, -0.5}, {-0.5, 1}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite and non-negative, found -0.5 at (0, 1)");
    assertThatThrownBy(() -> two.cluster(new double[][] {{1, 0, 1}, {0, 0, 0}, {1, 0, 1}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 of the affinity sums to 0.0");
    assertThatThrownBy(() -> two.cluster(new double[][] {{1, 0}, {0}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be square: row 1 has 1 entries, expected 2");
    assertThatThrownBy(() -> new SpectralClustering(3).cluster(new double[][] {{1, 0}, {0, 1}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least clusters = 3 rows, found 2");
    assertThatThrownBy(() -> new SpectralClustering(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clusters must be >= 1, found 0");
  }

  /** Group labels with the given sizes, in a random order. */
  private static int[] groups(int n, int[] sizes, Random rng) {
    int[] labels = new int[n];
    int next = 0;
    for (int g = 0; g < sizes.length; g++) {
      for (int i = 0; i < sizes[g]; i++) {
        labels[next++] = g;
      }
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = labels[i];
      labels[i] = labels[j];
      labels[j] = swap;
    }
    return labels;
  }

  /** A symmetric affinity: uniform in [0.5, 1] within a group, in [0, crossMax] across groups. */
  private static double[][] blockAffinity(int[] groups, double crossMax, Random rng) {
    int n = groups.length;
    double[][] affinity = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double value = groups[i] == groups[j] ? 0.5 + 0.5 * rng.nextDouble() : crossMax * rng.nextDouble();
        affinity[i][j] = value;
        affinity[j][i] = value;
      }
    }
    return affinity;
  }
}
