package io.github.aelab.experiments.hasher;

import io.github.aelab.clustering.retrieval.HashingMethod;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;

/**
 * A learned hash function as an experiment file declares it ({@code hasher: {type:
 * semantic_hashing}}). Open set: plugins may register their own. The autoencoder, its training
 * plan and the runtime come from the rest of the experiment; the code length is the model's
 * code width.
 */
public interface HasherSpec {

  /**
   * The hashing method, configured but not fitted. Throws {@link IllegalArgumentException}
   * naming the field when the model or plan does not suit it (no TensorFlow work is done).
   */
  HashingMethod create(AutoencoderSpec model, AutoencoderSession.Plan plan, RuntimeSettings runtime);
}
