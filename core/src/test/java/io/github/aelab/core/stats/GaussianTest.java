package io.github.aelab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianTest {

  @Test
  void logDensityMatchesAHandComputation() {
    // Sigma = [[2, 0.5], [0.5, 1]]: det = 1.75, Sigma^-1 = [[1, -0.5], [-0.5, 2]] / 1.75.
    // At x - mu = (1, -1): mahalanobis^2 = (1 + 2 * 0.5 + 2) / 1.75 = 4 / 1.75.
    Gaussian gaussian = Gaussian.full(new double[] {1, 2}, new double[][] {{2, 0.5}, {0.5, 1}}, "test");

    assertThat(gaussian.mahalanobisSquared(new double[] {2, 1})).isCloseTo(4 / 1.75, within(1e-12));
    assertThat(gaussian.logDeterminant()).isCloseTo(Math.log(1.75), within(1e-12));
    assertThat(gaussian.logDensity(new double[] {2, 1}))
        .isCloseTo(-0.5 * (2 * Math.log(2 * Math.PI) + Math.log(1.75) + 4 / 1.75), within(1e-12));
    double[][] rebuilt = gaussian.covariance();
    assertThat(rebuilt[0]).containsExactly(new double[] {2, 0.5}, within(1e-12));
    assertThat(rebuilt[1]).containsExactly(new double[] {0.5, 1}, within(1e-12));
  }

  @Test
  void diagonalAgreesWithAFullMatrixThatIsDiagonal() {
    double[] mean = {0.5, -1, 3};
    Gaussian diagonal = Gaussian.diagonal(mean, new double[] {0.25, 4, 1}, "diag");
    Gaussian full = Gaussian.full(mean, new double[][] {{0.25, 0, 0}, {0, 4, 0}, {0, 0, 1}}, "full");
    double[] x = {1, 1, 1};

    assertThat(diagonal.logDensity(x)).isCloseTo(full.logDensity(x), within(1e-12));
    // One dimension by hand: log N(1 | 0.5, 0.25) = -0.5 (log 2 pi + log 0.25 + 0.25 / 0.25).
    double first = -0.5 * (Math.log(2 * Math.PI) + Math.log(0.25) + 1);
    double second = -0.5 * (Math.log(2 * Math.PI) + Math.log(4) + 1);
    double third = -0.5 * (Math.log(2 * Math.PI) + 0 + 4);
    assertThat(diagonal.logDensity(x)).isCloseTo(first + second + third, within(1e-12));
  }

  @Test
  void rejectsACovarianceThatIsNotPositiveDefinite() {
    assertThatThrownBy(() -> Gaussian.full(new double[] {0, 0}, new double[][] {{1, 1}, {1, 1}}, "singular"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("singular: the covariance matrix is not positive definite");
    assertThatThrownBy(() -> Gaussian.diagonal(new double[] {0}, new double[] {0}, "flat"))
        .hasMessageStartingWith("flat: variance 0 must be finite and > 0, found 0.0");
  }
}
