package io.github.aelab.experiments.detector;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.deep.ReconstructionDetector;
import io.github.aelab.anomaly.deep.ReconstructionDetector.Score;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.latent.GaussianCodeBlock;
import java.util.Objects;

@Doc("a row's score is how badly the experiment's autoencoder, trained on the training rows, reconstructs it "
    + "(or a VAE's negative ELBO)")
public record ReconstructionSpec(
    @Doc("reconstruction_error (the model's loss per row) or negative_elbo (needs a gaussian code)")
    @DefaultValue("reconstruction_error") Score score,
    @Doc("posterior samples per row for negative_elbo (default 10); not used by reconstruction_error")
    @DefaultValue(DefaultValue.NULL) Integer samples) implements DetectorSpec {

  /** Enough samples that the ELBO's sampling noise does not reorder close rows. */
  static final int DEFAULT_ELBO_SAMPLES = 10;

  public ReconstructionSpec {
    Objects.requireNonNull(score, "score");
    if (samples != null && samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, found " + samples);
    }
    if (samples != null && score == Score.RECONSTRUCTION_ERROR) {
      throw new IllegalArgumentException("samples is for score negative_elbo; reconstruction_error draws no samples");
    }
  }

  @Override
  public Detector create(DetectorTraining training) {
    if (score == Score.NEGATIVE_ELBO && !(training.model().code() instanceof GaussianCodeBlock.Spec)) {
      throw new IllegalArgumentException("score negative_elbo needs a variational autoencoder: model.code must be "
          + "{type: gaussian, ...}");
    }
    int draws = score == Score.RECONSTRUCTION_ERROR ? 1 : samples == null ? DEFAULT_ELBO_SAMPLES : samples;
    return new ReconstructionDetector(training.autoencoderTraining(), score, draws);
  }
}
