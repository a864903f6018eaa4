package io.github.aelab.clustering.subspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.clustering.baseline.KMeansClusterer;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.clustering.metric.HungarianAccuracy;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.AutoencoderSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubspaceClusteringTest {
  private static final AutoencoderSpec AUTOENCODER =
      AutoencoderSpec.builder(20).hidden(Activation.TANH, 32).code(10, Activation.LINEAR).build();

  private static SubspaceClustering threeSubspaces() {
    return new SubspaceClustering(AUTOENCODER, 3, 1.0, 1.0, FitSpec.adam(3e-3, 100, 32), FitSpec.adam(1e-2, 300, 1),
        10, RuntimeSettings.defaults());
  }

  /**
   * Three random planes through the origin in 20-D, 180 training points, 60 held out. Measured:
   * accuracy 0.994 against 0.422 for k-means on the raw rows (near the 1/3 of guessing: the three
   * groups share their mean); 78% of |C| links points of one plane; 60 of 60 held-out points land
   * in their plane's cluster. On four other draws of planes, accuracy was 0.989 to 1.0.
   */
  @Test
  void recoversThreePlanesThroughTheOriginThatKMeansCannot() {
    Dataset all = SyntheticData.unionOfSubspaces(20, 2, 3, 80, 0.01, 7);
    Dataset train = all.head(180);
    Dataset heldOut = all.subset(IntStream.range(180, 240).toArray(), "-held-out");

    double kmeans;
    try (FittedClusterer fitted = KMeansClusterer.withClusters(3).fit(train, 1)) {
      kmeans = HungarianAccuracy.of(train.labels(), fitted.trainingAssignments());
    }
    try (SubspaceClustering.Fitted fitted = (SubspaceClustering.Fitted) threeSubspaces().fit(train, 3)) {
      int[] clusters = fitted.trainingAssignments();
      double accuracy = HungarianAccuracy.of(train.labels(), clusters);
      System.out.printf("subspace clustering %.3f, k-means %.3f%n", accuracy, kmeans);
      assertThat(accuracy).isGreaterThanOrEqualTo(0.9);
      assertThat(kmeans).isLessThan(0.6);
      assertThat(accuracy - kmeans).isGreaterThan(0.3);

      double[][] c = fitted.coefficients();
      double within = 0;
      double total = 0;
      for (int i = 0; i < c.length; i++) {
        assertThat(c[i][i]).isZero();
        for (int j = 0; j < c.length; j++) {
          total += Math.abs(c[i][j]);
          within += train.label(i) == train.label(j) ? Math.abs(c[i][j]) : 0;
        }
      }
      System.out.printf("share of |C| within a plane %.3f%n", within / total);
      assertThat(within / total).as("C is nearly block diagonal").isGreaterThan(0.7);

      Map<Integer, Integer> labelOf = HungarianAccuracy.mapping(train.labels(), clusters);
      int[] predicted = fitted.predict(heldOut);
      long right = IntStream.range(0, predicted.length)
          .filter(i -> labelOf.get(predicted[i]) == heldOut.label(i))
          .count();
      System.out.printf("held out %d of %d%n", right, predicted.length);
      assertThat(right / (double) predicted.length).isGreaterThanOrEqualTo(0.85);
      for (double[] row : fitted.softAssignments(heldOut.head(5))) {
        assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-9));
      }
    }
  }

  @Test
  void newCodesAreExpressedByTheirOwnSubspacesRows() {
    // Codes on the two axes of the plane: (1,0) and (2,0) in cluster 0, (0,1) and (0,3) in cluster 1.
    // With ρ = 1, ZᵀZ + ρI = diag(6, 11), so (5, 0) gets c = Z (5/6, 0) = (5/6, 10/6, 0, 0).
    SelfExpression expression = new SelfExpression(new float[] {1, 0, 2, 0, 0, 1, 0, 3}, 2, 1.0,
        new int[] {0, 0, 1, 1}, 2);
    double[][] c = expression.coefficients(new float[] {5, 0});
    assertThat(c[0]).containsExactly(new double[] {5.0 / 6, 10.0 / 6, 0, 0}, within(1e-12));
    double[][] soft = expression.softAssignments(new float[] {5, 0, 1, 1, 0, 0});
    assertThat(soft[0]).containsExactly(new double[] {1, 0}, within(1e-12));
    // (1, 1) lies between: c = (1/6, 2/6, 1/11, 3/11), so cluster 0 takes 0.5 / (0.5 + 4/11).
    assertThat(soft[1][0]).isCloseTo(0.5 / (0.5 + 4.0 / 11), within(1e-12));
    assertThat(soft[2]).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
  }

  @Test
  void theAffinityIsTheSymmetrizedMagnitudeOfC() {
    double[][] affinity = SubspaceClustering.affinity(new double[][] {{0, -2}, {0.5, 0}});
    assertThat(affinity[0]).containsExactly(0, 2.5);
    assertThat(affinity[1]).containsExactly(2.5, 0);
  }

  @Test
  void rejectsDataTooLargeForADenseSelfExpressionMatrix() {
    Dataset big = new Dataset("big", new float[(SubspaceClustering.MAX_ROWS + 1) * 20], SubspaceClustering.MAX_ROWS + 1,
        20, null);
    assertThatThrownBy(() -> threeSubspaces().fit(big, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes at most 2000 rows, 'big' has 2001");
    assertThatThrownBy(() -> new SubspaceClustering(AUTOENCODER, 3, 0, 1, FitSpec.adam(1e-3, 1, 1),
        FitSpec.adam(1e-3, 1, 1), 1, RuntimeSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coefficient_weight must be > 0, found 0.0");
  }
}
