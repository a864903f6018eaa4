package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.metric.RocAuc;
import io.github.aelab.core.data.Dataset;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianDetectorTest {

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(GaussianDetector.classic());
    PlantedOutliers.assertRanksOutliersFirst(GaussianDetector.mcd());
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(GaussianDetector.classic());
    PlantedOutliers.assertSameSeedSameScores(GaussianDetector.mcd());
  }

  @Test
  void scoresTheSquaredMahalanobisDistance() {
    // Mean (0, 0); covariance (divisor n) diag(2, 0.5): the rows are (+-2, 0) and (0, +-1).
    Dataset train = TestRows.of(new double[] {2, 0}, new double[] {-2, 0}, new double[] {0, 1}, new double[] {0, -1});

    FittedDetector fitted = GaussianDetector.classic().fit(train, 0);

    // (1, 1): 1^2 / 2 + 1^2 / 0.5 = 2.5, up to the 1e-6 regularization.
    assertThat(fitted.score(TestRows.of(new double[] {1, 1}))[0]).isCloseTo(2.5, within(1e-5));
    assertThat(fitted.trainingScores()).containsExactly(new double[] {2, 2, 2, 2}, within(1e-5));
  }

  @Test
  void mcdIsNotMaskedByAClumpOfOutliers() {
    // 70 rows from N(0, I) and a tight clump of 30 at (6, 6): the clump drags the sample mean and
    // stretches the sample covariance towards itself, so its rows look only moderately far; the
    // MCD estimate, fitted on the 52 most concentrated rows, is the inliers' alone.
    Random rng = new Random(3);
    double[][] rows = new double[100][];
    boolean[] isOutlier = new boolean[100];
    for (int i = 0; i < 100; i++) {
      isOutlier[i] = i >= 70;
      double centre = isOutlier[i] ? 6 : 0;
      double std = isOutlier[i] ? 0.1 : 1;
      rows[i] = new double[] {centre + std * rng.nextGaussian(), centre + std * rng.nextGaussian()};
    }
    Dataset train = TestRows.of(rows);

    double[] classic = GaussianDetector.classic().fit(train, 0).trainingScores();
    double[] robust = GaussianDetector.mcd().fit(train, 0).trainingScores();

    assertThat(RocAuc.of(robust, isOutlier)).isEqualTo(1.0);
    assertThat(RocAuc.of(classic, isOutlier)).isLessThan(0.9);
    // The clump lies about 6 sqrt(2) / 1 = 8.5 standard deviations out: squared distance ~ 70.
    assertThat(robust[99]).isGreaterThan(30);
  }

  /**
   * At 4,000 rows the search nests in subsets (FAST-MCD): 3,200 inliers from a Gaussian in 6-D
   * whose first two columns correlate at 0.8, and 800 (20 %) from a unit Gaussian centred at 5 in
   * every column. The robust estimate is the inliers' alone: their correlation, a mean near 0, and
   * every outlier beyond every inlier.
   */
  @Test
  void theNestedSearchForLargeDataIsNotMaskedEither() {
    Random rng = new Random(5);
    int n = 4000;
    double[][] rows = new double[n][];
    boolean[] isOutlier = new boolean[n];
    for (int i = 0; i < n; i++) {
      isOutlier[i] = i % 5 == 0;
      double[] row = new double[6];
      double shared = rng.nextGaussian();
      for (int j = 0; j < 6; j++) {
        row[j] = isOutlier[i] ? 5 + rng.nextGaussian()
            : j < 2 ? Math.sqrt(0.8) * shared + Math.sqrt(0.2) * rng.nextGaussian() : rng.nextGaussian();
      }
      rows[i] = row;
    }
    Dataset train = TestRows.of(rows);
    assertThat(n).isGreaterThan(MinCovDet.NESTED_ABOVE);

    long start = System.nanoTime();
    double[] robust = GaussianDetector.mcd().fit(train, 0).trainingScores();
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(RocAuc.of(robust, isOutlier)).isEqualTo(1.0);
    io.github.aelab.core.stats.Gaussian g = MinCovDet.fit(rows, 2004, 1e-6, 0);
    double[][] cov = g.covariance();
    assertThat(cov[0][1] / Math.sqrt(cov[0][0] * cov[1][1])).isCloseTo(0.8, within(0.05));
    assertThat(g.mean()[3]).isCloseTo(0.0, within(0.1));
    System.out.printf("MCD on %d rows: %.2f s%n", n, seconds);
  }

  @Test
  void mcdWithNoMoreRowsThanColumnsIsTheSampleGaussian() {
    // 12 rows of 20 columns: every subset's covariance is singular, and every row of the sample
    // lies at the same distance, so scikit-learn's MCD keeps them all; so does ours, with a warning.
    Random rng = new Random(5);
    double[][] rows = new double[12][20];
    for (double[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        row[c] = rng.nextGaussian();
      }
    }
    Dataset train = TestRows.of(rows);
    Dataset test = TestRows.of(rows[0], new double[20]);

    double[] robust = GaussianDetector.mcd().fit(train, 0).score(test);
    double[] classic = GaussianDetector.classic().fit(train, 0).score(test);

    assertThat(robust).containsExactly(classic);
    assertThatThrownBy(() -> new GaussianDetector(true, OptionalDouble.of(1), 1e-6).fit(train, 0))
        .hasMessageStartingWith("the MCD needs more training rows than columns");
  }

  @Test
  void supportFractionControlsTheRawSubset() {
    Dataset data = PlantedOutliers.split(1).train();

    double[] byDefault = GaussianDetector.mcd().fit(data, 2).trainingScores();
    double[] ninetyPercent = new GaussianDetector(true, OptionalDouble.of(0.9), 1e-6).fit(data, 2).trainingScores();

    assertThat(ninetyPercent).isNotEqualTo(byDefault);
  }

  @Test
  void validatesParameters() {
    assertThat(GaussianDetector.classic().name()).isEqualTo("gaussian");
    assertThat(GaussianDetector.mcd().name()).isEqualTo("mcd");
    assertThatThrownBy(() -> new GaussianDetector(false, OptionalDouble.of(0.8), 1e-6))
        .hasMessage("supportFraction applies to the robust (MCD) estimate only, found 0.8 with robust = false");
    assertThatThrownBy(() -> new GaussianDetector(true, OptionalDouble.of(0), 1e-6))
        .hasMessage("supportFraction must be in (0, 1], found 0.0");
    assertThatThrownBy(() -> new GaussianDetector(true, OptionalDouble.of(0.01), 1e-6)
        .fit(PlantedOutliers.split(1).train(), 0))
        .hasMessage("the MCD support must be in 9..240 (more rows than the 8 columns, at most all 240 rows), found 2");
  }
}
