package io.github.aelab.anomaly;

import io.github.aelab.core.data.Dataset;
import java.nio.file.Path;

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

  /**
   * Writes this fitted detector into {@code dir}, which must not exist yet, so that
   * {@link SavedDetector#load(Path)} gives back a detector with the same scores and training
   * scores (thresholds included), without the training data or a refit: what a run record keeps
   * and {@code aelab score} reads. Every detector of the registry can; a detector composed in
   * Java that cannot says so here rather than writing something unusable.
   */
  default void save(Path dir) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot be saved: implement"
        + " FittedDetector.save with SavedDetector.write");
  }

  @Override
  default void close() {
  }
}
