package io.github.aelab.models.regularize;

import io.github.aelab.core.graph.Activation;
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
 * KL sparsity (Ng 2011): each unit's mean activation over the batch, rho-hat, is pulled to a
 * target rate rho by {@code weight * sum_j KL(rho || rho-hat_j)}, with
 * {@code KL(p||q) = p log(p/q) + (1-p) log((1-p)/(1-q))}. Needs activations in (0, 1).
 *
 * <p>Scale: the model's reconstruction loss is a mean over the d input features and this weight
 * multiplies the penalty as written, so Ng's {@code beta}, set against {@code 1/2 ||x - x'||^2}
 * summed over the features, is {@code 2 beta / d} here.
 */
@Doc("sparsity: pull each unit's mean activation to a target rate by a KL penalty (Ng 2011)")
public record KlSparsity(
    @Doc("target mean activation rho, in (0, 1)") double target,
    @Doc("penalty weight beta") @DefaultValue("1.0") double weight,
    @Doc("'code' or 'encoder[i]'; needs sigmoid activations") @DefaultValue("code") String layer) implements Regularizer {
  public KlSparsity {
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException("target must be in (0, 1), found " + target);
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be > 0, found " + weight);
    }
    Layers.checkName(layer);
  }

  @Override
  public String type() {
    return "kl_sparsity";
  }

  @Override
  public void check(AutoencoderSpec model) {
    Activation a = Layers.check(model, layer);
    if (a == null || !a.boundedInUnitInterval()) {
      throw new IllegalArgumentException("kl_sparsity needs activations in (0, 1) on layer '" + layer
          + "', but its activation is " + (a == null ? "none" : a.yamlName()) + "; use sigmoid");
    }
  }

  @Override
  public Operand<TFloat32> penalty(BuildContext ctx, Autoencoder model) {
    Ops tf = ctx.tf();
    float eps = 1e-6f; // keeps the logs finite when a unit saturates
    Operand<TFloat32> rhoHat = tf.math.mean(Shapes.flatten(tf, model.layer(layer)), tf.constant(0));
    rhoHat = tf.clipByValue(rhoHat, tf.constant(eps), tf.constant(1 - eps));
    Operand<TFloat32> rho = tf.constant((float) target);
    Operand<TFloat32> oneMinusRho = tf.constant((float) (1 - target));
    Operand<TFloat32> kl = tf.math.add(
        tf.math.mul(rho, tf.math.log(tf.math.div(rho, rhoHat))),
        tf.math.mul(oneMinusRho, tf.math.log(tf.math.div(oneMinusRho, tf.math.sub(tf.constant(1f), rhoHat)))));
    return tf.math.mul(tf.constant((float) weight), tf.reduceSum(kl, tf.constant(0)));
  }
}
