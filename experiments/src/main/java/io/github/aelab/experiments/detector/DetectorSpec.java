package io.github.aelab.experiments.detector;

import io.github.aelab.anomaly.Detector;

/**
 * A deep anomaly detector as an experiment file declares it ({@code detector: {type: dagmm, ...}}).
 * Open set: plugins may register their own. The detector's autoencoder and training come from the
 * rest of the experiment, so the spec holds only what is particular to the detector.
 */
public interface DetectorSpec {

  /**
   * The detector, configured but not fitted. Throws {@link IllegalArgumentException} naming the
   * field when the experiment's model or training does not suit it (no TensorFlow work is done).
   */
  Detector create(DetectorTraining training);
}
