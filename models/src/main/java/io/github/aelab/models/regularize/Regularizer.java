package io.github.aelab.models.regularize;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSpec;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Something that shapes what an autoencoder learns, through one or more hooks: corrupt the input
 * in training (denoising), add a penalty to the objective (sparsity, contraction, KL), or bring
 * its own player with its own optimizer (adversarial). The model and the trainer know the hooks,
 * not the kinds, so every regularizer composes with every model and head.
 *
 * <p>Implementations are spec records (their parameters are their constructor's arguments), so
 * experiment files and Java build the same objects. Open set: plugins add their own.
 */
public interface Regularizer {

  /** The experiment-file type name. */
  String type();

  /**
   * The encoder's input in training, given the (possibly already corrupted) input. The
   * reconstruction is always compared with the clean input. Must be the identity when the
   * graph's training switch is off.
   */
  default Operand<TFloat32> corrupt(BuildContext ctx, Operand<TFloat32> input) {
    return input;
  }

  /** A scalar added to the training objective, or null for none. Called once the model is built. */
  default Operand<TFloat32> penalty(BuildContext ctx, Autoencoder model) {
    return null;
  }

  /** Extra update rules run after the model's own on every batch (an adversary and its opponent). */
  default List<Player> players(BuildContext ctx, Autoencoder model) {
    return List.of();
  }

  /**
   * Rejects a model this regularizer cannot work with, naming why (a KL sparsity target needs
   * activations in (0, 1), say). Called before anything is built.
   */
  default void check(AutoencoderSpec model) {}
}
