package io.github.aelab.experiments.hasher;

import io.github.aelab.clustering.retrieval.SemanticHashing;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;

/**
 * Semantic hashing (Salakhutdinov and Hinton 2009) on the experiment's autoencoder, whose code
 * must be a dense sigmoid layer of as many units as bits: the fine-tuning adds fixed Gaussian
 * noise to the code's pre-activation, which drives the activations to 0 and 1; a row's hash is
 * its code thresholded at 0.5. {@code training.pretraining}, if given, pretrains layer-wise
 * without noise first.
 */
@Doc("semantic hashing (Salakhutdinov & Hinton 2009): a sigmoid code trained under fixed noise on its "
    + "pre-activation, thresholded at 0.5; bits = the code's units")
public record SemanticHashingSpec(
    @Doc("standard deviation of the fixed per-row noise on the code pre-activation (the paper's 4); 0 for none")
    @DefaultValue("4.0") double noiseStd) implements HasherSpec {
  public SemanticHashingSpec {
    if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
      throw new IllegalArgumentException("noise_std must be a finite number >= 0, found " + noiseStd);
    }
  }

  @Override
  public SemanticHashing create(AutoencoderSpec model, AutoencoderSession.Plan plan, RuntimeSettings runtime) {
    return new SemanticHashing(model, noiseStd, plan, runtime);
  }
}
