package io.github.aelab.models.regularize;

import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.models.AutoencoderSpec;

/** Names of the layers a regularizer can watch: {@code code}, or {@code encoder[i]}. */
final class Layers {
  private Layers() {}

  static void checkName(String layer) {
    if (layer == null || !(layer.equals("code") || layer.matches("encoder\\[\\d+]"))) {
      throw new IllegalArgumentException("layer must be 'code' or 'encoder[i]', found '" + layer + "'");
    }
  }

  /** The activation of the named layer (null when the block has none), after checking it exists. */
  static Activation check(AutoencoderSpec model, String layer) {
    BlockSpec block;
    if (layer.equals("code")) {
      block = model.code();
    } else {
      int i = Integer.parseInt(layer.substring("encoder[".length(), layer.length() - 1));
      if (i >= model.encoder().size()) {
        throw new IllegalArgumentException("layer '" + layer + "' does not exist: the encoder has "
            + model.encoder().size() + " blocks");
      }
      block = model.encoder().get(i);
    }
    return AutoencoderSpec.activationOf(block);
  }
}
