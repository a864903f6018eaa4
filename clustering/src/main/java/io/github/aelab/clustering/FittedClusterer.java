package io.github.aelab.clustering;

import io.github.aelab.core.data.Dataset;

/** A fitted clusterer; deep ones hold a TensorFlow session, hence {@link AutoCloseable}. */
public interface FittedClusterer extends AutoCloseable {

  /** The cluster (0..clusters-1) of every row the clusterer was fitted on. */
  int[] trainingAssignments();

  /**
   * Soft assignments of {@code rows}: {@code result[i][j]} is the probability that row {@code i}
   * belongs to cluster {@code j}; rows sum to 1. Hard clusterers return one-hot rows.
   */
  double[][] softAssignments(Dataset rows);

  /** The most probable cluster of each row of {@code rows}. */
  default int[] predict(Dataset rows) {
    double[][] soft = softAssignments(rows);
    int[] hard = new int[soft.length];
    for (int i = 0; i < soft.length; i++) {
      int best = 0;
      for (int j = 1; j < soft[i].length; j++) {
        if (soft[i][j] > soft[i][best]) {
          best = j;
        }
      }
      hard[i] = best;
    }
    return hard;
  }

  @Override
  default void close() {
  }
}
