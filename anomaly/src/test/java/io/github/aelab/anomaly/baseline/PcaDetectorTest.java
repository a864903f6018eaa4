package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.core.data.Dataset;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaDetectorTest {

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(PcaDetector.defaults());
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(PcaDetector.defaults());
  }

  @Test
  void scoresTheSquaredDistanceFromThePrincipalPlane() {
    // Rows spread along x and y (std ~3 and ~2) around (1, 1, 1), with a little noise in z (std 0.1).
    Random rng = new Random(1);
    double[][] rows = new double[200][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {1 + 3 * rng.nextGaussian(), 1 + 2 * rng.nextGaussian(), 1 + 0.1 * rng.nextGaussian()};
    }

    FittedDetector fitted = new PcaDetector(OptionalInt.of(2)).fit(TestRows.of(rows), 0);

    // A point 4 above the plane z ~ 1 scores about 4^2; one in the plane about 0.
    double[] scores = fitted.score(TestRows.of(new double[] {2, -3, 5}, new double[] {-4, 2, 1}));
    assertThat(scores[0]).isCloseTo(16, within(0.3));
    assertThat(scores[1]).isCloseTo(0, within(0.01));
  }

  @Test
  void defaultKeepsComponentsForNinetyPercentOfTheVariance() {
    assertThat(PcaDetector.defaultComponents(new double[] {0.6, 0.25, 0.1, 0.05})).isEqualTo(3);
    assertThat(PcaDetector.defaultComponents(new double[] {0.95, 0.03, 0.02})).isEqualTo(1);
    // Never all columns: two equal components would need both, so one is kept.
    assertThat(PcaDetector.defaultComponents(new double[] {0.5, 0.5})).isEqualTo(1);
  }

  @Test
  void rejectsAsManyComponentsAsColumns() {
    Dataset rows = TestRows.of(new double[] {0, 1}, new double[] {1, 0}, new double[] {2, 2});

    assertThatThrownBy(() -> new PcaDetector(OptionalInt.of(2)).fit(rows, 0))
        .hasMessage("components must be < the 2 columns, since 2 components reconstruct every row exactly, found 2");
    assertThatThrownBy(() -> new PcaDetector(OptionalInt.of(0)))
        .hasMessage("components must be >= 1 (or empty for 90% of the variance), found 0");
  }
}
