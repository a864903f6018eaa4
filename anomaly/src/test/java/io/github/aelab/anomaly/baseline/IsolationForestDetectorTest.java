package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.core.data.Dataset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsolationForestDetectorTest {

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(IsolationForestDetector.defaults());
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(IsolationForestDetector.defaults());
  }

  @Test
  void otherSeedOtherForest() {
    Dataset train = PlantedOutliers.split(1).train();

    assertThat(IsolationForestDetector.defaults().fit(train, 1).trainingScores())
        .isNotEqualTo(IsolationForestDetector.defaults().fit(train, 2).trainingScores());
  }

  @Test
  void averagePathLengthOfAnUnsuccessfulSearch() {
    assertThat(IsolationTree.averagePathLength(1)).isZero();
    assertThat(IsolationTree.averagePathLength(2)).isEqualTo(1);
    // 2 (ln 255 + 0.5772...) - 2 * 255 / 256.
    assertThat(IsolationTree.averagePathLength(256)).isCloseTo(10.2448, within(1e-4));
  }

  @Test
  void scoresAreNearOneForIsolatedRowsAndBelowOneHalfForTypicalOnes() {
    Random rng = new Random(4);
    double[][] rows = new double[500][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
    }

    FittedDetector fitted = IsolationForestDetector.defaults().fit(TestRows.of(rows), 3);

    double[] scores = fitted.score(TestRows.of(new double[] {0, 0}, new double[] {8, -8}));
    assertThat(scores[0]).isBetween(0.0, 0.5);
    assertThat(scores[1]).isBetween(0.7, 1.0);
  }

  @Test
  void identicalRowsEndInOneLeaf() {
    // No column varies, so every tree is a single leaf holding psi = 4 rows: h = c(4) = c(psi), s = 1/2.
    FittedDetector fitted = IsolationForestDetector.defaults().fit(TestRows.column(3, 3, 3, 3), 0);

    assertThat(fitted.trainingScores()).containsExactly(new double[] {0.5, 0.5, 0.5, 0.5}, within(1e-12));
  }

  @Test
  void validatesParameters() {
    assertThatThrownBy(() -> new IsolationForestDetector(0, 256)).hasMessage("trees must be >= 1, found 0");
    assertThatThrownBy(() -> new IsolationForestDetector(100, 1)).hasMessage("maxSamples must be >= 2, found 1");
  }
}
