package io.github.aelab.models.regularize;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.spec.Doc;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Masking noise (Vincent et al. 2008): in training, each input value is set to 0 with probability {@code fraction}. */
@Doc("denoising: zero a random fraction of the inputs in training (Vincent et al. 2008)")
public record MaskingNoise(@Doc("fraction of inputs zeroed, in (0, 1)") double fraction) implements Regularizer {
  public MaskingNoise {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1), found " + fraction);
    }
  }

  @Override
  public String type() {
    return "masking_noise";
  }

  @Override
  public Operand<TFloat32> corrupt(BuildContext ctx, Operand<TFloat32> input) {
    Ops tf = ctx.tf();
    Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(input), ctx.stepSeeds(ctx.seeds().next()));
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant((float) fraction)), TFloat32.class);
    return tf.select(ctx.training(), tf.math.mul(input, keep), input);
  }
}
