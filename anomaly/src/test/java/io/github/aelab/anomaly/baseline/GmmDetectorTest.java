package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.stats.CovarianceType;
import io.github.aelab.core.stats.GaussianMixture;
import io.github.aelab.core.stats.GaussianMixtureModel;
import io.github.aelab.core.stats.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class GmmDetectorTest {

  private final Dataset blobs = SyntheticData.gaussianBlobs(300, 2, 3, 0.5, 6);

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(Baselines.create("gmm"));
    PlantedOutliers.assertRanksOutliersFirst(GmmDetector.fixed(2, CovarianceType.DIAGONAL));
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(Baselines.create("gmm"));
  }

  @Test
  void scoresTheNegativeLogDensityOfTheMixture() {
    GaussianMixtureModel model = GaussianMixture.of(3, CovarianceType.FULL).fit(blobs, 4);

    double[] scores = GmmDetector.fixed(3, CovarianceType.FULL).fit(blobs, 4).trainingScores();

    double[] logDensity = model.scoreSamples(blobs);
    for (int i = 0; i < scores.length; i++) {
      assertThat(scores[i]).isCloseTo(-logDensity[i], within(1e-12));
    }
  }

  @Test
  void bicSelectionUsesTheSelectedMixture() {
    double[][] x = Rows.of(blobs);
    GaussianMixture.BicSelection selection =
        GaussianMixture.selectByBic(GaussianMixture.of(1, CovarianceType.FULL), List.of(1, 2, 3, 4), x, 9);

    double[] selected = GmmDetector.selectedByBic(List.of(1, 2, 3, 4), CovarianceType.FULL).fit(blobs, 9)
        .trainingScores();

    assertThat(selection.components()).isEqualTo(3);
    assertThat(selected).containsExactly(GmmDetector.fixed(3, CovarianceType.FULL).fit(blobs, 9).trainingScores());
  }

  @Test
  void validatesParameters() {
    assertThat(GmmDetector.pyod().components()).containsExactly(1);
    assertThatThrownBy(() -> GmmDetector.selectedByBic(List.of(), CovarianceType.FULL))
        .hasMessage("components must list at least one number of components, found none");
    assertThatThrownBy(() -> GmmDetector.selectedByBic(List.of(2, 2), CovarianceType.FULL))
        .hasMessage("components must not repeat a number, found [2, 2]");
    assertThatThrownBy(() -> GmmDetector.fixed(0, CovarianceType.FULL)).hasMessage("components must be >= 1, found 0");
  }
}
