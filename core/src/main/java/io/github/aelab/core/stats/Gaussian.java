package io.github.aelab.core.stats;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A multivariate normal distribution, stored in the form that makes densities cheap and stable:
 * the mean and the Cholesky factor {@code L} of the covariance ({@code Sigma = L L^T}). The
 * squared Mahalanobis distance is then {@code |L^-1 (x - mu)|^2} (one triangular solve, no
 * inverse) and {@code log det Sigma = 2 sum log L_ii}, which cannot overflow as a determinant of a
 * high-dimensional matrix can. A diagonal covariance keeps only its variances, so evaluating it
 * costs {@code d} instead of {@code d^2} operations.
 */
public final class Gaussian implements java.io.Serializable {
  /** Fitted values are saved with anomaly detectors (aelab-anomaly's SavedDetector). */
  private static final long serialVersionUID = 1L;

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final double[] mean;
  /** Row-major lower-triangular Cholesky factor (d x d), or null for a diagonal covariance. */
  private final double[] cholesky;
  /** The variances of a diagonal covariance, or null for a full one. */
  private final double[] variances;
  private final double logDeterminant;

  private Gaussian(double[] mean, double[] cholesky, double[] variances, double logDeterminant) {
    this.mean = mean;
    this.cholesky = cholesky;
    this.variances = variances;
    this.logDeterminant = logDeterminant;
  }

  /**
   * A Gaussian with a full covariance matrix (d x d, symmetric positive definite); fails with a
   * message naming {@code what} when the matrix is not positive definite, e.g. because the data
   * are collinear and no regularization was added to the diagonal.
   */
  public static Gaussian full(double[] mean, double[][] covariance, String what) {
    int d = mean.length;
    requireMean(mean, what);
    if (covariance.length != d) {
      throw new IllegalArgumentException(what + ": covariance must be " + d + " x " + d + ", found "
          + covariance.length + " rows");
    }
    DMatrixRMaj matrix = new DMatrixRMaj(d, d);
    for (int r = 0; r < d; r++) {
      if (covariance[r].length != d) {
        throw new IllegalArgumentException(what + ": covariance must be " + d + " x " + d + ", found row " + r
            + " of length " + covariance[r].length);
      }
      for (int c = 0; c < d; c++) {
        matrix.set(r, c, covariance[r][c]);
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
    if (!chol.decompose(matrix)) {
      throw new IllegalArgumentException(what + ": the covariance matrix is not positive definite; "
          + "add a small value to its diagonal (regularization)");
    }
    double[] lower = chol.getT(null).data.clone();
    double logDet = 0;
    for (int i = 0; i < d; i++) {
      double pivot = lower[i * d + i];
      if (!(pivot > 0) || Double.isInfinite(pivot)) {
        throw new IllegalArgumentException(what + ": the covariance matrix is not positive definite (Cholesky pivot "
            + i + " is " + pivot + "); add a small value to its diagonal (regularization)");
      }
      logDet += 2 * Math.log(pivot);
    }
    return new Gaussian(mean.clone(), lower, null, logDet);
  }

  /** A Gaussian with a diagonal covariance given by its {@code variances}, all finite and > 0. */
  public static Gaussian diagonal(double[] mean, double[] variances, String what) {
    requireMean(mean, what);
    if (variances.length != mean.length) {
      throw new IllegalArgumentException(what + ": variances must have " + mean.length + " values, found "
          + variances.length);
    }
    double logDet = 0;
    for (int c = 0; c < variances.length; c++) {
      if (!(variances[c] > 0) || Double.isInfinite(variances[c])) {
        throw new IllegalArgumentException(what + ": variance " + c + " must be finite and > 0, found "
            + variances[c] + "; add a small value to the variances (regularization)");
      }
      logDet += Math.log(variances[c]);
    }
    return new Gaussian(mean.clone(), null, variances.clone(), logDet);
  }

  /** Number of dimensions. */
  public int dims() {
    return mean.length;
  }

  /** Whether the covariance is diagonal. */
  public boolean isDiagonal() {
    return variances != null;
  }

  /** A copy of the mean. */
  public double[] mean() {
    return mean.clone();
  }

  /** The covariance matrix, rebuilt as {@code L L^T} (or from the variances). */
  public double[][] covariance() {
    int d = mean.length;
    double[][] sigma = new double[d][d];
    for (int r = 0; r < d; r++) {
      if (variances != null) {
        sigma[r][r] = variances[r];
        continue;
      }
      for (int c = 0; c <= r; c++) {
        double sum = 0;
        for (int k = 0; k <= c; k++) {
          sum += cholesky[r * d + k] * cholesky[c * d + k];
        }
        sigma[r][c] = sum;
        sigma[c][r] = sum;
      }
    }
    return sigma;
  }

  /** {@code log det Sigma}. */
  public double logDeterminant() {
    return logDeterminant;
  }

  /** The squared Mahalanobis distance {@code (x - mu)^T Sigma^-1 (x - mu)}. */
  public double mahalanobisSquared(double[] x) {
    int d = mean.length;
    if (x.length != d) {
      throw new IllegalArgumentException("the Gaussian has " + d + " dimensions, but the row has " + x.length);
    }
    double sum = 0;
    if (variances != null) {
      for (int c = 0; c < d; c++) {
        double diff = x[c] - mean[c];
        sum += diff * diff / variances[c];
      }
      return sum;
    }
    double[] y = new double[d];
    for (int c = 0; c < d; c++) {
      y[c] = x[c] - mean[c];
    }
    TriangularSolver_DDRM.solveL(cholesky, y, d);
    for (double v : y) {
      sum += v * v;
    }
    return sum;
  }

  /** The log density at {@code x}: {@code -(d log 2 pi + log det Sigma + mahalanobis^2) / 2}. */
  public double logDensity(double[] x) {
    return -0.5 * (mean.length * LOG_2PI + logDeterminant + mahalanobisSquared(x));
  }

  private static void requireMean(double[] mean, String what) {
    if (mean.length == 0) {
      throw new IllegalArgumentException(what + ": the mean must have at least one dimension");
    }
    for (int c = 0; c < mean.length; c++) {
      if (!Double.isFinite(mean[c])) {
        throw new IllegalArgumentException(what + ": mean " + c + " must be finite, found " + mean[c]);
      }
    }
  }

  @Override
  public String toString() {
    return "Gaussian[mean=" + Arrays.toString(mean) + ", " + (variances != null ? "diagonal" : "full")
        + ", logDet=" + logDeterminant + "]";
  }
}
