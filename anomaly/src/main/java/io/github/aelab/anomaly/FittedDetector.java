package io.github.aelab.anomaly;

import io.github.aelab.core.data.Dataset;

/**
 * A fitted detector. Deep detectors hold a TensorFlow session, so this is {@link AutoCloseable};
 * classic baselines hold plain arrays and close as a no-op.
 */
public interface FittedDetector extends AutoCloseable {

  /**
   * The anomaly score of every training row, computed once at fit time; thresholds such as
   * {@link Threshold.Contamination} are set from these (as PyOD's {@code threshold_} is).
   */
  double[] trainingScores();

  /** One score per row of {@code rows}, higher = more anomalous. */
  double[] score(Dataset rows);

  /** Flags each row of {@code rows} as anomalous ({@code true}) by {@code threshold}. */
  default boolean[] predict(Dataset rows, Threshold threshold) {
    return threshold.flag(trainingScores(), score(rows));
  }

  @Override
  default void close() {
  }
}
