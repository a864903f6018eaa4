package io.github.aelab.models.regularize;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Salt-and-pepper noise (Vincent et al. 2010): a random fraction of inputs set to the minimum or maximum, half each. */
@Doc("denoising: set a random fraction of the inputs to min or max in training")
public record SaltAndPepperNoise(
    @Doc("fraction of inputs replaced, in (0, 1)") double fraction,
    @Doc("the 'pepper' value") @DefaultValue("0") double min,
    @Doc("the 'salt' value") @DefaultValue("1") double max) implements Regularizer {
  public SaltAndPepperNoise {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1), found " + fraction);
    }
    if (!(min < max)) {
      throw new IllegalArgumentException("min must be below max, found " + min + " and " + max);
    }
  }

  @Override
  public String type() {
    return "salt_and_pepper_noise";
  }

  @Override
  public Operand<TFloat32> corrupt(BuildContext ctx, Operand<TFloat32> input) {
    Ops tf = ctx.tf();
    Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(input), ctx.stepSeeds(ctx.seeds().next()));
    Operand<TFloat32> half = tf.constant((float) (fraction / 2));
    var pepper = tf.math.less(u, half);
    var salt = tf.math.logicalAnd(tf.math.greaterEqual(u, half), tf.math.less(u, tf.constant((float) fraction)));
    Operand<TFloat32> noisy = tf.select(pepper, tf.fill(tf.shape(input), tf.constant((float) min)),
        tf.select(salt, tf.fill(tf.shape(input), tf.constant((float) max)), input));
    return tf.select(ctx.training(), noisy, input);
  }
}
