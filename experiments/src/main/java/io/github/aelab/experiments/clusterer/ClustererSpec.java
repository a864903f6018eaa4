package io.github.aelab.experiments.clusterer;

import io.github.aelab.clustering.Clusterer;
import java.nio.file.Path;

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

  /**
   * An earlier run's pretrained autoencoder ({@code pretrained_autoencoder.npz}) to start from
   * instead of pretraining, as written in the file (relative to it); null to pretrain. Only the
   * clusterers that pretrain an autoencoder and then fine-tune it (DEC, IDEC) take one.
   */
  default Path pretrainedWeights() {
    return null;
  }
}
