package io.github.aelab.anomaly.baseline;

import io.github.aelab.core.stats.Gaussian;
import java.util.stream.IntStream;

/** The maximum-likelihood Gaussian of some rows: their mean and covariance (divisor = row count). */
final class SampleGaussian {

  private SampleGaussian() {
  }

  /** The Gaussian of all rows of {@code x}, {@code regCovar} added to the covariance diagonal. */
  static Gaussian of(double[][] x, double regCovar) {
    return of(x, IntStream.range(0, x.length).toArray(), regCovar);
  }

  /** The Gaussian of the given rows of {@code x}, {@code regCovar} added to the covariance diagonal. */
  static Gaussian of(double[][] x, int[] rows, double regCovar) {
    int d = x[0].length;
    double[] mean = new double[d];
    for (int i : rows) {
      for (int c = 0; c < d; c++) {
        mean[c] += x[i][c];
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= rows.length;
    }
    // Deviations from the mean rather than sum(x x^T) - n mean mean^T, which cancels badly.
    double[][] cov = new double[d][d];
    for (int i : rows) {
      for (int a = 0; a < d; a++) {
        double da = x[i][a] - mean[a];
        for (int b = 0; b <= a; b++) {
          cov[a][b] += da * (x[i][b] - mean[b]);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        cov[a][b] /= rows.length;
        cov[b][a] = cov[a][b];
      }
      cov[a][a] += regCovar;
    }
    return Gaussian.full(mean, cov, "the covariance of " + rows.length + " rows (regularization " + regCovar + ")");
  }
}
