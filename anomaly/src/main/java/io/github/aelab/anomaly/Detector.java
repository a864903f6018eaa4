package io.github.aelab.anomaly;

import io.github.aelab.core.train.TrainingListener;
import java.util.List;

import io.github.aelab.core.data.Dataset;

/**
 * An anomaly detection method with its hyperparameters, not yet fitted: the task-level API that
 * deep heads and classic baselines share, so that a benchmark table is one loop over detectors.
 *
 * <p>The shape follows PyOD: fitting sees only the training rows (labels, if present, are
 * ignored), and the fitted detector scores rows with <em>higher = more anomalous</em>. Fitting
 * returns a new object rather than mutating this one, so a configured detector can be fitted on
 * several splits or seeds without one fit leaking into the next.
 */
public interface Detector {

  /** The registry type name, e.g. {@code "iforest"} or {@code "dagmm"}; used in tables and records. */
  String name();

  /**
   * Fits on {@code train}; every random choice (initialization, subsampling, shuffling) derives
   * from {@code seed}, so the same seed gives the same scores on CPU.
   */
  FittedDetector fit(Dataset train, long seed);

  /**
   * Fits as {@link #fit(Dataset, long)} does, reporting every training epoch to {@code listeners}
   * (a run's progress and history); detectors that do not train by epochs ignore them.
   */
  default FittedDetector fit(Dataset train, long seed, List<TrainingListener> listeners) {
    return fit(train, seed);
  }
}
