package io.github.aelab.clustering.retrieval;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Iterative quantization (Gong and Lazebnik 2011): the orthogonal rotation {@code R} of
 * zero-centred, projected data {@code V} (n x c) that makes {@code V R} closest to its own signs,
 * minimizing the quantization loss {@code Q(B, R) = ||B - V R||_F^2} over codes
 * {@code B in {-1, +1}^(n x c)} and orthogonal {@code R} by alternating:
 * <ul>
 *   <li>fix {@code R}: the best {@code B} is {@code sign(V R)};</li>
 *   <li>fix {@code B}: since {@code ||V R|| = ||V||}, minimizing {@code Q} maximizes
 *       {@code tr(B^T V R) = <V^T B, R>}; with the SVD {@code V^T B = U S W^T} the maximizer is
 *       {@code R = U W^T} (the orthogonal Procrustes problem), and the maximum is
 *       {@code tr(S)}.</li>
 * </ul>
 * Neither step can raise {@code Q}, so the recorded losses never increase.
 */
final class ItqRotation {

  private final DMatrixRMaj rotation;
  private final double[] losses;

  private ItqRotation(DMatrixRMaj rotation, double[] losses) {
    this.rotation = rotation;
    this.losses = losses;
  }

  /**
   * Learns the rotation of {@code v} in {@code iterations >= 1} alternations, from a random
   * orthogonal rotation drawn from {@code rng}.
   */
  static ItqRotation learn(DMatrixRMaj v, int iterations, Random rng) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, found " + iterations);
    }
    int n = v.numRows;
    int c = v.numCols;
    DMatrixRMaj rotation = RandomMatrices_DDRM.orthogonal(c, c, rng);
    DMatrixRMaj rotated = new DMatrixRMaj(n, c);
    DMatrixRMaj signs = new DMatrixRMaj(n, c);
    DMatrixRMaj cross = new DMatrixRMaj(c, c);
    DMatrixRMaj u = new DMatrixRMaj(c, c);
    DMatrixRMaj w = new DMatrixRMaj(c, c);
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(c, c, true, true, false);
    // Q = ||B||^2 + ||V R||^2 - 2 tr(B^T V R) = n c + ||V||^2 - 2 tr(S): no second n x c product.
    double constant = (double) n * c + Math.pow(NormOps_DDRM.normF(v), 2);
    double[] losses = new double[iterations];
    for (int it = 0; it < iterations; it++) {
      CommonOps_MT_DDRM.mult(v, rotation, rotated);
      for (int i = 0; i < rotated.data.length; i++) {
        // The same side of 0 as the hash bits: a projection of exactly 0 is bit 0, sign -1.
        signs.data[i] = rotated.data[i] > 0 ? 1 : -1;
      }
      CommonOps_MT_DDRM.multTransA(v, signs, cross);
      if (!svd.decompose(cross)) {
        throw new IllegalStateException("SVD of the " + c + "x" + c + " ITQ cross matrix did not converge at iteration "
            + it);
      }
      svd.getU(u, false);
      svd.getV(w, false);
      CommonOps_DDRM.multTransB(u, w, rotation);
      double trace = 0;
      double[] singular = svd.getSingularValues();
      // EJML's array may be longer than the number of singular values; read only those.
      for (int i = 0; i < svd.numberOfSingularValues(); i++) {
        trace += singular[i];
      }
      losses[it] = constant - 2 * trace;
    }
    return new ItqRotation(rotation, losses);
  }

  /** The learned c x c orthogonal rotation (a copy). */
  DMatrixRMaj rotation() {
    return rotation.copy();
  }

  /** The quantization loss {@code ||B - V R||_F^2} after each iteration's rotation update. */
  double[] losses() {
    return losses.clone();
  }
}
