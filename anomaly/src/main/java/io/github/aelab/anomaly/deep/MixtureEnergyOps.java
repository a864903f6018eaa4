package io.github.aelab.anomaly.deep;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;

/**
 * DAGMM's estimation-side math in the graph (Zong et al. 2018, eqs. 5-7): mixture parameters
 * from a batch's soft memberships, the sample energy, and the penalty on small variances.
 *
 * <p>Why the Cholesky factorization is written out element by element: TensorFlow's C++
 * gradient registry (which TF Java uses) has no gradient for {@code Cholesky},
 * {@code MatrixDeterminant} or {@code MatrixInverse}. DAGMM's energy space is small (the code
 * plus two distance features, d = 3 on KDDCUP99), so the factorization is unrolled over
 * d(d+1)/2 operands of shape [K] (one per covariance entry, all K components at once). Every op is
 * then an elementwise one with a registered gradient, the log-determinant is exact
 * ({@code 2 Σ log L_jj}), and the Mahalanobis term is a forward substitution, never an explicit
 * inverse. Graph size grows as d³, which is why {@link #MAX_DIMENSIONS} bounds d.
 */
final class MixtureEnergyOps {

  /** A bound on the unrolled size; DAGMM's energy spaces are far smaller. */
  static final int MAX_DIMENSIONS = 32;

  /**
   * @param energy per-row sample energy, shape [N]
   * @param inverseDiagonalPenalty {@code Σ_k Σ_j 1 / Σ_k[j][j]}, scalar
   * @param logDeterminants {@code log |Σ_k|}, shape [K]
   * @param weights mixture weights φ, shape [K]
   * @param means μ, shape [K, d]
   */
  record Result(Operand<TFloat32> energy, Operand<TFloat32> inverseDiagonalPenalty, Operand<TFloat32> logDeterminants,
      Operand<TFloat32> weights, Operand<TFloat32> means) {}

  private MixtureEnergyOps() {
  }

  /**
   * @param z energy-space rows, shape [N, d]
   * @param gamma soft memberships, shape [N, K], rows summing to 1
   * @param jitter added to every covariance diagonal so that a collapsing component stays
   *     positive definite (the DAGMM paper's implementation adds a small multiple of I too)
   */
  static Result build(Ops tf, Operand<TFloat32> z, Operand<TFloat32> gamma, int d, int components, float jitter) {
    if (d < 1 || d > MAX_DIMENSIONS) {
      throw new IllegalArgumentException("the energy space must have 1.." + MAX_DIMENSIONS + " dimensions, found " + d);
    }
    Operand<TFloat32> sumGamma = tf.reduceSum(gamma, tf.constant(0));
    Operand<TFloat32> rows = tf.dtypes.cast(tf.shape.size(tf.shape(z), tf.constant(0)), TFloat32.class);
    Operand<TFloat32> weights = tf.math.div(sumGamma, rows);
    Operand<TFloat32> means = tf.math.div(tf.linalg.matMul(gamma, z, org.tensorflow.op.linalg.MatMul.transposeA(true)),
        tf.expandDims(sumGamma, tf.constant(1)));

    List<Operand<TFloat32>> zColumns = columns(tf, z, d);
    List<Operand<TFloat32>> meanColumns = columns(tf, means, d);
    List<Operand<TFloat32>> diff = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      diff.add(tf.math.sub(tf.expandDims(zColumns.get(j), tf.constant(1)), tf.expandDims(meanColumns.get(j), tf.constant(0))));
    }

    // Covariance entries [K] (lower triangle), weighted by memberships.
    Operand<TFloat32>[][] sigma = newLower(d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        Operand<TFloat32> weighted = tf.math.mul(gamma, tf.math.mul(diff.get(i), diff.get(j)));
        Operand<TFloat32> entry = tf.math.div(tf.reduceSum(weighted, tf.constant(0)), sumGamma);
        sigma[i][j] = i == j ? tf.math.add(entry, tf.constant(jitter)) : entry;
      }
    }

    Operand<TFloat32>[][] chol = cholesky(tf, sigma, d);
    List<Operand<TFloat32>> logDiagonal = new ArrayList<>(d);
    List<Operand<TFloat32>> inverseDiagonal = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      logDiagonal.add(tf.math.log(chol[j][j]));
      inverseDiagonal.add(tf.math.reciprocal(sigma[j][j]));
    }
    Operand<TFloat32> logDet = tf.math.mul(tf.constant(2f), tf.math.addN(logDiagonal));

    // Forward substitution L y = (z - μ): y_j = (diff_j - Σ_{m<j} L_jm y_m) / L_jj, per row and component.
    List<Operand<TFloat32>> y = new ArrayList<>(d);
    List<Operand<TFloat32>> squares = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      Operand<TFloat32> rest = diff.get(j);
      for (int m = 0; m < j; m++) {
        rest = tf.math.sub(rest, tf.math.mul(chol[j][m], y.get(m)));
      }
      Operand<TFloat32> yj = tf.math.div(rest, chol[j][j]);
      y.add(yj);
      squares.add(tf.math.square(yj));
    }
    Operand<TFloat32> mahalanobis = d == 1 ? squares.get(0) : tf.math.addN(squares);

    // log φ_k N(z | μ_k, Σ_k), then energy = -log Σ_k exp(·), stabilized by the row maximum (held
    // constant for the gradient: the identity holds for any shift).
    Operand<TFloat32> logDensity = tf.math.sub(
        tf.math.sub(tf.math.log(weights), tf.math.mul(tf.constant(0.5f), mahalanobis)),
        tf.math.mul(tf.constant(0.5f),
            tf.math.add(logDet, tf.constant((float) (d * Math.log(2 * Math.PI))))));
    Operand<TFloat32> shift = tf.stopGradient(tf.reduceMax(logDensity, tf.constant(1), org.tensorflow.op.core.ReduceMax.keepDims(true)));
    Operand<TFloat32> logSum = tf.math.add(
        tf.math.log(tf.reduceSum(tf.math.exp(tf.math.sub(logDensity, shift)), tf.constant(1))),
        tf.squeeze(shift, org.tensorflow.op.core.Squeeze.axis(List.of(1L))));
    Operand<TFloat32> energy = tf.math.neg(logSum);
    Operand<TFloat32> penalty = tf.reduceSum(d == 1 ? inverseDiagonal.get(0) : tf.math.addN(inverseDiagonal), tf.constant(0));
    return new Result(energy, penalty, logDet, weights, means);
  }

  /** The lower-triangular factor L of each [K]-batched covariance, L Lᵀ = Σ. */
  private static Operand<TFloat32>[][] cholesky(Ops tf, Operand<TFloat32>[][] sigma, int d) {
    Operand<TFloat32>[][] chol = newLower(d);
    for (int j = 0; j < d; j++) {
      Operand<TFloat32> diagonal = sigma[j][j];
      for (int m = 0; m < j; m++) {
        diagonal = tf.math.sub(diagonal, tf.math.square(chol[j][m]));
      }
      chol[j][j] = tf.math.sqrt(diagonal);
      for (int i = j + 1; i < d; i++) {
        Operand<TFloat32> entry = sigma[i][j];
        for (int m = 0; m < j; m++) {
          entry = tf.math.sub(entry, tf.math.mul(chol[i][m], chol[j][m]));
        }
        chol[i][j] = tf.math.div(entry, chol[j][j]);
      }
    }
    return chol;
  }

  private static List<Operand<TFloat32>> columns(Ops tf, Operand<TFloat32> matrix, int d) {
    if (d == 1) {
      return List.of(tf.squeeze(matrix, org.tensorflow.op.core.Squeeze.axis(List.of(1L))));
    }
    List<Operand<TFloat32>> out = new ArrayList<>(d);
    tf.unstack(matrix, (long) d, Unstack.axis(1L)).forEach(out::add);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32>[][] newLower(int d) {
    Operand<TFloat32>[][] lower = new Operand[d][];
    for (int i = 0; i < d; i++) {
      lower[i] = new Operand[i + 1];
    }
    return lower;
  }
}
