package io.github.aelab.experiments.clusterer;

import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.regularize.Regularizer;
import java.util.List;
import java.util.Objects;

/**
 * What a clusterer is built from besides its own parameters: the experiment's autoencoder (with
 * the data's input width), its regularizers (for DEC the denoising noise of pretraining), the
 * training plan (its {@code pretraining} and fit pretrain the autoencoder) and the runtime.
 */
public record ClustererTraining(AutoencoderSpec model, List<Regularizer> regularizers, AutoencoderSession.Plan plan,
    RuntimeSettings runtime) {
  public ClustererTraining {
    Objects.requireNonNull(model, "model");
    regularizers = List.copyOf(regularizers);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(runtime, "runtime");
  }
}
