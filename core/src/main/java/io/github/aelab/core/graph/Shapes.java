package io.github.aelab.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Batch-shape helpers: the number of values per example, and flattening examples to rows. */
public final class Shapes {
  private Shapes() {}

  /** Values per example of a [batch, ...] shape (1 for a [batch] vector). */
  public static long perExampleSize(Shape batchShape) {
    long n = 1;
    for (int d = 1; d < batchShape.numDimensions(); d++) {
      n *= batchShape.get(d);
    }
    return n;
  }

  /** {@code x} as [batch, values]: unchanged when already two-dimensional. */
  public static Operand<TFloat32> flatten(Ops tf, Operand<TFloat32> x) {
    if (x.shape().numDimensions() == 2) {
      return x;
    }
    return tf.reshape(x, tf.constant(new long[] {-1, perExampleSize(x.shape())}));
  }
}
