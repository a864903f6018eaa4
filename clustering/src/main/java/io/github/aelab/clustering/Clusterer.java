package io.github.aelab.clustering;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.train.TrainingListener;
import java.util.List;

/**
 * A clustering method with its hyperparameters, not yet fitted: the task-level API that DEC and
 * its relatives share with k-means and GMM baselines, so a benchmark table is one loop.
 *
 * <p>Fitting returns a new object and never mutates this one; every random choice derives from
 * {@code seed}. Labels of {@code data}, if present, are ignored.
 */
public interface Clusterer {

  /** The registry type name, e.g. {@code "kmeans"} or {@code "dec"}. */
  String name();

  /** The number of clusters this clusterer produces. */
  int clusters();

  FittedClusterer fit(Dataset data, long seed);

  /**
   * Fits as {@link #fit(Dataset, long)} does, reporting every training epoch to {@code listeners}
   * (a run's progress and history); clusterers that do not train by epochs ignore them.
   */
  default FittedClusterer fit(Dataset data, long seed, List<TrainingListener> listeners) {
    return fit(data, seed);
  }
}
