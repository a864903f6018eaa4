package io.github.aelab.anomaly.baseline;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.Rows;

/** The training rows of a classic detector as doubles, with the minimum row count it needs. */
final class TrainingRows {

  private TrainingRows() {
  }

  /** The rows of {@code train}, failing with a message naming {@code detector} if there are fewer than {@code min}. */
  static double[][] of(Dataset train, int min, String detector) {
    if (train.rows() < min) {
      throw new IllegalArgumentException(detector + " needs at least " + min + " training rows, dataset '"
          + train.name() + "' has " + train.rows());
    }
    double[][] x = Rows.of(train);
    Rows.requireMatrix(x, min, "training data '" + train.name() + "'");
    return x;
  }
}
