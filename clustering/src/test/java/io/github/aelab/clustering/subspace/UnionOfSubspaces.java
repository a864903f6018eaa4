package io.github.aelab.clustering.subspace;

import io.github.aelab.core.data.Dataset;
import java.util.Random;

/**
 * Test data for subspace clustering: points on a union of random linear subspaces through the
 * origin. Every subspace has an orthonormal basis from Gram-Schmidt on Gaussian vectors; a point
 * is {@code sqrt(ambient / dim) · U a} with {@code a ~ N(0, I)} (so each feature has variance
 * about 1) plus Gaussian noise. Each subspace's points are centred on the origin, so the groups
 * are not blobs: their means coincide, which is what defeats k-means. Labelled by subspace, rows
 * shuffled.
 */
final class UnionOfSubspaces {
  private UnionOfSubspaces() {
  }

  static Dataset sample(int ambient, int dim, int subspaces, int perSubspace, double noise, long seed) {
    Random rng = new Random(seed);
    double[][][] bases = new double[subspaces][][];
    for (int s = 0; s < subspaces; s++) {
      bases[s] = orthonormalBasis(ambient, dim, rng);
    }
    int rows = subspaces * perSubspace;
    int[] order = shuffled(rows, rng);
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

  private static int[] shuffled(int n, Random rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
