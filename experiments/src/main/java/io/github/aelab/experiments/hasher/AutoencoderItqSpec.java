package io.github.aelab.experiments.hasher;

import io.github.aelab.clustering.retrieval.AutoencoderItq;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;

/**
 * Hashing by the experiment's autoencoder trained on reconstruction as usual, its real-valued code
 * quantized by ITQ fitted on the database's codes: bits = the code's units (a linear code keeps
 * the most for the rotation).
 */
@Doc("autoencoder + ITQ: the experiment's autoencoder trained on reconstruction, its code centred, rotated by "
    + "iterative quantization (Gong & Lazebnik 2011) fitted on the database and cut at 0; bits = the code's units")
public record AutoencoderItqSpec(
    @Doc("ITQ alternations of rotation and binary codes (the paper's 50)") @DefaultValue("50") int itqIterations)
    implements HasherSpec {
  public AutoencoderItqSpec {
    if (itqIterations < 1) {
      throw new IllegalArgumentException("itq_iterations must be >= 1, found " + itqIterations);
    }
  }

  @Override
  public AutoencoderItq create(AutoencoderSpec model, AutoencoderSession.Plan plan, RuntimeSettings runtime) {
    return new AutoencoderItq(model, plan, itqIterations, runtime);
  }
}
