package io.github.aelab.anomaly.deep;

import io.github.aelab.anomaly.RowScorer;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A Gaussian mixture in DAGMM's energy space, estimated from memberships: what DAGMM scores new
 * rows with once training ends (the paper's φ, μ, Σ computed over the whole training set rather
 * than one batch). Plain Java in double precision, factorized by EJML: an independent check of the
 * graph's unrolled factorization as well.
 */
public final class MixtureParameters implements RowScorer {
  private static final long serialVersionUID = 1L;
  private final int d;
  private final double[] weights;
  private final double[][] means;
  /** Lower Cholesky factors, one d x d row-major array per component. */
  private final double[][] factors;
  private final double[] logDeterminants;

  private MixtureParameters(double[] weights, double[][] means, double[][] factors, double[] logDeterminants) {
    this.d = means[0].length;
    this.weights = weights;
    this.means = means;
    this.factors = factors;
    this.logDeterminants = logDeterminants;
  }

  /**
   * Estimates φ_k = mean γ_k, μ_k = Σ γ_nk z_n / Σ γ_nk and Σ_k likewise, plus {@code jitter} on
   * the diagonal (as in training).
   *
   * @param z row-major [n, d]
   * @param gamma row-major [n, k]
   */
  public static MixtureParameters estimate(float[] z, float[] gamma, int d, int k, double jitter) {
    int n = z.length / d;
    if (n * d != z.length || gamma.length != n * k || n == 0) {
      throw new IllegalArgumentException("z must be [n, " + d + "] and gamma [n, " + k + "] with n >= 1; found "
          + z.length + " and " + gamma.length + " values");
    }
    double[] sums = new double[k];
    double[][] means = new double[k][d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        double g = gamma[i * k + c];
        sums[c] += g;
        for (int j = 0; j < d; j++) {
          means[c][j] += g * z[i * d + j];
        }
      }
    }
    double[] weights = new double[k];
    double[][] factors = new double[k][];
    double[] logDets = new double[k];
    for (int c = 0; c < k; c++) {
      if (!(sums[c] > 0)) {
        throw new IllegalStateException("mixture component " + c + " has no membership mass; "
            + "the estimation network put every row elsewhere");
      }
      weights[c] = sums[c] / n;
      for (int j = 0; j < d; j++) {
        means[c][j] /= sums[c];
      }
      DMatrixRMaj cov = new DMatrixRMaj(d, d);
      for (int i = 0; i < n; i++) {
        double g = gamma[i * k + c];
        for (int a = 0; a < d; a++) {
          double da = z[i * d + a] - means[c][a];
          for (int b = 0; b <= a; b++) {
            cov.add(a, b, g * da * (z[i * d + b] - means[c][b]));
          }
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          double v = cov.get(a, b) / sums[c] + (a == b ? jitter : 0);
          cov.set(a, b, v);
          cov.set(b, a, v);
        }
      }
      CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
      if (!chol.decompose(cov)) {
        throw new IllegalStateException("the covariance of mixture component " + c + " is not positive definite "
            + "even with jitter " + jitter);
      }
      DMatrixRMaj lower = chol.getT(null);
      factors[c] = lower.data.clone();
      double logDet = 0;
      for (int j = 0; j < d; j++) {
        logDet += 2 * Math.log(lower.get(j, j));
      }
      logDets[c] = logDet;
    }
    return new MixtureParameters(weights, means, factors, logDets);
  }

  /** The energy of one energy-space row: the mixture is the Java half of a saved DAGMM. */
  @Override
  public double score(double[] z) {
    float[] row = new float[z.length];
    for (int j = 0; j < z.length; j++) {
      row[j] = (float) z[j];
    }
    return energy(row)[0];
  }

  /** Sample energy {@code -log Σ_k φ_k N(z | μ_k, Σ_k)} of each row of {@code z} ([n, d]). */
  public double[] energy(float[] z) {
    int n = z.length / d;
    int k = weights.length;
    double[] out = new double[n];
    double[] logDensity = new double[k];
    double[] y = new double[d];
    double constant = d * Math.log(2 * Math.PI);
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double[] l = factors[c];
        double mahalanobis = 0;
        for (int j = 0; j < d; j++) {
          double rest = z[i * d + j] - means[c][j];
          for (int m = 0; m < j; m++) {
            rest -= l[j * d + m] * y[m];
          }
          y[j] = rest / l[j * d + j];
          mahalanobis += y[j] * y[j];
        }
        logDensity[c] = Math.log(weights[c]) - 0.5 * mahalanobis - 0.5 * (logDeterminants[c] + constant);
        max = Math.max(max, logDensity[c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        sum += Math.exp(logDensity[c] - max);
      }
      out[i] = -(max + Math.log(sum));
    }
    return out;
  }

  public double[] weights() {
    return weights.clone();
  }

  public double[] logDeterminants() {
    return logDeterminants.clone();
  }

  public double[] mean(int component) {
    return means[component].clone();
  }
}
