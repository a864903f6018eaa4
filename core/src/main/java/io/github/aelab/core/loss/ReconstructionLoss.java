package io.github.aelab.core.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * How a reconstruction is compared with its target. Each loss works on the decoder's
 * <em>pre-activation</em> output so that binary cross-entropy can use the stable logits form,
 * and each gives a per-example vector (anomaly scores need one number per row) whose mean is the
 * training loss.
 */
public enum ReconstructionLoss {
  /** Mean squared error per example, with a linear output. */
  MSE,
  /**
   * Binary cross-entropy from logits, for targets in [0, 1] (e.g. pixel intensities), with a
   * sigmoid output; computed as {@code max(z,0) - z*x + log(1 + exp(-|z|))}, which never
   * overflows.
   */
  BCE;

  /** The reconstruction the user sees, from the decoder's pre-activation output. */
  public Operand<TFloat32> output(Ops tf, Operand<TFloat32> preActivation) {
    return this == BCE ? tf.math.sigmoid(preActivation) : preActivation;
  }

  /** Per-example loss, averaged over the features: shape [batch]. */
  public Operand<TFloat32> perExample(Ops tf, Operand<TFloat32> target, Operand<TFloat32> preActivation) {
    Operand<TFloat32> elementwise = switch (this) {
      case MSE -> tf.math.squaredDifference(preActivation, target);
      case BCE -> tf.math.add(
          tf.math.sub(tf.math.maximum(preActivation, tf.constant(0f)), tf.math.mul(preActivation, target)),
          tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(preActivation)))));
    };
    return tf.math.mean(io.github.aelab.core.graph.Shapes.flatten(tf, elementwise), tf.constant(1));
  }

  /** The scalar training loss: the batch mean of {@link #perExample}. */
  public Operand<TFloat32> mean(Ops tf, Operand<TFloat32> target, Operand<TFloat32> preActivation) {
    return tf.math.mean(perExample(tf, target, preActivation), tf.constant(0));
  }

  /**
   * Squared error summed over the features of each example, on the output scale (Hinton &amp;
   * Salakhutdinov 2006 report its test-set average): shape [batch].
   */
  public static Operand<TFloat32> sumSquaredError(Ops tf, Operand<TFloat32> target, Operand<TFloat32> output) {
    return tf.reduceSum(io.github.aelab.core.graph.Shapes.flatten(tf, tf.math.squaredDifference(output, target)), tf.constant(1));
  }

  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
