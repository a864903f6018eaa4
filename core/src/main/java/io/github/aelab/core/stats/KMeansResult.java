package io.github.aelab.core.stats;

import io.github.aelab.core.data.Dataset;
import java.util.Arrays;

/**
 * A fitted k-means clustering.
 *
 * @param centres     one centre per cluster, each of the data's dimension
 * @param assignments the cluster of every row the clustering was fitted on
 * @param inertia     the sum over fitted rows of the squared distance to their centre
 * @param iterations  Lloyd iterations the kept restart ran
 */
public record KMeansResult(double[][] centres, int[] assignments, double inertia, int iterations) {

  public KMeansResult {
    if (centres.length == 0) {
      throw new IllegalArgumentException("centres must hold at least one centre, found none");
    }
    centres = Rows.copy(centres);
    assignments = assignments.clone();
  }

  /** Number of clusters. */
  public int clusters() {
    return centres.length;
  }

  /** A copy of the centres. */
  @Override
  public double[][] centres() {
    return Rows.copy(centres);
  }

  /** A copy of the training assignments. */
  @Override
  public int[] assignments() {
    return assignments.clone();
  }

  /** The nearest centre of each row of {@code x} (the lower index on ties). */
  public int[] predict(double[][] x) {
    Rows.requireColumns(x, centres[0].length, "k-means");
    int[] labels = new int[x.length];
    assign(x, centres, labels, new double[x.length]);
    return labels;
  }

  /** The nearest centre of each row of {@code data}. */
  public int[] predict(Dataset data) {
    return predict(Rows.of(data));
  }

  /**
   * Writes each row's nearest centre into {@code labels} and its squared distance into
   * {@code distances}; returns whether any label changed.
   */
  static boolean assign(double[][] x, double[][] centres, int[] labels, double[] distances) {
    boolean changed = false;
    for (int i = 0; i < x.length; i++) {
      int best = 0;
      double bestDistance = Rows.squaredDistance(x[i], centres[0]);
      for (int j = 1; j < centres.length; j++) {
        double d = Rows.squaredDistance(x[i], centres[j]);
        if (d < bestDistance) {
          best = j;
          bestDistance = d;
        }
      }
      changed |= labels[i] != best;
      labels[i] = best;
      distances[i] = bestDistance;
    }
    return changed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KMeansResult that
        && Arrays.deepEquals(centres, that.centres)
        && Arrays.equals(assignments, that.assignments)
        && Double.compare(inertia, that.inertia) == 0
        && iterations == that.iterations;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.deepHashCode(centres) + Arrays.hashCode(assignments)) + Double.hashCode(inertia);
  }

  @Override
  public String toString() {
    return "KMeansResult[clusters=" + centres.length + ", rows=" + assignments.length + ", inertia=" + inertia
        + ", iterations=" + iterations + "]";
  }
}
