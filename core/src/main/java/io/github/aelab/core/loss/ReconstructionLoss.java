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
  BCE,
  /**
   * Gaussian negative log-likelihood with a per-example, per-feature scale the decoder predicts
   * besides the mean: {@code log s + (x - mu)^2 / (2 s^2) + log(2 pi) / 2}. Known to be unstable
   * when a scale collapses towards 0 on near-constant features (Takahashi et al. 2018), which is
   * what {@link #STUDENT_T} addresses.
   */
  GAUSSIAN,
  /**
   * Student-t negative log-likelihood with per-example, per-feature scale s and degrees of
   * freedom nu predicted by the decoder (the Student-t VAE of Takahashi et al. 2018): heavy tails
   * make it robust to outlying pixels, and the density stays bounded as s shrinks because nu can
   * grow.
   */
  STUDENT_T;

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  /**
   * How many maps of the input's size the decoder predicts per example: the mean (or logits),
   * then log s, then log nu.
   */
  public int parameterCount() {
    return switch (this) {
      case MSE, BCE -> 1;
      case GAUSSIAN -> 2;
      case STUDENT_T -> 3;
    };
  }

  /** The reconstruction the user sees, from the decoder's pre-activation output. */
  public Operand<TFloat32> output(Ops tf, Operand<TFloat32> preActivation) {
    return this == BCE ? tf.math.sigmoid(preActivation) : preActivation;
  }

  /**
   * Per-example loss, averaged over the features: shape [batch]; for the one-parameter losses
   * ({@code mse}, {@code bce}).
   */
  public Operand<TFloat32> perExample(Ops tf, Operand<TFloat32> target, Operand<TFloat32> preActivation) {
    return perExample(tf, target, preActivation, java.util.List.of());
  }

  /**
   * Per-example loss, averaged over the features, with the decoder's extra parameter maps
   * ({@code parameterCount() - 1} of them, each shaped like the mean: log s, then log nu). For
   * the likelihoods, the loss is the negative log-density per feature in nats.
   */
  public Operand<TFloat32> perExample(Ops tf, Operand<TFloat32> target, Operand<TFloat32> preActivation,
      java.util.List<Operand<TFloat32>> extraParameters) {
    if (extraParameters.size() != parameterCount() - 1) {
      throw new IllegalArgumentException("loss " + yamlName() + " needs " + (parameterCount() - 1)
          + " parameter map(s) besides the mean from the decoder, found " + extraParameters.size());
    }
    Operand<TFloat32> elementwise = switch (this) {
      case MSE -> tf.math.squaredDifference(preActivation, target);
      case BCE -> tf.math.add(
          tf.math.sub(tf.math.maximum(preActivation, tf.constant(0f)), tf.math.mul(preActivation, target)),
          tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(preActivation)))));
      case GAUSSIAN -> gaussianNll(tf, target, preActivation, extraParameters.get(0));
      case STUDENT_T -> studentTNll(tf, target, preActivation, extraParameters.get(0), extraParameters.get(1));
    };
    return tf.math.mean(io.github.aelab.core.graph.Shapes.flatten(tf, elementwise), tf.constant(1));
  }

  /**
   * {@code log p(x | decoder output)} of each row in nats, summed over the features: Bernoulli for
   * bce, a unit-variance Gaussian for mse, the predicted Gaussian or Student-t for the likelihoods.
   */
  public Operand<TFloat32> logLikelihood(Ops tf, Operand<TFloat32> target, Operand<TFloat32> preActivation,
      java.util.List<Operand<TFloat32>> extraParameters) {
    long d = io.github.aelab.core.graph.Shapes.perExampleSize(target.shape());
    Operand<TFloat32> perFeature = perExample(tf, target, preActivation, extraParameters);
    if (this == MSE) {
      // The per-feature mean times d is the squared error sum; at unit variance, twice the NLL's data term.
      return tf.math.sub(tf.math.mul(perFeature, tf.constant((float) (-0.5 * d))),
          tf.constant((float) (0.5 * d * LOG_2PI)));
    }
    return tf.math.mul(perFeature, tf.constant((float) -d)); // the others are negative log-densities per feature
  }

  /** {@code log s + z^2 / 2 + log(2 pi) / 2} with {@code z = (x - mu) / s}, elementwise. */
  static Operand<TFloat32> gaussianNll(Ops tf, Operand<TFloat32> x, Operand<TFloat32> mean, Operand<TFloat32> logScale) {
    Operand<TFloat32> z = tf.math.mul(tf.math.sub(x, mean), tf.math.exp(tf.math.neg(logScale)));
    return tf.math.add(tf.math.add(logScale, tf.math.mul(tf.constant(0.5f), tf.math.square(z))),
        tf.constant((float) (0.5 * LOG_2PI)));
  }

  /**
   * {@code -log t_nu(x; mu, s) = lgamma(nu/2) - lgamma((nu+1)/2) + log(nu pi)/2 + log s
   * + (nu+1)/2 log(1 + z^2/nu)}, elementwise, with {@code z = (x - mu) / s}.
   */
  static Operand<TFloat32> studentTNll(Ops tf, Operand<TFloat32> x, Operand<TFloat32> mean,
      Operand<TFloat32> logScale, Operand<TFloat32> logDf) {
    Operand<TFloat32> nu = tf.math.exp(logDf);
    Operand<TFloat32> half = tf.constant(0.5f);
    Operand<TFloat32> z = tf.math.mul(tf.math.sub(x, mean), tf.math.exp(tf.math.neg(logScale)));
    Operand<TFloat32> normalizer = tf.math.add(
        tf.math.sub(tf.math.lgamma(tf.math.mul(half, nu)), tf.math.lgamma(tf.math.mul(half, tf.math.add(nu, tf.constant(1f))))),
        tf.math.mul(half, tf.math.add(logDf, tf.constant((float) Math.log(Math.PI)))));
    Operand<TFloat32> tail = tf.math.mul(tf.math.mul(half, tf.math.add(nu, tf.constant(1f))),
        tf.math.log1p(tf.math.div(tf.math.square(z), nu)));
    return tf.math.add(tf.math.add(normalizer, logScale), tail);
  }

  /** The scalar training loss: the batch mean of {@link #perExample}. */
  public Operand<TFloat32> mean(Ops tf, Operand<TFloat32> target, Operand<TFloat32> preActivation) {
    // One-parameter losses only; the likelihoods go through perExample with their parameter maps.
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
