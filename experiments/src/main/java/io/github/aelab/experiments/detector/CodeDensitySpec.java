package io.github.aelab.experiments.detector;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.deep.CodeDensityDetector;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.util.Objects;

@Doc("the experiment's autoencoder, then a density fitted on the training codes (Cao, Nicolau & McDermott 2016): "
    + "centroid distance, parzen (the paper's KDE) or any anomaly baseline")
public record CodeDensitySpec(
    @Doc("centroid, or the name of an anomaly baseline fitted on the codes (parzen, gaussian, gmm, ...)")
    @DefaultValue("parzen") String density) implements DetectorSpec {
  public CodeDensitySpec {
    Objects.requireNonNull(density, "density");
  }

  @Override
  public Detector create(DetectorTraining training) {
    return new CodeDensityDetector(training.autoencoderTraining(), AnomalyBaselines.density(density));
  }
}
