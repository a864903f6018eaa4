package io.github.aelab.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Weight initializers (Glorot &amp; Bengio 2010; He et al. 2015), seeded and stateless so that the
 * same seed always gives the same weights.
 */
public enum Initializer {
  GLOROT_UNIFORM,
  GLOROT_NORMAL,
  HE_UNIFORM,
  HE_NORMAL,
  /**
   * U(-1/sqrt(fan_in), 1/sqrt(fan_in)): PyTorch's default for linear layers and DEC-keras' choice
   * (Keras' VarianceScaling(1/3, fan_in, uniform)); a third of He's variance.
   */
  FAN_IN_UNIFORM,
  ZEROS;

  /**
   * Initial values for a weight of {@code shape} with the given fan-in and fan-out.
   *
   * @param seed op-level seed from the graph's {@link SeedSequence}
   */
  public Operand<TFloat32> create(Ops tf, Shape shape, long fanIn, long fanOut, long seed) {
    Operand<TInt64> dims = tf.constant(shape.asArray());
    Operand<TInt64> seeds = tf.constant(new long[] {seed, seed >>> 17});
    return switch (this) {
      case ZEROS -> tf.zeros(dims, TFloat32.class);
      case GLOROT_UNIFORM -> uniform(tf, dims, seeds, Math.sqrt(6.0 / (fanIn + fanOut)));
      case HE_UNIFORM -> uniform(tf, dims, seeds, Math.sqrt(6.0 / fanIn));
      case FAN_IN_UNIFORM -> uniform(tf, dims, seeds, Math.sqrt(1.0 / fanIn));
      case GLOROT_NORMAL -> normal(tf, dims, seeds, Math.sqrt(2.0 / (fanIn + fanOut)));
      case HE_NORMAL -> normal(tf, dims, seeds, Math.sqrt(2.0 / fanIn));
    };
  }

  private static Operand<TFloat32> uniform(Ops tf, Operand<TInt64> dims, Operand<TInt64> seeds, double limit) {
    Operand<TFloat32> u = tf.random.statelessRandomUniform(dims, seeds);
    return tf.math.mul(tf.math.sub(u, tf.constant(0.5f)), tf.constant((float) (2 * limit)));
  }

  private static Operand<TFloat32> normal(Ops tf, Operand<TInt64> dims, Operand<TInt64> seeds, double std) {
    // Truncated at two standard deviations like Keras, so no weight starts far out in the tail.
    // The factor undoes the variance lost by truncation, as Keras' VarianceScaling does.
    Operand<TFloat32> n = tf.random.statelessTruncatedNormal(dims, seeds);
    return tf.math.mul(n, tf.constant((float) (std / 0.87962566103423978)));
  }

  /** The initializer that suits an activation: He for the ReLU family, Glorot otherwise. */
  public static Initializer defaultFor(Activation activation) {
    return switch (activation) {
      case RELU, LEAKY_RELU, ELU -> HE_UNIFORM;
      default -> GLOROT_UNIFORM;
    };
  }
}
