package io.github.aelab.models;

import io.github.aelab.core.block.BlockSpec;
import java.util.List;

/** How the decoder is formed: mirrored from the encoder, or listed explicitly. */
public sealed interface DecoderSpec permits DecoderSpec.Mirror, DecoderSpec.Explicit {

  /**
   * The encoder's shape-changing blocks in reverse, each replaced by its counterpart (dense by
   * dense, conv by transposed conv, flatten by reshape); dropout and batch norm are not mirrored.
   * Hidden decoder layers take the activation of the representation they recreate; the output
   * layer is linear, and the loss applies the output nonlinearity.
   */
  record Mirror() implements DecoderSpec {}

  /** Blocks from the code to the output; the last must produce the input's size, linearly. */
  record Explicit(List<BlockSpec> blocks) implements DecoderSpec {
    public Explicit {
      if (blocks == null || blocks.isEmpty()) {
        throw new IllegalArgumentException("an explicit decoder needs at least one block");
      }
      blocks = List.copyOf(blocks);
    }
  }
}
