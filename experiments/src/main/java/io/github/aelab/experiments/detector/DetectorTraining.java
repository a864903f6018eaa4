package io.github.aelab.experiments.detector;

import io.github.aelab.anomaly.deep.AutoencoderTraining;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.regularize.Regularizer;
import java.util.List;
import java.util.Objects;

/**
 * What a detector is built from besides its own parameters: the experiment's autoencoder (with the
 * data's input width), its regularizers, the training plan ({@code training.pretraining} and the
 * fit) and the runtime.
 */
public record DetectorTraining(AutoencoderSpec model, List<Regularizer> regularizers, AutoencoderSession.Plan plan,
    RuntimeSettings runtime) {
  public DetectorTraining {
    Objects.requireNonNull(model, "model");
    regularizers = List.copyOf(regularizers);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(runtime, "runtime");
  }

  /** The whole autoencoder training, for detectors that train the experiment's autoencoder as it is. */
  public AutoencoderTraining autoencoderTraining() {
    return new AutoencoderTraining(model, regularizers, plan, runtime);
  }

  /**
   * For detectors whose loss is fixed by their paper and built on a bare autoencoder: a
   * regularizer would be silently dropped, so it is an error instead.
   */
  public void requireNoRegularizers(String detector) {
    if (!regularizers.isEmpty()) {
      throw new IllegalArgumentException(detector + " trains its own objective on a plain autoencoder; "
          + "regularizers do not apply to it (remove the regularizers section)");
    }
  }

  /** For detectors with a single training stage. */
  public void requireNoPretraining(String detector) {
    if (plan.pretraining() != null) {
      throw new IllegalArgumentException(detector + " trains in one stage; training.pretraining does not apply to it");
    }
  }
}
