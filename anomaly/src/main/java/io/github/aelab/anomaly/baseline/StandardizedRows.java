package io.github.aelab.anomaly.baseline;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.ZScoreScaler;

/**
 * Training rows z-scored with their own mean and standard deviation, for the kernel density
 * detectors: one bandwidth then suits every column, which is what Scott's rule on standardized
 * data means. Columns constant in training keep divisor 1 ({@link ZScoreScaler}'s rule).
 */
final class StandardizedRows implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] mean;
  private final double[] std;
  private final double[][] rows;

  private StandardizedRows(double[] mean, double[] std, double[][] rows) {
    this.mean = mean;
    this.std = std;
    this.rows = rows;
  }

  /** Standardizes {@code train}, which needs at least {@code min} rows. */
  static StandardizedRows of(Dataset train, int min, String detector) {
    double[][] x = TrainingRows.of(train, min, detector);
    ZScoreScaler scaler = ZScoreScaler.fit(train);
    double[] mean = scaler.mean();
    double[] std = scaler.std();
    for (double[] row : x) {
      standardizeInPlace(row, mean, std);
    }
    return new StandardizedRows(mean, std, x);
  }

  /** The standardized training rows (shared, not copied). */
  double[][] rows() {
    return rows;
  }

  /** {@code row} standardized with the training statistics, as a new array. */
  double[] standardize(double[] row) {
    double[] z = row.clone();
    standardizeInPlace(z, mean, std);
    return z;
  }

  private static void standardizeInPlace(double[] row, double[] mean, double[] std) {
    for (int c = 0; c < row.length; c++) {
      row[c] = (row[c] - mean[c]) / std[c];
    }
  }
}
