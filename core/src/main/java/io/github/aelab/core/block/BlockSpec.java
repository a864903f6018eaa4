package io.github.aelab.core.block;

import org.tensorflow.ndarray.Shape;

/**
 * The immutable description of a block: exactly its constructor arguments, so experiment files,
 * the Java builder and saved runs all speak the same records. Open set: plugins add their own.
 */
public interface BlockSpec {

  /** The type name used in experiment files, e.g. {@code dense}. */
  String type();

  /**
   * The per-example output shape for a per-example input shape (no batch dimension).
   *
   * @throws IllegalArgumentException naming what is incompatible, e.g. a dense block on an image
   */
  Shape outputShape(Shape input);

  /** A fresh block with this spec. */
  Block create(String name);
}
