package io.github.aelab.clustering.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.clustering.metric.HungarianAccuracy;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.SyntheticData;
import org.junit.jupiter.api.Test;

class PcaKMeansClustererTest {

  /**
   * Four blobs in 30-D: their centres span at most 3 dimensions, so 3 principal components keep
   * them apart and k-means on the scores recovers them; new rows from the same blobs are
   * projected with the fitted components and land in their blob's cluster.
   */
  @Test
  void recoversBlobsOnPrincipalComponentScoresAndPlacesNewRows() {
    Dataset data = SyntheticData.gaussianBlobs(400, 30, 4, 1.0, 3);
    Dataset fresh = SyntheticData.gaussianBlobs(80, 30, 4, 1.0, 3); // the same seed draws the same centres
    PcaKMeansClusterer clusterer = PcaKMeansClusterer.of(3, 4);
    assertThat(clusterer.name()).isEqualTo("pca_kmeans");
    assertThat(clusterer.clusters()).isEqualTo(4);

    try (FittedClusterer fitted = clusterer.fit(data, 1)) {
      assertThat(HungarianAccuracy.of(data.labels(), fitted.trainingAssignments())).isEqualTo(1.0);
      assertThat(HungarianAccuracy.of(fresh.labels(), fitted.predict(fresh))).isEqualTo(1.0);
      for (double[] row : fitted.softAssignments(fresh.head(3))) {
        assertThat(row).containsOnly(0.0, 1.0);
      }
    }
  }

  @Test
  void refusesMoreComponentsThanColumns() {
    Dataset data = SyntheticData.gaussianBlobs(50, 4, 2, 1.0, 1);
    assertThatThrownBy(() -> PcaKMeansClusterer.of(6, 2).fit(data, 1))
        .hasMessage("pca_kmeans keeps 6 components but 'blobs' has 4 columns");
    assertThatThrownBy(() -> PcaKMeansClusterer.of(0, 2)).hasMessage("components must be >= 1, found 0");
  }
}
