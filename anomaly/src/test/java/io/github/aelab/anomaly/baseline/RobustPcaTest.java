package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustPcaTest {

  @Test
  void recoversAPlantedLowRankPlusSparseSplit() {
    // L = A B^T with A 100 x 3 and B 50 x 3 standard normal (rank 3); S corrupts 5% of the entries
    // with values uniform in [-10, 10], several times the typical |L| entry of ~1.7.
    Random rng = new Random(42);
    int n = 100;
    int d = 50;
    double[][] a = gaussian(rng, n, 3);
    double[][] b = gaussian(rng, d, 3);
    double[][] low = new double[n][d];
    double[][] sparse = new double[n][d];
    double[][] m = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < 3; k++) {
          low[i][j] += a[i][k] * b[j][k];
        }
        sparse[i][j] = rng.nextDouble() < 0.05 ? 20 * rng.nextDouble() - 10 : 0;
        m[i][j] = low[i][j] + sparse[i][j];
      }
    }

    RobustPca.Decomposition result = RobustPca.defaults().decompose(m);

    assertThat(result.converged()).isTrue();
    assertThat(result.rank()).isEqualTo(3);
    assertThat(result.lambda()).isEqualTo(1 / Math.sqrt(100));
    assertThat(relativeError(result.lowRank(), low)).isLessThan(1e-3);
    assertThat(relativeError(result.sparse(), sparse)).isLessThan(1e-3);
    assertThat(result.rowBasis()).hasNumberOfRows(3);
  }

  @Test
  void validatesParameters() {
    assertThatThrownBy(() -> new RobustPca(OptionalDouble.of(0), 1e-7, 10))
        .hasMessage("lambda must be finite and > 0 (or empty for 1 / sqrt(max(n, d))), found 0.0");
    assertThatThrownBy(() -> RobustPca.defaults().decompose(new double[][] {{0, 0}, {0, 0}}))
        .hasMessage("the matrix to decompose is all zeros");
  }

  private static double[][] gaussian(Random rng, int rows, int cols) {
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int c = 0; c < cols; c++) {
        row[c] = rng.nextGaussian();
      }
    }
    return x;
  }

  /** |estimate - truth|_F / |truth|_F. */
  private static double relativeError(double[][] estimate, double[][] truth) {
    double error = 0;
    double norm = 0;
    for (int i = 0; i < truth.length; i++) {
      for (int j = 0; j < truth[i].length; j++) {
        double diff = estimate[i][j] - truth[i][j];
        error += diff * diff;
        norm += truth[i][j] * truth[i][j];
      }
    }
    return Math.sqrt(error / norm);
  }
}
