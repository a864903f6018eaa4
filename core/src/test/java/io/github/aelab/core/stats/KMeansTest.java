package io.github.aelab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.SyntheticData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KMeansTest {

  /** 600 rows from 4 blobs of std 0.3 in 3-D; centres lie in [-5, 5]^3, so the blobs do not touch. */
  private final Dataset blobs = SyntheticData.gaussianBlobs(600, 3, 4, 0.3, 11);

  @Test
  void recoversWellSeparatedBlobs() {
    KMeansResult result = KMeans.withClusters(4).fit(blobs, 1);

    // Every found cluster is exactly one blob: the map from cluster to blob label is a bijection.
    Map<Integer, Integer> blobOfCluster = new HashMap<>();
    int[] assignments = result.assignments();
    for (int i = 0; i < blobs.rows(); i++) {
      Integer previous = blobOfCluster.putIfAbsent(assignments[i], blobs.label(i));
      assertThat(previous == null || previous == blobs.label(i)).as("row %d", i).isTrue();
    }
    assertThat(blobOfCluster.values()).containsExactlyInAnyOrder(0, 1, 2, 3);
    // Inertia is about n * d * std^2 = 600 * 3 * 0.09 = 162 when the blobs are recovered.
    assertThat(result.inertia()).isBetween(120.0, 200.0);
  }

  @Test
  void centresAreTheMeansOfTheirRows() {
    KMeansResult result = KMeans.withClusters(4).fit(blobs, 2);
    double[][] x = Rows.of(blobs);

    double[][] centres = result.centres();
    int[] assignments = result.assignments();
    double inertia = 0;
    for (int j = 0; j < 4; j++) {
      double[] sum = new double[3];
      int count = 0;
      for (int i = 0; i < x.length; i++) {
        if (assignments[i] == j) {
          count++;
          for (int c = 0; c < 3; c++) {
            sum[c] += x[i][c];
          }
          inertia += Rows.squaredDistance(x[i], centres[j]);
        }
      }
      for (int c = 0; c < 3; c++) {
        assertThat(centres[j][c]).isCloseTo(sum[c] / count, within(1e-9));
      }
    }
    assertThat(result.inertia()).isCloseTo(inertia, within(1e-9));
  }

  @Test
  void sameSeedSameResult() {
    KMeans kMeans = KMeans.withClusters(5);

    assertThat(kMeans.fit(blobs, 7)).isEqualTo(kMeans.fit(blobs, 7));
  }

  @Test
  void moreRestartsNeverIncreaseInertia() {
    // The first restart draws the same numbers in both runs, so ten restarts can only do better.
    double[][] x = Rows.of(SyntheticData.gaussianBlobs(300, 2, 6, 1.5, 3));
    double one = KMeans.withClusters(6).withNInit(1).fit(x, 5).inertia();
    double ten = KMeans.withClusters(6).withNInit(10).fit(x, 5).inertia();

    assertThat(ten).isLessThanOrEqualTo(one);
  }

  @Test
  void predictGivesTheTrainingAssignmentsOnTheTrainingRows() {
    KMeansResult result = KMeans.withClusters(4).fit(blobs, 3);

    assertThat(result.predict(blobs)).containsExactly(result.assignments());
    assertThat(result.predict(new double[][] {result.centres()[2]})).containsExactly(2);
  }

  @Test
  void oneClusterIsTheMean() {
    double[][] x = {{0, 0}, {2, 0}, {4, 6}};

    KMeansResult result = KMeans.withClusters(1).fit(x, 0);

    assertThat(result.centres()[0]).containsExactly(2, 2);
    assertThat(result.inertia()).isCloseTo(4 + 4 + 4 + 0 + 4 + 16, within(1e-12));
  }

  @Test
  void validatesArguments() {
    assertThatThrownBy(() -> KMeans.withClusters(0)).hasMessage("clusters must be >= 1, found 0");
    assertThatThrownBy(() -> new KMeans(2, 0, 10, 0)).hasMessage("nInit must be >= 1, found 0");
    assertThatThrownBy(() -> KMeans.withClusters(3).fit(new double[][] {{1}, {2}}, 0))
        .hasMessage("x must have at least 3 rows, found 2");
    assertThatThrownBy(() -> KMeans.withClusters(3).fit(new double[][] {{1}, {1}, {2}, {2}}, 0))
        .hasMessage("k-means with clusters = 3 needs at least 3 distinct rows, found 2");
    assertThatThrownBy(() -> KMeans.withClusters(1).fit(new double[][] {{1}, {Double.NaN}}, 0))
        .hasMessage("x must hold finite values, found NaN at row 1, column 0");
  }
}
