package io.github.aelab.experiments.detector;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.deep.RobustDeepAutoencoder;
import io.github.aelab.anomaly.deep.RobustDeepAutoencoder.Norm;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.util.Objects;

/**
 * RDA: each of the {@code iterations} alternations trains the experiment's autoencoder for the
 * training plan's epochs on the cleaned rows, then shrinks the residual into the sparse part.
 */
@Doc("robust deep autoencoder (Zhou & Paffenroth 2017): the training rows split into what the autoencoder "
    + "reconstructs and a sparse outlier part; training.epochs is per alternation")
public record RdaSpec(
    @Doc("l21 (whole outlying rows, for anomaly detection) or l1 (single corrupted entries)") @DefaultValue("l21")
    Norm norm,
    @Doc("shrinkage threshold, as a multiple of the median residual magnitude") @DefaultValue("2.0") double lambda,
    @Doc("alternations of autoencoder training and shrinkage") @DefaultValue("5") int iterations)
    implements DetectorSpec {
  public RdaSpec {
    Objects.requireNonNull(norm, "norm");
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("lambda must be > 0, found " + lambda);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, found " + iterations);
    }
  }

  @Override
  public Detector create(DetectorTraining training) {
    return new RobustDeepAutoencoder(training.autoencoderTraining(), norm, lambda, iterations);
  }
}
