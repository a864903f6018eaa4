package io.github.aelab.models.regularize;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.graph.Shapes;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * L1 activity penalty (Ranzato et al. 2007): {@code weight * mean over the batch of sum_j |h_j|} on
 * a layer's activations.
 *
 * <p>Scale: the model's reconstruction loss is a mean over the d input features and this weight
 * multiplies the penalty as written, so a paper's {@code lambda}, set against a squared error
 * summed over the features, is {@code lambda / d} here.
 */
@Doc("sparsity: L1 penalty on a layer's activations (Ranzato et al. 2007)")
public record L1Sparsity(
    @Doc("penalty weight") double weight,
    @Doc("'code' or 'encoder[i]'") @DefaultValue("code") String layer) implements Regularizer {
  public L1Sparsity {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be > 0, found " + weight);
    }
    Layers.checkName(layer);
  }

  @Override
  public String type() {
    return "l1_sparsity";
  }

  @Override
  public void check(AutoencoderSpec model) {
    Layers.check(model, layer);
  }

  @Override
  public Operand<TFloat32> penalty(BuildContext ctx, Autoencoder model) {
    Ops tf = ctx.tf();
    Operand<TFloat32> h = Shapes.flatten(tf, model.layer(layer));
    Operand<TFloat32> perExample = tf.reduceSum(tf.math.abs(h), tf.constant(1));
    return tf.math.mul(tf.constant((float) weight), tf.math.mean(perExample, tf.constant(0)));
  }
}
