package io.github.aelab.models.regularize;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.Autoencoder;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * L2 weight decay: {@code weight * sum ||W||^2} over the kernels of encoder and decoder (biases
 * and normalization parameters excluded, as Keras' kernel_regularizer). A tied kernel counts once.
 */
@Doc("L2 penalty on the encoder's and decoder's kernels (weight decay)")
public record WeightDecay(@Doc("penalty weight") double weight) implements Regularizer {
  public WeightDecay {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be > 0, found " + weight);
    }
  }

  @Override
  public String type() {
    return "weight_decay";
  }

  @Override
  public Operand<TFloat32> penalty(BuildContext ctx, Autoencoder model) {
    Ops tf = ctx.tf();
    Operand<TFloat32> sum = null;
    for (Variable<TFloat32> v : model.trainableVariables()) {
      if (v.op().name().endsWith("kernel")) {
        Operand<TFloat32> squares = tf.reduceSum(tf.math.square(tf.identity(v)),
            tf.range(tf.constant(0), tf.rank(v), tf.constant(1)));
        sum = sum == null ? squares : tf.math.add(sum, squares);
      }
    }
    if (sum == null) {
      return null;
    }
    return tf.math.mul(tf.constant((float) weight), sum);
  }
}
