package io.github.aelab.clustering.subspace;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Soft clusters of new codes by how the training codes express them, the out-of-sample step of
 * a self-expressive model: a code z is written as {@code z ≈ Σ_i c_i z_i} over the {@code n}
 * training codes with the same ridge trade-off as training,
 * {@code min_c ρ ‖c‖² + ‖z − Σ c_i z_i‖²} with {@code ρ = λ1 / λ2}, solved in closed form as
 * {@code c = Z (ZᵀZ + ρ I)⁻¹ z} (the push-through form of {@code (Z Zᵀ + ρ I)⁻¹ Z z}: a
 * {@code d × d} system, not {@code n × n}). Cluster j's probability is its rows' share of
 * {@code Σ |c_i|}: a code that lies in one cluster's subspace is expressed by that cluster's rows,
 * as the training rows were by C.
 */
final class SelfExpression {
  private final DMatrixRMaj codes;
  private final DMatrixRMaj projector;
  private final int[] assignments;
  private final int clusters;

  /**
   * @param codes the training codes, row-major {@code [n, width]}
   * @param ridge ρ > 0
   * @param assignments the training rows' clusters, 0..clusters-1
   */
  SelfExpression(float[] codes, int width, double ridge, int[] assignments, int clusters) {
    Objects.requireNonNull(codes, "codes");
    if (!(ridge > 0)) {
      throw new IllegalArgumentException("ridge must be > 0, found " + ridge);
    }
    int n = codes.length / width;
    if (assignments.length != n) {
      throw new IllegalArgumentException(n + " codes but " + assignments.length + " assignments");
    }
    this.codes = new DMatrixRMaj(n, width);
    for (int i = 0; i < codes.length; i++) {
      this.codes.data[i] = codes[i];
    }
    DMatrixRMaj gram = new DMatrixRMaj(width, width);
    CommonOps_DDRM.multTransA(this.codes, this.codes, gram);
    for (int j = 0; j < width; j++) {
      gram.add(j, j, ridge);
    }
    if (!CommonOps_DDRM.invert(gram)) {
      throw new IllegalStateException("the regularized Gram matrix of the codes is singular");
    }
    this.projector = new DMatrixRMaj(n, width);
    CommonOps_DDRM.mult(this.codes, gram, projector);
    this.assignments = assignments.clone();
    this.clusters = clusters;
  }

  /** The coefficients {@code c} of each code (row-major {@code [m, width]}) over the training rows: {@code [m][n]}. */
  double[][] coefficients(float[] newCodes) {
    int width = codes.numCols;
    int m = newCodes.length / width;
    DMatrixRMaj z = new DMatrixRMaj(width, m);
    for (int r = 0; r < m; r++) {
      for (int j = 0; j < width; j++) {
        z.set(j, r, newCodes[r * width + j]);
      }
    }
    DMatrixRMaj c = new DMatrixRMaj(codes.numRows, m);
    CommonOps_DDRM.mult(projector, z, c);
    double[][] out = new double[m][codes.numRows];
    for (int r = 0; r < m; r++) {
      for (int i = 0; i < codes.numRows; i++) {
        out[r][i] = c.get(i, r);
      }
    }
    return out;
  }

  /** Each code's cluster probabilities: the clusters' shares of its absolute coefficients (uniform for a zero code). */
  double[][] softAssignments(float[] newCodes) {
    double[][] coefficients = coefficients(newCodes);
    double[][] soft = new double[coefficients.length][clusters];
    for (int r = 0; r < coefficients.length; r++) {
      double total = 0;
      for (int i = 0; i < coefficients[r].length; i++) {
        double weight = Math.abs(coefficients[r][i]);
        soft[r][assignments[i]] += weight;
        total += weight;
      }
      for (int j = 0; j < clusters; j++) {
        soft[r][j] = total > 0 ? soft[r][j] / total : 1.0 / clusters;
      }
    }
    return soft;
  }
}
