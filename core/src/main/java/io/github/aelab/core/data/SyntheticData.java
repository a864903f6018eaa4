package io.github.aelab.core.data;

import java.util.Random;

/**
 * Seeded synthetic datasets for tests and examples. The same arguments always give the same
 * dataset: every generator draws from {@link java.util.Random}, whose algorithm the JDK
 * specifies, so results do not change between Java versions.
 */
public final class SyntheticData {

  /** Cluster centres are drawn uniformly from [-CENTRE_BOX, CENTRE_BOX] in each dimension. */
  private static final double CENTRE_BOX = 5;
  /** Outliers are drawn uniformly from the box twice as wide, so most fall between and beyond the clusters. */
  private static final double OUTLIER_BOX = 10;
  /**
   * Magnitude range of the manifold's frequencies (radians per unit of t), i.e. 0.6 to 1.6
   * periods over [0, 1]. Measured on 20 seeds (2000 rows, 20 ambient dims, 1 intrinsic, no
   * noise), the share of variance PCA-1 misses is 0.41 to 0.54 with [4, 10], but as low as 0.22
   * with [2, 6], where the curve is almost planar.
   */
  private static final double MIN_FREQUENCY = 4;
  private static final double MAX_FREQUENCY = 10;

  private SyntheticData() {
  }

  /**
   * Inliers from {@code clusters} isotropic Gaussian blobs plus uniform outliers, rows shuffled.
   * Labels: 0 = inlier, 1 = outlier, the convention of the ODDS and ADBench files.
   */
  public static Dataset gaussianBlobsWithOutliers(int inliers, int outliers, int dims, int clusters,
                          double clusterStd, long seed) {
    requireAtLeast("inliers", inliers, 0);
    requireAtLeast("outliers", outliers, 0);
    requireAtLeast("inliers + outliers", inliers + outliers, 1);
    checkStd(clusterStd);
    Random rng = new Random(seed);
    float[][] centres = centres(clusters, dims, rng);
    int rows = inliers + outliers;
    float[] features = new float[Math.multiplyExact(rows, dims)];
    int[] labels = new int[rows];
    int[] order = Permutations.random(rows, rng);
    for (int i = 0; i < rows; i++) {
      int row = order[i];
      if (i < inliers) {
        blobPoint(centres[i % clusters], clusterStd, rng, features, row * dims);
      } else {
        for (int c = 0; c < dims; c++) {
          features[row * dims + c] = (float) ((2 * rng.nextDouble() - 1) * OUTLIER_BOX);
        }
        labels[row] = 1;
      }
    }
    return new Dataset("blobs-with-outliers", features, rows, dims, labels);
  }

  /**
   * {@code rows} points from {@code clusters} isotropic Gaussian blobs of equal size (up to one),
   * rows shuffled; the label is the blob index, for clustering tests.
   */
  public static Dataset gaussianBlobs(int rows, int dims, int clusters, double clusterStd, long seed) {
    requireAtLeast("rows", rows, 1);
    checkStd(clusterStd);
    Random rng = new Random(seed);
    float[][] centres = centres(clusters, dims, rng);
    float[] features = new float[Math.multiplyExact(rows, dims)];
    int[] labels = new int[rows];
    int[] order = Permutations.random(rows, rng);
    for (int i = 0; i < rows; i++) {
      int row = order[i];
      labels[row] = i % clusters;
      blobPoint(centres[labels[row]], clusterStd, rng, features, row * dims);
    }
    return new Dataset("blobs", features, rows, dims, labels);
  }

  /**
   * Points near a smooth curved {@code intrinsicDims}-dimensional manifold in
   * {@code ambientDims} dimensions: with latent {@code t ~ U(0,1)^k}, feature j is
   * {@code sin(a_j . t + b_j)} plus Gaussian noise of std {@code noiseStd}, where the
   * frequencies {@code a_j} have random signs and magnitudes in [4, 10] and the phases {@code b_j}
   * are uniform in [0, 2 pi). The sines make the manifold bend several times, so a linear
   * projection to k dimensions (PCA) reconstructs it poorly while a nonlinear k-dimensional code
   * can. Unlabelled.
   */
  public static Dataset noisyManifold(int rows, int ambientDims, int intrinsicDims, double noiseStd, long seed) {
    requireAtLeast("rows", rows, 1);
    requireAtLeast("ambientDims", ambientDims, 1);
    requireAtLeast("intrinsicDims", intrinsicDims, 1);
    if (intrinsicDims > ambientDims) {
      throw new IllegalArgumentException("intrinsicDims must be <= ambientDims = " + ambientDims + ", found "
          + intrinsicDims);
    }
    checkStd(noiseStd);
    Random rng = new Random(seed);
    double[][] frequencies = new double[ambientDims][intrinsicDims];
    double[] phases = new double[ambientDims];
    for (int j = 0; j < ambientDims; j++) {
      for (int k = 0; k < intrinsicDims; k++) {
        double magnitude = MIN_FREQUENCY + (MAX_FREQUENCY - MIN_FREQUENCY) * rng.nextDouble();
        frequencies[j][k] = rng.nextBoolean() ? magnitude : -magnitude;
      }
      phases[j] = 2 * Math.PI * rng.nextDouble();
    }
    float[] features = new float[Math.multiplyExact(rows, ambientDims)];
    double[] t = new double[intrinsicDims];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < intrinsicDims; k++) {
        t[k] = rng.nextDouble();
      }
      for (int j = 0; j < ambientDims; j++) {
        double angle = phases[j];
        for (int k = 0; k < intrinsicDims; k++) {
          angle += frequencies[j][k] * t[k];
        }
        features[r * ambientDims + j] = (float) (Math.sin(angle) + noiseStd * rng.nextGaussian());
      }
    }
    return new Dataset("manifold-" + intrinsicDims + "d-in-" + ambientDims + "d", features, rows, ambientDims, null);
  }

  private static float[][] centres(int clusters, int dims, Random rng) {
    requireAtLeast("dims", dims, 1);
    requireAtLeast("clusters", clusters, 1);
    float[][] centres = new float[clusters][dims];
    for (float[] centre : centres) {
      for (int c = 0; c < dims; c++) {
        centre[c] = (float) ((2 * rng.nextDouble() - 1) * CENTRE_BOX);
      }
    }
    return centres;
  }

  private static void blobPoint(float[] centre, double std, Random rng, float[] into, int offset) {
    for (int c = 0; c < centre.length; c++) {
      into[offset + c] = (float) (centre[c] + std * rng.nextGaussian());
    }
  }

  private static void checkStd(double std) {
    if (!(std >= 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("standard deviation must be finite and >= 0, found " + std);
    }
  }

  private static void requireAtLeast(String what, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(what + " must be >= " + minimum + ", found " + value);
    }
  }

  /**
   * Points on a union of {@code subspaces} random linear subspaces of dimension {@code dim}
   * through the origin of {@code ambient} dimensions, {@code perSubspace} each: every subspace has
   * an orthonormal basis from Gram-Schmidt on Gaussian vectors; a point is {@code sqrt(ambient /
   * dim) · U a} with {@code a ~ N(0, I)} (so each feature has variance about 1) plus Gaussian noise
   * of std {@code noise}. The groups share their mean (the origin), which is what defeats k-means
   * and what subspace clustering is for. Labelled by subspace, rows shuffled.
   */
  public static Dataset unionOfSubspaces(int ambient, int dim, int subspaces, int perSubspace, double noise,
      long seed) {
    requireAtLeast("ambient", ambient, 1);
    requireAtLeast("dim", dim, 1);
    if (dim > ambient) {
      throw new IllegalArgumentException("a subspace of dimension " + dim + " does not fit in " + ambient);
    }
    requireAtLeast("subspaces", subspaces, 1);
    requireAtLeast("perSubspace", perSubspace, 1);
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise std must be a finite number >= 0, found " + noise);
    }
    Random rng = new Random(seed);
    double[][][] bases = new double[subspaces][][];
    for (int s = 0; s < subspaces; s++) {
      bases[s] = orthonormalBasis(ambient, dim, rng);
    }
    int rows = subspaces * perSubspace;
    int[] order = Permutations.random(rows, rng);
    float[] features = new float[rows * ambient];
    int[] labels = new int[rows];
    double scale = Math.sqrt(ambient / (double) dim);
    for (int i = 0; i < rows; i++) {
      int row = order[i];
      int s = i / perSubspace;
      labels[row] = s;
      double[] a = new double[dim];
      for (int k = 0; k < dim; k++) {
        a[k] = rng.nextGaussian();
      }
      for (int j = 0; j < ambient; j++) {
        double value = 0;
        for (int k = 0; k < dim; k++) {
          value += bases[s][k][j] * a[k];
        }
        features[row * ambient + j] = (float) (scale * value + noise * rng.nextGaussian());
      }
    }
    return new Dataset("subspaces", features, rows, ambient, labels);
  }

  /** {@code dim} orthonormal vectors of length {@code ambient}. */
  private static double[][] orthonormalBasis(int ambient, int dim, Random rng) {
    double[][] basis = new double[dim][ambient];
    for (int k = 0; k < dim; k++) {
      for (int j = 0; j < ambient; j++) {
        basis[k][j] = rng.nextGaussian();
      }
      for (int p = 0; p < k; p++) {
        double dot = 0;
        for (int j = 0; j < ambient; j++) {
          dot += basis[k][j] * basis[p][j];
        }
        for (int j = 0; j < ambient; j++) {
          basis[k][j] -= dot * basis[p][j];
        }
      }
      double norm = 0;
      for (int j = 0; j < ambient; j++) {
        norm += basis[k][j] * basis[k][j];
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < ambient; j++) {
        basis[k][j] /= norm;
      }
    }
    return basis;
  }
}
