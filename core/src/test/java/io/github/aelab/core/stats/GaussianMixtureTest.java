package io.github.aelab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.core.data.SyntheticData;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {

  @Test
  void recoversTheMeansWeightsAndVariancesOfAOneDimensionalMixture() {
    // 30% from N(-2, 0.5^2), 70% from N(3, 1).
    double[][] x = mixture1d(3000, 0.3, -2, 0.5, 3, 1, 4);

    GaussianMixtureModel model = GaussianMixture.of(2, CovarianceType.FULL).fit(x, 1);

    int low = model.means()[0][0] < model.means()[1][0] ? 0 : 1;
    int high = 1 - low;
    assertThat(model.means()[low][0]).isCloseTo(-2, within(0.05));
    assertThat(model.means()[high][0]).isCloseTo(3, within(0.07));
    assertThat(model.weights()[low]).isCloseTo(0.3, within(0.02));
    assertThat(model.component(low).covariance()[0][0]).isCloseTo(0.25, within(0.03));
    assertThat(model.component(high).covariance()[0][0]).isCloseTo(1, within(0.1));
    assertThat(model.converged()).isTrue();
  }

  @Test
  void recoversATwoDimensionalMixtureWithCorrelatedComponents() {
    // Component A: mean (0, 0), covariance [[1, 0.8], [0.8, 1]]; component B: mean (6, 2), identity.
    Random rng = new Random(9);
    double[][] x = new double[2000][];
    for (int i = 0; i < x.length; i++) {
      double u = rng.nextGaussian();
      double v = rng.nextGaussian();
      x[i] = i % 4 == 0
          ? new double[] {6 + u, 2 + v}
          : new double[] {u, 0.8 * u + 0.6 * v};
    }

    GaussianMixtureModel model = GaussianMixture.of(2, CovarianceType.FULL).fit(x, 3);

    int a = model.means()[0][0] < 3 ? 0 : 1;
    assertThat(model.weights()[a]).isCloseTo(0.75, within(0.01));
    assertThat(model.means()[a]).containsExactly(new double[] {0, 0}, within(0.08));
    assertThat(model.means()[1 - a]).containsExactly(new double[] {6, 2}, within(0.12));
    assertThat(model.component(a).covariance()[0][1]).isCloseTo(0.8, within(0.08));
  }

  @Test
  void aSingleComponentIsTheMaximumLikelihoodGaussian() {
    double[][] x = {{1, 2}, {3, 1}, {2, 4}, {0, 1}, {4, 2}};
    // By hand: mean (2, 2); deviations (-1,0), (1,-1), (0,2), (-2,-1), (2,0);
    // covariance with divisor n: [[10, 1], [1, 6]] / 5 = [[2, 0.2], [0.2, 1.2]], plus 1e-6 on the diagonal.
    double a = 2 + 1e-6;
    double b = 0.2;
    double d = 1.2 + 1e-6;
    double det = a * d - b * b;

    GaussianMixtureModel model = GaussianMixture.of(1, CovarianceType.FULL).fit(x, 0);

    double[] scores = model.scoreSamples(x);
    for (int i = 0; i < x.length; i++) {
      double dx = x[i][0] - 2;
      double dy = x[i][1] - 2;
      double mahalanobis = (d * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
      double expected = -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * mahalanobis;
      assertThat(scores[i]).as("row %d", i).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void diagonalCovarianceIgnoresCorrelation() {
    double[][] x = {{1, 2}, {3, 1}, {2, 4}, {0, 1}, {4, 2}};

    GaussianMixtureModel model = GaussianMixture.of(1, CovarianceType.DIAGONAL).fit(x, 0);

    assertThat(model.component(0).covariance()[0]).containsExactly(new double[] {2 + 1e-6, 0}, within(1e-12));
    assertThat(model.parameterCount()).isEqualTo(4);
    assertThat(GaussianMixture.of(1, CovarianceType.FULL).fit(x, 0).parameterCount()).isEqualTo(5);
  }

  @Test
  void bicPicksTheNumberOfClearlySeparatedClusters() {
    double[][] x = Rows.of(SyntheticData.gaussianBlobs(600, 2, 3, 0.4, 21));

    GaussianMixture.BicSelection selection =
        GaussianMixture.selectByBic(GaussianMixture.of(1, CovarianceType.FULL), List.of(1, 2, 3, 4, 5), x, 2);

    assertThat(selection.components()).isEqualTo(3);
    assertThat(selection.bics()).containsOnlyKeys(1, 2, 3, 4, 5);
    assertThat(selection.bics().get(3)).isLessThan(selection.bics().get(2));
  }

  @Test
  void farAwayRowsGetFiniteLogDensitiesAndProbabilities() {
    double[][] x = mixture1d(200, 0.5, -1, 0.3, 1, 0.3, 5);
    GaussianMixtureModel model = GaussianMixture.of(2, CovarianceType.DIAGONAL).fit(x, 0);

    // exp(-(1e3)^2 / 0.18) underflows to 0 for both components; log space keeps it finite.
    double[][] far = {{1e3}};
    assertThat(model.scoreSamples(far)[0]).isFinite().isLessThan(-1e6);
    double[] proba = model.predictProba(far)[0];
    assertThat(proba[0] + proba[1]).isCloseTo(1, within(1e-12));
  }

  @Test
  void sameSeedSameModel() {
    double[][] x = Rows.of(SyntheticData.gaussianBlobs(300, 3, 3, 1.0, 4));
    GaussianMixture gmm = GaussianMixture.of(3, CovarianceType.FULL).withNInit(3);

    assertThat(gmm.fit(x, 8).scoreSamples(x)).containsExactly(gmm.fit(x, 8).scoreSamples(x));
  }

  @Test
  void validatesArguments() {
    assertThatThrownBy(() -> GaussianMixture.of(0, CovarianceType.FULL))
        .hasMessage("components must be >= 1, found 0");
    assertThatThrownBy(() -> new GaussianMixture(2, CovarianceType.FULL, -1, 10, 1e-3, 1))
        .hasMessage("regCovar must be finite and >= 0, found -1.0");
    assertThatThrownBy(() -> CovarianceType.fromKey("spherical"))
        .hasMessage("covariance type must be \"full\" or \"diag\", found \"spherical\"");
    assertThatThrownBy(() -> GaussianMixture.selectByBic(GaussianMixture.of(1, CovarianceType.FULL), List.of(2, 2),
        new double[][] {{0}, {1}, {2}}, 0)).hasMessage("candidates must not repeat a number of components, found 2"
        + " twice in [2, 2]");
  }

  /** {@code n} rows, each from N(mean1, std1^2) with probability {@code weight1}, else N(mean2, std2^2). */
  private static double[][] mixture1d(int n, double weight1, double mean1, double std1, double mean2, double std2,
                                      long seed) {
    Random rng = new Random(seed);
    double[][] x = new double[n][1];
    for (int i = 0; i < n; i++) {
      x[i][0] = rng.nextDouble() < weight1 ? mean1 + std1 * rng.nextGaussian() : mean2 + std2 * rng.nextGaussian();
    }
    return x;
  }
}
