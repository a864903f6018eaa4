package io.github.aelab.core.block;

import io.github.aelab.core.graph.Activation;
import org.tensorflow.ndarray.Shape;

/**
 * A block spec that knows its decoder counterpart: the block that maps this block's output shape
 * back to its input shape. Used to build {@code mirror} decoders.
 */
public interface MirrorableSpec extends BlockSpec {

  /**
   * The spec of the block that undoes this one's shape change.
   *
   * @param input per-example input shape of this block (the mirror's output shape)
   * @param activation activation of the mirror block (that of the representation it recreates)
   */
  BlockSpec mirror(Shape input, Activation activation);
}
