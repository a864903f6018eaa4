package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.anomaly.FittedDetector;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ParzenDetectorTest {

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(ParzenDetector.scott());
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(ParzenDetector.scott());
  }

  @Test
  void negativeLogDensityMatchesAHandComputation() {
    // Training values 0 and 1 standardize to -1 and +1 (mean 0.5, std 0.5). With h = 1 the density
    // at 0.5 (standardized 0) is the mean of N(0; -1, 1) and N(0; 1, 1), i.e. exp(-1/2) / sqrt(2 pi).
    FittedDetector fitted = new ParzenDetector(OptionalDouble.of(1)).fit(TestRows.column(0, 1), 0);

    assertThat(fitted.score(TestRows.column(0.5))[0]).isCloseTo(0.5 + LOG_SQRT_2PI, within(1e-12));
    // A training row's own kernel counts: at -1 the density is (N(0) + N(2)) / 2 in standard units.
    double ownKernelIncluded = -Math.log(0.5 * (1 + Math.exp(-2))) + LOG_SQRT_2PI;
    assertThat(fitted.trainingScores()).containsExactly(new double[] {ownKernelIncluded, ownKernelIncluded},
        within(1e-12));
  }

  @Test
  void scottsRuleShrinksTheBandwidthWithMoreRows() {
    // With Scott's h = n^(-1/(d+4)) = 4^(-1/5) for 4 rows in 1-D, the standardized rows -1.34..1.34.
    double[] values = {0, 1, 2, 3};
    double h = Math.pow(4, -1.0 / 5);
    double std = Math.sqrt(1.25);

    double scott = ParzenDetector.scott().fit(TestRows.column(values), 0).score(TestRows.column(1.5))[0];
    double given = new ParzenDetector(OptionalDouble.of(h)).fit(TestRows.column(values), 0)
        .score(TestRows.column(1.5))[0];

    assertThat(scott).isEqualTo(given);
    double density = 0;
    for (double v : values) {
      double z = (v - 1.5) / std;
      density += Math.exp(-z * z / (2 * h * h)) / (h * Math.sqrt(2 * Math.PI));
    }
    assertThat(scott).isCloseTo(-Math.log(density / 4), within(1e-12));
  }

  @Test
  void farRowsGetFiniteScoresInOrderOfDistance() {
    // Every kernel underflows to 0 at these distances; the log-sum-exp keeps the scores ordered.
    FittedDetector fitted = ParzenDetector.scott().fit(TestRows.column(0, 1, 2, 3), 0);

    double[] scores = fitted.score(TestRows.column(1e3, 2e3));

    assertThat(scores[0]).isFinite();
    assertThat(scores[1]).isFinite().isGreaterThan(scores[0]);
  }

  @Test
  void validatesTheBandwidth() {
    assertThatThrownBy(() -> new ParzenDetector(OptionalDouble.of(0)))
        .hasMessage("bandwidth must be finite and > 0 (or empty for Scott's rule), found 0.0");
  }
}
