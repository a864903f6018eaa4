package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.train.TrainingListener;
import java.util.List;

/**
 * A way to learn a hash function, not yet fitted, so that a table of hashing baselines (and, later,
 * semantic hashing by an autoencoder) is one loop. Fitting ignores labels; every random choice
 * derives from {@code seed}.
 */
public interface HashingMethod {

  /** The name used in tables, e.g. {@code "lsh"} or {@code "pca-itq"}. */
  String name();

  /** Code length of the fitted hasher. */
  int bits();

  Hasher fit(Dataset train, long seed);

  /**
   * Fits as {@link #fit(Dataset, long)} does, reporting training epochs to {@code listeners}
   * (a run's progress lines); methods that do not train by epochs ignore them.
   */
  default Hasher fit(Dataset train, long seed, List<TrainingListener> listeners) {
    return fit(train, seed);
  }
}
