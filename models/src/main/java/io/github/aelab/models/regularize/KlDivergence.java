package io.github.aelab.models.regularize;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.latent.GaussianCodeBlock;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The variational term (Kingma &amp; Welling 2013): analytic {@code KL(q(z|x) || N(0, I)) =
 * -1/2 sum_j (1 + logvar_j - mean_j^2 - exp(logvar_j))} of a Gaussian code, weighted by beta
 * (Higgins et al. 2017), optionally warmed up linearly from 0 over the first steps (Sonderby et
 * al. 2016).
 *
 * <p>The model's reconstruction loss is a mean over the d input features, so the term added is
 * {@code beta * KL / d}: the objective is the negative ELBO divided by d, the same optimum with
 * gradients on the usual per-feature scale. The {@code mse} loss carries no 1/2, so with it the
 * objective is that of a Gaussian decoder of variance 1/2 (equivalently, of unit variance with beta
 * halved), as PyOD's VAE trains; the {@code gaussian} loss learns the variance, {@code bce} is
 * exact.
 */
@Doc("variational: KL of the Gaussian code's posterior to N(0, I), beta-weighted with optional warm-up")
public record KlDivergence(
    @Doc("weight beta of the KL term") @DefaultValue("1.0") double beta,
    @Doc("steps over which beta rises linearly from 0; 0 for none") @DefaultValue("0") long warmupSteps) implements Regularizer {
  public KlDivergence {
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be > 0, found " + beta);
    }
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warmup_steps must be >= 0, found " + warmupSteps);
    }
  }

  @Override
  public String type() {
    return "kl_divergence";
  }

  @Override
  public void check(AutoencoderSpec model) {
    if (!(model.code() instanceof GaussianCodeBlock.Spec)) {
      throw new IllegalArgumentException("kl_divergence needs a Gaussian code: write code: {type: gaussian, units: ...}");
    }
  }

  @Override
  public Operand<TFloat32> penalty(BuildContext ctx, Autoencoder model) {
    Ops tf = ctx.tf();
    GaussianCodeBlock code = (GaussianCodeBlock) model.encoderBlocks().get(model.encoderBlocks().size() - 1);
    Operand<TFloat32> kl = tf.math.mean(perExample(tf, code.mean(), code.logVariance()), tf.constant(0));
    Operand<TFloat32> weight = tf.constant((float) (beta / model.spec().inputDim()));
    if (warmupSteps > 0) {
      Operand<TInt64> step = tf.identity(ctx.noiseStepVariable());
      Operand<TFloat32> ramp = tf.math.minimum(tf.constant(1f),
          tf.math.div(tf.dtypes.cast(step, TFloat32.class), tf.constant((float) warmupSteps)));
      weight = tf.math.mul(weight, ramp);
    }
    return tf.math.mul(weight, kl);
  }

  /** {@code KL(N(mean, exp(logvar)) || N(0, I))} per example, in nats: shape [batch]. */
  public static Operand<TFloat32> perExample(Ops tf, Operand<TFloat32> mean, Operand<TFloat32> logVariance) {
    Operand<TFloat32> terms = tf.math.sub(tf.math.sub(tf.math.add(tf.constant(1f), logVariance), tf.math.square(mean)),
        tf.math.exp(logVariance));
    return tf.math.mul(tf.constant(-0.5f), tf.reduceSum(terms, tf.constant(1)));
  }
}
