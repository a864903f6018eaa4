package io.github.aelab.models.regularize;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Additive Gaussian noise in training, optionally clipped back into the data's range. */
@Doc("denoising: add Gaussian noise to the inputs in training, optionally clipped")
public record GaussianNoise(
    @Doc("standard deviation of the noise") double std,
    @Doc("clip corrupted values below this; null for none") @DefaultValue(DefaultValue.NULL) Double clipMin,
    @Doc("clip corrupted values above this; null for none") @DefaultValue(DefaultValue.NULL) Double clipMax)
    implements Regularizer {
  public GaussianNoise {
    if (!(std > 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("std must be > 0, found " + std);
    }
    if (clipMin != null && clipMax != null && !(clipMin < clipMax)) {
      throw new IllegalArgumentException("clip_min must be below clip_max, found " + clipMin + " and " + clipMax);
    }
  }

  @Override
  public String type() {
    return "gaussian_noise";
  }

  @Override
  public Operand<TFloat32> corrupt(BuildContext ctx, Operand<TFloat32> input) {
    Ops tf = ctx.tf();
    Operand<TFloat32> eps = tf.stopGradient(
        tf.random.statelessRandomNormal(tf.shape(input), ctx.stepSeeds(ctx.seeds().next())));
    Operand<TFloat32> noisy = tf.math.add(input, tf.math.mul(eps, tf.constant((float) std)));
    if (clipMin != null) {
      noisy = tf.math.maximum(noisy, tf.constant(clipMin.floatValue()));
    }
    if (clipMax != null) {
      noisy = tf.math.minimum(noisy, tf.constant(clipMax.floatValue()));
    }
    return tf.select(ctx.training(), noisy, input);
  }
}
