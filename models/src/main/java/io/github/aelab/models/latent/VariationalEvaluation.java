package io.github.aelab.models.latent;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.train.BatchFeeder;
import io.github.aelab.core.train.Feed;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.regularize.KlDivergence;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Likelihood estimates of a variational autoencoder, in nats per row: the negative ELBO
 * (reconstruction by one posterior sample plus the analytic KL) and the importance-weighted
 * estimate of the negative log-likelihood with k samples (Burda, Grosse &amp; Salakhutdinov 2016),
 * {@code -log (1/k) sum_i p(x|z_i) p(z_i) / q(z_i|x)}, which tightens towards the true value as k
 * grows and is never above the negative ELBO in expectation.
 *
 * <p>Bernoulli likelihood for the BCE loss; for MSE a Gaussian of unit variance; for the gaussian
 * and student_t losses the decoder's predicted density. Samples are
 * stateless random draws keyed by the sample number, so the estimates are reproducible.
 */
public final class VariationalEvaluation {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private final Autoencoder model;
  private final Placeholder<TInt64> sampleIndex;
  private final Operand<TFloat32> logWeight;
  private final Operand<TFloat32> negativeElbo;
  private final Operand<TFloat32> kl;

  private VariationalEvaluation(Autoencoder model, Placeholder<TInt64> sampleIndex, Operand<TFloat32> logWeight,
      Operand<TFloat32> negativeElbo, Operand<TFloat32> kl) {
    this.model = model;
    this.sampleIndex = sampleIndex;
    this.logWeight = logWeight;
    this.negativeElbo = negativeElbo;
    this.kl = kl;
  }

  /** Adds the estimators to the graph; null when the model's code is not Gaussian. */
  public static VariationalEvaluation build(BuildContext ctx, Autoencoder model) {
    if (!(model.encoderBlocks().get(model.encoderBlocks().size() - 1) instanceof GaussianCodeBlock code)) {
      return null;
    }
    Ops tf = ctx.tf().withSubScope("variational_evaluation");
    Placeholder<TInt64> index = tf.placeholder(TInt64.class);
    Operand<TInt64> seeds = tf.stack(List.of(tf.constant(ctx.seeds().next()), index));
    Operand<TFloat32> eps = tf.random.statelessRandomNormal(tf.shape(code.mean()), seeds);
    Operand<TFloat32> z = code.sample(tf, eps);
    Operand<TFloat32> logPxz = model.logLikelihood(ctx, model.input(), z);
    int k = (int) code.mean().shape().size(1);
    Operand<TFloat32> logPz = tf.math.sub(tf.math.mul(tf.constant(-0.5f), tf.reduceSum(tf.math.square(z), tf.constant(1))),
        tf.constant((float) (0.5 * k * LOG_2PI)));
    Operand<TFloat32> logQz = tf.math.sub(tf.math.mul(tf.constant(-0.5f),
        tf.reduceSum(tf.math.add(tf.math.square(eps), code.logVariance()), tf.constant(1))),
        tf.constant((float) (0.5 * k * LOG_2PI)));
    Operand<TFloat32> kl = KlDivergence.perExample(tf, code.mean(), code.logVariance());
    return new VariationalEvaluation(model, index, tf.math.sub(tf.math.add(logPxz, logPz), logQz),
        tf.math.sub(kl, logPxz), kl);
  }

  /**
   * {@code log p(x|z)} per row for decoder pre-activations of a one-parameter loss: Bernoulli for
   * BCE, unit-variance Gaussian for MSE (a model of its own, like the GMVAE, decodes with it).
   */
  public static Operand<TFloat32> logLikelihood(Ops tf, ReconstructionLoss loss, Operand<TFloat32> x, Operand<TFloat32> pre) {
    return loss.logLikelihood(tf, x, pre, List.of());
  }

  /**
   * The per-row negative ELBO of one posterior draw, keyed by {@link #sampleIndex()}: with the
   * same sample number the same draw, so a saved model reproduces the estimates.
   */
  public Operand<TFloat32> negativeElbo() {
    return negativeElbo;
  }

  /** The int64 scalar input that numbers the posterior draw. */
  public Placeholder<TInt64> sampleIndex() {
    return sampleIndex;
  }

  /** Mean over rows of the negative ELBO (one posterior sample), in nats. */
  public double negativeElbo(Session session, float[] rows) {
    return mean(perRow(session, negativeElbo, rows, 0));
  }

  /**
   * The negative ELBO of each row, averaged over {@code samples} posterior draws (the anomaly
   * score of a VAE: a Monte Carlo "reconstruction probability" plus the KL term).
   */
  public double[] negativeElboPerRow(Session session, float[] rows, int samples) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, found " + samples);
    }
    double[] total = new double[rows.length / model.spec().inputDim()];
    for (int s = 0; s < samples; s++) {
      float[] values = perRow(session, negativeElbo, rows, s);
      for (int i = 0; i < total.length; i++) {
        total[i] += values[i] / samples;
      }
    }
    return total;
  }

  /** Mean over rows of the analytic KL term, in nats. */
  public double kl(Session session, float[] rows) {
    return mean(perRow(session, kl, rows, 0));
  }

  /** Mean over rows of the importance-weighted negative log-likelihood with {@code k} samples, in nats. */
  public double importanceWeightedNll(Session session, float[] rows, int k) {
    int n = rows.length / model.spec().inputDim();
    double[] max = new double[n];
    double[] sum = new double[n];
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int s = 0; s < k; s++) {
      float[] w = perRow(session, logWeight, rows, s);
      for (int i = 0; i < n; i++) { // streaming log-sum-exp
        if (w[i] > max[i]) {
          sum[i] = sum[i] * Math.exp(max[i] - w[i]) + 1;
          max[i] = w[i];
        } else {
          sum[i] += Math.exp(w[i] - max[i]);
        }
      }
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += -(max[i] + Math.log(sum[i]) - Math.log(k));
    }
    return total / n;
  }

  private float[] perRow(Session session, Operand<TFloat32> output, float[] rows, long sample) {
    int cols = model.spec().inputDim();
    int n = rows.length / cols;
    float[] out = new float[n];
    try (BatchFeeder feeder = new BatchFeeder(List.of(new Feed(model.input(), rows, cols)));
        TInt64 index = TInt64.scalarOf(sample)) {
      for (int from = 0; from < n; from += 1024) {
        int count = Math.min(1024, n - from);
        Session.Runner runner = session.runner().feed(sampleIndex, index).fetch(output);
        feeder.feed(runner, null, from, count);
        try (Result r = runner.run()) {
          ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out, from, count);
        }
      }
    }
    return out;
  }

  private static double mean(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return s / v.length;
  }
}
