package io.github.aelab.models.regularize;

import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.graph.Shapes;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSpec;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Contractive penalty (Rifai et al. 2011): {@code weight * mean over the batch of ||dh/dx||_F^2},
 * the squared Frobenius norm of the encoder's Jacobian.
 *
 * <p>Exact and cheap in closed form when the encoder is a single dense code layer with a
 * sigmoid, tanh or linear activation: {@code sum_j a'(z_j)^2 sum_i W_ij^2}. For deeper encoders
 * TensorFlow's C++ graph gradients lack the second-order gradients (of SigmoidGrad, TanhGrad,
 * BiasAddGrad, ...) that training through an exact per-unit Jacobian would need, so the penalty
 * uses the unbiased stochastic estimator {@code E ||f(x + e) - f(x)||^2 / sigma^2} with
 * {@code e ~ N(0, sigma^2 I)}, which tends to {@code ||J||_F^2} as sigma shrinks; fresh noise every
 * step.
 *
 * <p>Scale: the model's reconstruction loss is a mean over the d input features and this weight
 * multiplies the penalty as written, so a paper's {@code lambda}, set against a squared error
 * summed over the features, is {@code lambda / d} here (for MNIST's 784 pixels, {@code lambda /
 * 784}).
 */
@Doc("contractive: penalize the encoder Jacobian's squared Frobenius norm (Rifai et al. 2011)")
public record Contractive(
    @Doc("penalty weight lambda") double weight,
    @Doc("auto, closed_form (one dense code layer) or stochastic") @DefaultValue("auto") Estimator estimator,
    @Doc("noise std of the stochastic estimator") @DefaultValue("0.01") double noiseStd,
    @Doc("noise samples per example of the stochastic estimator") @DefaultValue("1") int samples) implements Regularizer {

  /** How the Jacobian norm is computed. */
  public enum Estimator {
    AUTO,
    CLOSED_FORM,
    STOCHASTIC
  }

  public Contractive {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be > 0, found " + weight);
    }
    java.util.Objects.requireNonNull(estimator, "estimator");
    if (!(noiseStd > 0)) {
      throw new IllegalArgumentException("noise_std must be > 0, found " + noiseStd);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, found " + samples);
    }
  }

  @Override
  public String type() {
    return "contractive";
  }

  @Override
  public void check(AutoencoderSpec model) {
    if (estimator == Estimator.CLOSED_FORM && !closedFormApplies(model)) {
      throw new IllegalArgumentException("contractive closed_form needs an encoder that is one dense code layer with "
          + "sigmoid, tanh or linear activation; use estimator: stochastic");
    }
  }

  static boolean closedFormApplies(AutoencoderSpec model) {
    return model.encoder().isEmpty() && model.code() instanceof DenseBlock.Spec d
        && (d.activation() == Activation.SIGMOID || d.activation() == Activation.TANH || d.activation() == Activation.LINEAR);
  }

  @Override
  public Operand<TFloat32> penalty(BuildContext ctx, Autoencoder model) {
    Ops tf = ctx.tf();
    boolean closed = estimator == Estimator.CLOSED_FORM || (estimator == Estimator.AUTO && closedFormApplies(model.spec()));
    Operand<TFloat32> perExample = closed
        ? closedForm(tf, model.code(), ((DenseBlock) model.encoderBlocks().get(0)).kernel(),
            ((DenseBlock.Spec) model.spec().code()).activation())
        : stochastic(ctx, x -> model.encode(ctx, x), model.encoderInput(0), model.code(), noiseStd, samples);
    return tf.math.mul(tf.constant((float) weight), tf.math.mean(perExample, tf.constant(0)));
  }

  /** Exact {@code ||J||_F^2} per example for {@code h = a(x W + b)}: shape [batch]. */
  public static Operand<TFloat32> closedForm(Ops tf, Operand<TFloat32> h, Operand<TFloat32> kernel, Activation a) {
    Operand<TFloat32> derivative = switch (a) {
      case SIGMOID -> tf.math.mul(h, tf.math.sub(tf.constant(1f), h));
      case TANH -> tf.math.sub(tf.constant(1f), tf.math.square(h));
      case LINEAR -> tf.math.add(tf.math.mul(h, tf.constant(0f)), tf.constant(1f));
      default -> throw new IllegalArgumentException("no closed form for activation " + a.yamlName());
    };
    Operand<TFloat32> columnNorms = tf.reduceSum(tf.math.square(kernel), tf.constant(0)); // [k]
    return tf.reduceSum(tf.math.mul(tf.math.square(derivative), columnNorms), tf.constant(1));
  }

  /** Stochastic {@code ||J||_F^2} per example: mean over samples of {@code ||f(x+e) - f(x)||^2 / sigma^2}. */
  public static Operand<TFloat32> stochastic(BuildContext ctx, UnaryOperator<Operand<TFloat32>> encoder,
      Operand<TFloat32> x, Operand<TFloat32> fx, double sigma, int samples) {
    Ops tf = ctx.tf();
    Operand<TFloat32> total = null;
    for (int s = 0; s < samples; s++) {
      // Noise is a constant to the gradient: a random op has no gradient, and needs none.
      Operand<TFloat32> eps = tf.stopGradient(tf.math.mul(
          tf.random.statelessRandomNormal(tf.shape(x), ctx.stepSeeds(ctx.seeds().next())), tf.constant((float) sigma)));
      Operand<TFloat32> diff = tf.math.sub(encoder.apply(tf.math.add(x, eps)), fx);
      Operand<TFloat32> sq = tf.reduceSum(tf.math.square(Shapes.flatten(tf, diff)), tf.constant(1));
      total = total == null ? sq : tf.math.add(total, sq);
    }
    return tf.math.div(total, tf.constant((float) (samples * sigma * sigma)));
  }
}
