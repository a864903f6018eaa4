package io.github.aelab.clustering.spectral;

import io.github.aelab.core.stats.KMeans;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Spectral clustering of a given affinity matrix by the algorithm of Ng, Jordan and Weiss (2001):
 * <ol>
 *   <li>{@code M = D^-1/2 A D^-1/2}, with {@code D} the diagonal of row sums (degrees) of the
 *       affinity {@code A} (so {@code I - M} is the normalized Laplacian);</li>
 *   <li>the eigenvectors of the {@code k} largest eigenvalues of {@code M} as the columns of an
 *       {@code n x k} matrix;</li>
 *   <li>each row scaled to unit length;</li>
 *   <li>k-means ({@link KMeans}, k-means++ seeding with restarts) on those rows.</li>
 * </ol>
 * With {@code k} groups that have no affinity between them, the top {@code k} eigenvectors span the
 * groups' indicators (scaled by {@code D^1/2}), and after step 3 all rows of a group sit on one
 * point of the unit sphere, orthogonal to the other groups' points, which k-means separates.
 *
 * <p>This is the last stage of deep subspace clustering (Peng et al. 2018; Ji et al. 2017), whose
 * self-expression matrix {@code C} gives the affinity {@code |C| + |C|^T}. The eigendecomposition
 * is dense, O(n^3): fine for the few thousand rows of those benchmarks (COIL-20, ORL, Extended
 * Yale B), not for 70,000.
 *
 * @param clusters       number of clusters {@code k}, {@code >= 1}
 * @param kmeansRestarts k-means restarts on the embedding, {@code >= 1}
 */
public record SpectralClustering(int clusters, int kmeansRestarts) {

  /**
   * Relative tolerance of the symmetry check: an affinity computed as a kernel of distances may
   * differ from its transpose by rounding, which is harmless; anything larger is a caller's bug.
   */
  private static final double SYMMETRY_TOLERANCE = 1e-9;

  public SpectralClustering {
    if (clusters < 1) {
      throw new IllegalArgumentException("clusters must be >= 1, found " + clusters);
    }
    if (kmeansRestarts < 1) {
      throw new IllegalArgumentException("kmeansRestarts must be >= 1, found " + kmeansRestarts);
    }
  }

  /** {@code clusters} clusters with k-means' default number of restarts (10, as scikit-learn). */
  public SpectralClustering(int clusters) {
    this(clusters, KMeans.DEFAULT_N_INIT);
  }

  /**
   * The cluster (0..clusters-1) of each of the {@code n} points whose {@code n x n} affinity is
   * given; see {@link #embedding} for what {@code affinity} must satisfy. The k-means restarts
   * draw from {@code seed}.
   */
  public int[] cluster(double[][] affinity, long seed) {
    return new KMeans(clusters, kmeansRestarts, KMeans.DEFAULT_MAX_ITERATIONS, KMeans.DEFAULT_TOLERANCE)
        .fit(embedding(affinity), seed)
        .assignments();
  }

  /**
   * The row-normalized spectral embedding: one unit-length row of {@code clusters} values per
   * point (steps 1-3). {@code affinity} must be square, with at least {@code clusters} rows,
   * finite, non-negative and symmetric (within a relative 1e-9; the mean of {@code A} and its
   * transpose is used), and every point must have a positive degree: a point with no affinity to
   * anything (including itself) has no place in the normalized Laplacian. A row whose embedding
   * is exactly 0 (possible only when the affinity has more disconnected groups than
   * {@code clusters}) stays 0 rather than being divided by its zero length.
   */
  public double[][] embedding(double[][] affinity) {
    int n = checkAffinity(affinity);
    double[] inverseSqrtDegree = new double[n];
    for (int i = 0; i < n; i++) {
      double degree = 0;
      for (int j = 0; j < n; j++) {
        degree += symmetric(affinity, i, j);
      }
      if (!(degree > 0)) {
        throw new IllegalArgumentException("row " + i + " of the affinity sums to " + degree
            + ": every point needs a positive degree (some affinity to some point) for the normalized Laplacian");
      }
      inverseSqrtDegree[i] = 1 / Math.sqrt(degree);
    }
    DMatrixRMaj normalized = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        normalized.data[i * n + j] = inverseSqrtDegree[i] * symmetric(affinity, i, j) * inverseSqrtDegree[j];
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eigen.decompose(normalized)) {
      throw new IllegalStateException("eigendecomposition of the " + n + "x" + n
          + " normalized affinity did not converge");
    }
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eigen.getEigenvalue(i).real).reversed());
    double[][] embedding = new double[n][clusters];
    for (int k = 0; k < clusters; k++) {
      DMatrixRMaj vector = eigen.getEigenVector(order[k]);
      for (int i = 0; i < n; i++) {
        embedding[i][k] = vector.get(i);
      }
    }
    for (double[] row : embedding) {
      double length = 0;
      for (double value : row) {
        length += value * value;
      }
      length = Math.sqrt(length);
      if (length > 0) {
        for (int k = 0; k < clusters; k++) {
          row[k] /= length;
        }
      }
    }
    return embedding;
  }

  private static double symmetric(double[][] affinity, int i, int j) {
    return (affinity[i][j] + affinity[j][i]) / 2;
  }

  private int checkAffinity(double[][] affinity) {
    Objects.requireNonNull(affinity, "affinity");
    int n = affinity.length;
    if (n < clusters) {
      throw new IllegalArgumentException("the affinity must have at least clusters = " + clusters
          + " rows, found " + n);
    }
    double largest = 0;
    for (int i = 0; i < n; i++) {
      if (affinity[i] == null || affinity[i].length != n) {
        throw new IllegalArgumentException("the affinity must be square: row " + i + " has "
            + (affinity[i] == null ? "no entries (null)" : affinity[i].length + " entries") + ", expected " + n);
      }
      for (int j = 0; j < n; j++) {
        double value = affinity[i][j];
        if (!(value >= 0) || Double.isInfinite(value)) {
          throw new IllegalArgumentException("the affinity must be finite and non-negative, found " + value
              + " at (" + i + ", " + j + ")");
        }
        largest = Math.max(largest, value);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Math.abs(affinity[i][j] - affinity[j][i]) > SYMMETRY_TOLERANCE * largest) {
          throw new IllegalArgumentException("the affinity must be symmetric, found " + affinity[i][j] + " at ("
              + i + ", " + j + ") but " + affinity[j][i] + " at (" + j + ", " + i + ")");
        }
      }
    }
    return n;
  }
}
