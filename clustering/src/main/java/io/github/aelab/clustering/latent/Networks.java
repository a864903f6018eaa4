package io.github.aelab.clustering.latent;

import io.github.aelab.core.block.Block;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.block.SequentialBlock;
import io.github.aelab.core.graph.Activation;
import java.util.ArrayList;
import java.util.List;

/** Fully connected stacks for the latent clusterers' encoders, decoders and discriminators. */
final class Networks {
  private Networks() {
  }

  /**
   * Dense layers of the given widths, all with {@code activation}, named {@code name/0},
   * {@code name/1}, ...; no layers is the identity.
   */
  static SequentialBlock stack(String name, List<Integer> widths, Activation activation) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < widths.size(); i++) {
      blocks.add(new DenseBlock.Spec(widths.get(i), activation).create(name + "/" + i));
    }
    return new SequentialBlock(name, blocks);
  }

  /** One dense layer. */
  static Block dense(String name, int units, Activation activation) {
    return new DenseBlock.Spec(units, activation).create(name);
  }

  /** The widths in reverse: the hidden layers of a decoder that mirrors an encoder. */
  static List<Integer> reversed(List<Integer> widths) {
    List<Integer> out = new ArrayList<>(widths);
    java.util.Collections.reverse(out);
    return out;
  }

  /** Rejects an empty or non-positive width with the spec field's name. */
  static List<Integer> checkWidths(String field, List<Integer> widths) {
    List<Integer> copy = List.copyOf(widths);
    for (int w : copy) {
      if (w < 1) {
        throw new IllegalArgumentException(field + " must all be >= 1, found " + w);
      }
    }
    return copy;
  }
}
