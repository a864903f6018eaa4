package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.RowScorer;

/**
 * A linear subspace spanned by orthonormal basis vectors, possibly offset by a mean; scores rows by
 * their squared distance from it (the squared reconstruction error of projecting onto it).
 */
final class Subspace implements RowScorer {
  private static final long serialVersionUID = 1L;

  private final double[] offset;
  private final double[][] basis;

  /** The subspace {@code offset + span(basis)}; the basis vectors must be orthonormal. */
  Subspace(double[] offset, double[][] basis) {
    this.offset = offset.clone();
    this.basis = new double[basis.length][];
    for (int j = 0; j < basis.length; j++) {
      this.basis[j] = basis[j].clone();
    }
  }

  /** {@code |x - offset - P (x - offset)|^2}, computed from the residual itself rather than as a difference of norms. */
  @Override
  public double score(double[] row) {
    double[] residual = new double[row.length];
    for (int c = 0; c < row.length; c++) {
      residual[c] = row[c] - offset[c];
    }
    double[] centred = residual.clone();
    for (double[] direction : basis) {
      double coordinate = 0;
      for (int c = 0; c < row.length; c++) {
        coordinate += direction[c] * centred[c];
      }
      for (int c = 0; c < row.length; c++) {
        residual[c] -= coordinate * direction[c];
      }
    }
    double sum = 0;
    for (double r : residual) {
      sum += r * r;
    }
    return sum;
  }
}
