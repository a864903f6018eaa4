package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.core.data.Dataset;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SvddDetectorTest {

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(SvddDetector.defaults());
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(SvddDetector.defaults());
  }

  @Test
  void isTheOneClassSvmWithNuOneOverNTimesC() {
    Dataset train = PlantedOutliers.split(3).train();
    // 240 training rows; C = 1/24 gives nu = 1 / (240 / 24) = 0.1.
    double[] svdd = new SvddDetector(OptionalDouble.of(1 / 24.0), OptionalDouble.empty()).fit(train, 0)
        .trainingScores();
    double[] ocsvm = new OneClassSvmDetector(0.1, OptionalDouble.empty(), 1e-3, 200).fit(train, 0).trainingScores();

    assertThat(svdd).containsExactly(ocsvm);
    assertThat(SvddDetector.defaults().fit(train, 0).trainingScores()).containsExactly(ocsvm);
  }

  @Test
  void rejectsACTooSmallForTheConstraint() {
    // The multipliers sum to 1 and are each at most C, so C >= 1/n.
    assertThatThrownBy(() -> new SvddDetector(OptionalDouble.of(0.1), OptionalDouble.empty())
        .fit(TestRows.column(1, 2, 3, 4), 0))
        .hasMessage("C must be >= 1 / n = 0.25 for 4 training rows, found 0.1");
    assertThatThrownBy(() -> new SvddDetector(OptionalDouble.of(-1), OptionalDouble.empty()))
        .hasMessage("C must be finite and > 0 (or empty for 1 / (0.1 n)), found -1.0");
  }
}
