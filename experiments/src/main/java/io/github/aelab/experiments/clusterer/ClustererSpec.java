package io.github.aelab.experiments.clusterer;

import io.github.aelab.clustering.Clusterer;

/**
 * A deep clusterer as an experiment file declares it ({@code clusterer: {type: dec, clusters: 10}}).
 * Open set: plugins may register their own. Its autoencoder and pretraining come from the rest of
 * the experiment, so the spec holds only what is particular to the clusterer.
 */
public interface ClustererSpec {

  /**
   * The clusterer, configured but not fitted. Throws {@link IllegalArgumentException} naming the
   * field when the experiment's model or training does not suit it (no TensorFlow work is done).
   */
  Clusterer create(ClustererTraining training);
}
