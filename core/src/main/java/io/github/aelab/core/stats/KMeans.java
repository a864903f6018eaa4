package io.github.aelab.core.stats;

import io.github.aelab.core.data.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * K-means clustering: greedy k-means++ seeding (Arthur and Vassilvitskii, 2007) followed by Lloyd
 * iterations, restarted {@code nInit} times and keeping the run with the lowest inertia, as
 * scikit-learn's {@code KMeans}.
 *
 * <p>A run stops when no row changes cluster, when the centres move less than the tolerance, or
 * after {@code maxIterations}. Like scikit-learn, the tolerance is relative to the data: the run
 * has converged when the summed squared movement of all centres is at most
 * {@code tolerance * mean per-column variance}, so the same tolerance works for data of any scale.
 *
 * @param clusters      number of clusters {@code k}, {@code >= 1}
 * @param nInit         number of seeded restarts, {@code >= 1}
 * @param maxIterations Lloyd iterations per restart, {@code >= 1}
 * @param tolerance     relative tolerance on the centres' movement, {@code >= 0}
 */
public record KMeans(int clusters, int nInit, int maxIterations, double tolerance) {

  /** scikit-learn's defaults: 10 restarts of at most 300 iterations, tolerance 1e-4. */
  public static final int DEFAULT_N_INIT = 10;
  public static final int DEFAULT_MAX_ITERATIONS = 300;
  public static final double DEFAULT_TOLERANCE = 1e-4;

  public KMeans {
    if (clusters < 1) {
      throw new IllegalArgumentException("clusters must be >= 1, found " + clusters);
    }
    if (nInit < 1) {
      throw new IllegalArgumentException("nInit must be >= 1, found " + nInit);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, found " + maxIterations);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite and >= 0, found " + tolerance);
    }
  }

  /** {@code k} clusters with scikit-learn's defaults for everything else. */
  public static KMeans withClusters(int clusters) {
    return new KMeans(clusters, DEFAULT_N_INIT, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
  }

  /** The same settings with another number of restarts. */
  public KMeans withNInit(int restarts) {
    return new KMeans(clusters, restarts, maxIterations, tolerance);
  }

  /** Clusters the features of {@code data}; its labels, if any, are ignored. */
  public KMeansResult fit(Dataset data, long seed) {
    return fit(Rows.of(data), seed);
  }

  /**
   * Clusters the rows of {@code x}, which needs at least {@code clusters} distinct rows; every
   * random draw comes from {@code seed}, so the same seed gives the same result.
   */
  public KMeansResult fit(double[][] x, long seed) {
    Rows.requireMatrix(x, clusters, "x");
    double absoluteTolerance = tolerance * meanColumnVariance(x);
    SplittableRandom rng = new SplittableRandom(seed);
    KMeansResult best = null;
    for (int run = 0; run < nInit; run++) {
      KMeansResult result = lloyd(x, plusPlusCentres(x, rng), absoluteTolerance);
      // Strictly lower, so that among equal inertias the earliest restart wins deterministically.
      if (best == null || result.inertia() < best.inertia()) {
        best = result;
      }
    }
    return best;
  }

  /**
   * Greedy k-means++ seeding, as scikit-learn: the first centre is a uniformly random row; for
   * each further centre, {@code 2 + floor(ln k)} candidate rows are drawn with probability
   * proportional to their squared distance from the nearest centre so far, and the candidate that
   * leaves the smallest total squared distance is kept. Plain k-means++ (one candidate) too often
   * puts two centres into one of two nearby clusters, which Lloyd iterations cannot undo.
   */
  private double[][] plusPlusCentres(double[][] x, SplittableRandom rng) {
    int n = x.length;
    int trials = 2 + (int) Math.floor(Math.log(clusters));
    double[][] centres = new double[clusters][];
    centres[0] = x[rng.nextInt(n)].clone();
    double[] nearest = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      nearest[i] = Rows.squaredDistance(x[i], centres[0]);
      total += nearest[i];
    }
    double[] candidateNearest = new double[n];
    for (int j = 1; j < clusters; j++) {
      if (total == 0) {
        // Every row coincides with a chosen centre, so there are only j distinct rows.
        throw new IllegalArgumentException("k-means with clusters = " + clusters + " needs at least " + clusters
            + " distinct rows, found " + j);
      }
      double[] bestNearest = null;
      double bestTotal = Double.POSITIVE_INFINITY;
      int bestRow = -1;
      for (int t = 0; t < trials; t++) {
        int candidate = sampleByWeight(nearest, total, rng);
        double candidateTotal = 0;
        for (int i = 0; i < n; i++) {
          candidateNearest[i] = Math.min(nearest[i], Rows.squaredDistance(x[i], x[candidate]));
          candidateTotal += candidateNearest[i];
        }
        if (candidateTotal < bestTotal) {
          bestTotal = candidateTotal;
          bestRow = candidate;
          double[] swap = bestNearest == null ? new double[n] : bestNearest;
          bestNearest = candidateNearest;
          candidateNearest = swap;
        }
      }
      centres[j] = x[bestRow].clone();
      double[] swap = nearest;
      nearest = bestNearest;
      candidateNearest = swap;
      total = bestTotal;
    }
    return centres;
  }

  /** A row index drawn with probability {@code weights[i] / total}; rows of weight 0 are never drawn. */
  private static int sampleByWeight(double[] weights, double total, SplittableRandom rng) {
    double target = rng.nextDouble() * total;
    double cumulative = 0;
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        cumulative += weights[i];
        last = i;
        if (cumulative > target) {
          return i;
        }
      }
    }
    // Rounding left the target just above the final cumulative sum: the last positive row.
    return last;
  }

  private KMeansResult lloyd(double[][] x, double[][] centres, double absoluteTolerance) {
    int n = x.length;
    int dims = x[0].length;
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    double[] distances = new double[n];
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      boolean changed = KMeansResult.assign(x, centres, labels, distances);
      if (!changed) {
        break;
      }
      double[][] sums = new double[clusters][dims];
      int[] counts = new int[clusters];
      for (int i = 0; i < n; i++) {
        counts[labels[i]]++;
        double[] sum = sums[labels[i]];
        for (int c = 0; c < dims; c++) {
          sum[c] += x[i][c];
        }
      }
      relocateEmptyClusters(x, labels, distances, sums, counts);
      double shift = 0;
      for (int j = 0; j < clusters; j++) {
        for (int c = 0; c < dims; c++) {
          double updated = sums[j][c] / counts[j];
          double d = updated - centres[j][c];
          shift += d * d;
          centres[j][c] = updated;
        }
      }
      if (shift <= absoluteTolerance) {
        break;
      }
    }
    // One last assignment so that labels and inertia belong to the returned centres.
    KMeansResult.assign(x, centres, labels, distances);
    double inertia = 0;
    for (double d : distances) {
      inertia += d;
    }
    return new KMeansResult(centres, labels, inertia, iterations);
  }

  /**
   * Gives every cluster that lost all its rows the row farthest from its own centre (taken from a
   * cluster with more than one row), as scikit-learn does; without this the cluster's mean would
   * be 0/0 and the run would end with fewer than {@code k} clusters.
   */
  private static void relocateEmptyClusters(double[][] x, int[] labels, double[] distances, double[][] sums,
                                            int[] counts) {
    for (int j = 0; j < counts.length; j++) {
      if (counts[j] > 0) {
        continue;
      }
      int farthest = -1;
      for (int i = 0; i < x.length; i++) {
        if (counts[labels[i]] > 1 && (farthest < 0 || distances[i] > distances[farthest])) {
          farthest = i;
        }
      }
      int donor = labels[farthest];
      for (int c = 0; c < x[farthest].length; c++) {
        sums[donor][c] -= x[farthest][c];
        sums[j][c] = x[farthest][c];
      }
      counts[donor]--;
      counts[j] = 1;
      labels[farthest] = j;
      distances[farthest] = 0;
    }
  }

  private static double meanColumnVariance(double[][] x) {
    int dims = x[0].length;
    double total = 0;
    for (int c = 0; c < dims; c++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[c];
      }
      mean /= x.length;
      double squares = 0;
      for (double[] row : x) {
        squares += (row[c] - mean) * (row[c] - mean);
      }
      total += squares / x.length;
    }
    return total / dims;
  }
}
