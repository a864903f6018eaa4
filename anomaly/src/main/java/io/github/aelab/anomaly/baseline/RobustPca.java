package io.github.aelab.anomaly.baseline;

import io.github.aelab.core.stats.Rows;
import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Robust PCA by principal component pursuit (Candès, Li, Ma and Wright, 2011): splits a matrix
 * {@code M} into a low-rank part {@code L} and a sparse part {@code S} by minimizing
 * {@code |L|_* + lambda |S|_1} subject to {@code L + S = M}, so a few grossly corrupted entries
 * end up in {@code S} instead of tilting the principal subspace as they tilt ordinary PCA.
 *
 * <p>Solved by the inexact augmented Lagrange multiplier method (Lin, Chen and Ma, 2010): each
 * iteration sets {@code L} by singular value thresholding of {@code M - S + Y / mu}, {@code S} by
 * entrywise soft thresholding of {@code M - L + Y / mu}, moves the multiplier {@code Y} along the
 * residual {@code M - L - S}, and grows {@code mu} by 1.5 (up to 1e7 times its start). It stops
 * when {@code |M - L - S|_F <= tolerance |M|_F}.
 *
 * @param lambda        the weight of the sparse part, {@code > 0}; empty for the paper's
 *                      {@code 1 / sqrt(max(n, d))}
 * @param tolerance     relative residual at which to stop, {@code > 0}
 * @param maxIterations iteration limit, {@code >= 1}
 */
public record RobustPca(OptionalDouble lambda, double tolerance, int maxIterations) {

  private static final double MU_GROWTH = 1.5;
  private static final double MU_RANGE = 1e7;

  public RobustPca {
    if (lambda.isPresent() && (!(lambda.getAsDouble() > 0) || Double.isInfinite(lambda.getAsDouble()))) {
      throw new IllegalArgumentException("lambda must be finite and > 0 (or empty for 1 / sqrt(max(n, d))), found "
          + lambda.getAsDouble());
    }
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite and > 0, found " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, found " + maxIterations);
    }
  }

  /** The paper's lambda, tolerance 1e-7 and at most 1000 iterations. */
  public static RobustPca defaults() {
    return new RobustPca(OptionalDouble.empty(), 1e-7, 1000);
  }

  /** Decomposes {@code m} (rows x columns, not all zero) into low-rank plus sparse parts. */
  public Decomposition decompose(double[][] m) {
    int n = m.length;
    Rows.requireMatrix(m, 1, "the matrix to decompose");
    int d = m[0].length;
    DMatrixRMaj matrix = new DMatrixRMaj(m);
    double lam = lambda.orElse(1 / Math.sqrt(Math.max(n, d)));
    double frobenius = frobenius(matrix.data);
    if (frobenius == 0) {
      throw new IllegalArgumentException("the matrix to decompose is all zeros");
    }
    Svd svdOfM = Svd.of(matrix);
    double spectral = svdOfM.values[0];
    double maxAbs = 0;
    for (double v : matrix.data) {
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    // Y starts as M scaled so that both its spectral norm and lambda^-1 times its largest entry are
    // at most 1: a dual-feasible point, from which the multiplier updates converge fastest.
    double[] y = matrix.data.clone();
    double scale = Math.max(spectral, maxAbs / lam);
    for (int i = 0; i < y.length; i++) {
      y[i] /= scale;
    }
    double mu = 1.25 / spectral;
    double muMax = mu * MU_RANGE;
    double[] low = new double[n * d];
    double[] sparse = new double[n * d];
    double[] work = new double[n * d];
    Svd lowSvd = null;
    int rank = 0;
    int iterations = 0;
    boolean converged = false;
    while (iterations < maxIterations && !converged) {
      iterations++;
      for (int i = 0; i < work.length; i++) {
        work[i] = matrix.data[i] - sparse[i] + y[i] / mu;
      }
      lowSvd = Svd.of(DMatrixRMaj.wrap(n, d, work));
      rank = lowSvd.shrinkInto(1 / mu, low);
      double threshold = lam / mu;
      for (int i = 0; i < work.length; i++) {
        double v = matrix.data[i] - low[i] + y[i] / mu;
        sparse[i] = Math.signum(v) * Math.max(Math.abs(v) - threshold, 0);
      }
      double residual = 0;
      for (int i = 0; i < work.length; i++) {
        double z = matrix.data[i] - low[i] - sparse[i];
        y[i] += mu * z;
        residual += z * z;
      }
      mu = Math.min(mu * MU_GROWTH, muMax);
      converged = Math.sqrt(residual) <= tolerance * frobenius;
    }
    return new Decomposition(toRows(low, n, d), toRows(sparse, n, d), lowSvd.rightVectors(rank), rank, lam,
        iterations, converged);
  }

  /**
   * The outcome of {@link #decompose}.
   *
   * @param lowRank    {@code L}
   * @param sparse     {@code S}
   * @param rowBasis   an orthonormal basis of the row space of {@code L} (one vector of length
   *                   {@code d} per row), by decreasing singular value
   * @param rank       the rank of {@code L}
   * @param lambda     the weight of the sparse part that was used
   * @param iterations iterations run
   * @param converged  whether the residual reached the tolerance
   */
  public record Decomposition(double[][] lowRank, double[][] sparse, double[][] rowBasis, int rank, double lambda,
                              int iterations, boolean converged) {
  }

  /** A compact SVD with its singular values sorted in decreasing order. */
  private static final class Svd {
    final DMatrixRMaj u;
    final DMatrixRMaj v;
    final double[] values;
    final int[] order;

    private Svd(DMatrixRMaj u, DMatrixRMaj v, double[] values, int[] order) {
      this.u = u;
      this.v = v;
      this.values = values;
      this.order = order;
    }

    static Svd of(DMatrixRMaj matrix) {
      SingularValueDecomposition_F64<DMatrixRMaj> svd =
          DecompositionFactory_DDRM.svd(matrix.numRows, matrix.numCols, true, true, true);
      if (!svd.decompose(matrix.copy())) {
        throw new IllegalStateException("the singular value decomposition of a " + matrix.numRows + " x "
            + matrix.numCols + " matrix did not converge");
      }
      double[] raw = svd.getSingularValues();
      int count = svd.numberOfSingularValues();
      int[] order = IntStream.range(0, count).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> -raw[i])).mapToInt(Integer::intValue).toArray();
      double[] sorted = new double[count];
      for (int j = 0; j < count; j++) {
        sorted[j] = raw[order[j]];
      }
      return new Svd(svd.getU(null, false), svd.getV(null, false), sorted, order);
    }

    /**
     * Writes the singular value thresholding {@code sum_j max(s_j - tau, 0) u_j v_j^T} into
     * {@code out} (row-major) and returns how many singular values survived.
     */
    int shrinkInto(double tau, double[] out) {
      Arrays.fill(out, 0);
      int rows = u.numRows;
      int cols = v.numRows;
      int kept = 0;
      for (int j = 0; j < values.length && values[j] > tau; j++) {
        kept++;
        double weight = values[j] - tau;
        int column = order[j];
        for (int r = 0; r < rows; r++) {
          double ur = weight * u.get(r, column);
          for (int c = 0; c < cols; c++) {
            out[r * cols + c] += ur * v.get(c, column);
          }
        }
      }
      return kept;
    }

    /** The first {@code k} right singular vectors, one per row. */
    double[][] rightVectors(int k) {
      double[][] basis = new double[k][v.numRows];
      for (int j = 0; j < k; j++) {
        for (int c = 0; c < v.numRows; c++) {
          basis[j][c] = v.get(c, order[j]);
        }
      }
      return basis;
    }
  }

  private static double frobenius(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  private static double[][] toRows(double[] flat, int n, int d) {
    double[][] rows = new double[n][];
    for (int r = 0; r < n; r++) {
      rows[r] = Arrays.copyOfRange(flat, r * d, (r + 1) * d);
    }
    return rows;
  }
}
