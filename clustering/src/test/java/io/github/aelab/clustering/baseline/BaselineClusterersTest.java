package io.github.aelab.clustering.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.clustering.metric.HungarianAccuracy;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.stats.CovarianceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineClusterersTest {

  /** Five planted blobs in 8-D; 80% to fit on, the rest held out. */
  private static final Split BLOBS = Splits.trainTest(SyntheticData.gaussianBlobs(1000, 8, 5, 1.0, 21), 0.8, 2);

  private static final List<Clusterer> BASELINES = List.of(
      KMeansClusterer.withClusters(5),
      GmmClusterer.of(5, CovarianceType.FULL),
      GmmClusterer.of(5, CovarianceType.DIAGONAL));

  @Test
  void everyBaselineRecoversPlantedBlobs() {
    for (Clusterer clusterer : BASELINES) {
      try (FittedClusterer fitted = clusterer.fit(BLOBS.train(), 4)) {
        assertThat(HungarianAccuracy.of(BLOBS.train().labels(), fitted.trainingAssignments()))
            .as("%s on the training rows", clusterer).isGreaterThanOrEqualTo(0.95);
        assertThat(HungarianAccuracy.of(BLOBS.test().labels(), fitted.predict(BLOBS.test())))
            .as("%s on held-out rows", clusterer).isGreaterThanOrEqualTo(0.95);
      }
    }
  }

  @Test
  void softAssignmentsAreDistributionsOverTheClusters() {
    for (Clusterer clusterer : BASELINES) {
      FittedClusterer fitted = clusterer.fit(BLOBS.train(), 4);

      double[][] soft = fitted.softAssignments(BLOBS.test());

      assertThat(soft).hasNumberOfRows(BLOBS.test().rows());
      for (double[] row : soft) {
        assertThat(row).hasSize(5);
        double sum = 0;
        for (double p : row) {
          assertThat(p).isBetween(0.0, 1.0);
          sum += p;
        }
        assertThat(sum).as("%s row sum", clusterer).isCloseTo(1, within(1e-9));
      }
    }
  }

  @Test
  void kMeansSoftAssignmentsAreOneHotRowsOfItsPrediction() {
    FittedClusterer fitted = KMeansClusterer.withClusters(5).fit(BLOBS.train(), 4);
    Dataset rows = BLOBS.test();

    double[][] soft = fitted.softAssignments(rows);
    int[] hard = fitted.predict(rows);

    for (int i = 0; i < rows.rows(); i++) {
      for (int j = 0; j < 5; j++) {
        assertThat(soft[i][j]).isEqualTo(j == hard[i] ? 1.0 : 0.0);
      }
    }
  }

  @Test
  void fittingIsDeterministicGivenTheSeedAndIgnoresLabels() {
    Dataset unlabelled = new Dataset("blobs", BLOBS.train().features(), BLOBS.train().rows(), BLOBS.train().cols(), null);
    for (Clusterer clusterer : BASELINES) {
      assertThat(clusterer.fit(unlabelled, 9).trainingAssignments()).as("%s", clusterer)
          .isEqualTo(clusterer.fit(BLOBS.train(), 9).trainingAssignments());
    }
  }

  @Test
  void namesAndClusterCounts() {
    assertThat(KMeansClusterer.withClusters(3).name()).isEqualTo("kmeans");
    assertThat(KMeansClusterer.withClusters(3).clusters()).isEqualTo(3);
    assertThat(GmmClusterer.of(4, CovarianceType.DIAGONAL).name()).isEqualTo("gmm");
    assertThat(GmmClusterer.of(4, CovarianceType.DIAGONAL).clusters()).isEqualTo(4);
    assertThatThrownBy(() -> new KMeansClusterer(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kmeans settings must be given");
  }
}
