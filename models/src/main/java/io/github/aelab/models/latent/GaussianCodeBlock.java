package io.github.aelab.models.latent;

import io.github.aelab.core.block.AbstractBlock;
import io.github.aelab.core.block.Block;
import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.block.MirrorableSpec;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.graph.Initializer;
import io.github.aelab.core.spec.Doc;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Gaussian code (Kingma &amp; Welling 2013): two linear heads give the posterior's mean and
 * log-variance, and in training the code is a reparametrized sample
 * {@code z = mean + exp(logvar / 2) * e}, {@code e ~ N(0, I)} (stateless, keyed by the step, so
 * resumed runs draw the same noise); in evaluation the code is the mean. Pair it with the
 * {@code kl_divergence} regularizer for a variational autoencoder.
 */
public final class GaussianCodeBlock extends AbstractBlock {

  @Doc("a Gaussian code: posterior mean and log-variance heads, reparametrized sample in training")
  public record Spec(@Doc("code width") int units) implements MirrorableSpec {
    public Spec {
      if (units < 1) {
        throw new IllegalArgumentException("units must be >= 1, found " + units);
      }
    }

    @Override
    public String type() {
      return "gaussian";
    }

    @Override
    public Shape outputShape(Shape input) {
      if (input.numDimensions() != 1) {
        throw new IllegalArgumentException("gaussian needs flat inputs, found per-example shape " + input
            + "; add a flatten block before it");
      }
      return Shape.of(units);
    }

    @Override
    public BlockSpec mirror(Shape input, Activation activation) {
      return new DenseBlock.Spec((int) input.size(0), activation);
    }

    @Override
    public Block create(String name) {
      return new GaussianCodeBlock(name, this);
    }
  }

  private final Spec spec;
  private Operand<TFloat32> meanKernel;
  private Operand<TFloat32> meanBias;
  private Operand<TFloat32> logVarKernel;
  private Operand<TFloat32> logVarBias;
  private long noiseSeed;
  private Operand<TFloat32> mean;
  private Operand<TFloat32> logVariance;
  private Operand<TFloat32> noise;

  private GaussianCodeBlock(String name, Spec spec) {
    super(name);
    this.spec = spec;
  }

  @Override
  protected void build(BuildContext ctx, Shape example) {
    spec.outputShape(example);
    Ops tf = ctx.tf();
    long in = example.size(0);
    Shape k = Shape.of(in, spec.units());
    meanKernel = read(ctx, addVariable(ctx, "mean/kernel",
        Initializer.GLOROT_UNIFORM.create(tf, k, in, spec.units(), ctx.seeds().next())));
    meanBias = read(ctx, addVariable(ctx, "mean/bias", tf.zeros(tf.constant(new long[] {spec.units()}), TFloat32.class)));
    // Small initial weights keep the first variances near 1: no exploding samples at the start.
    logVarKernel = read(ctx, addVariable(ctx, "log_variance/kernel", tf.math.mul(
        Initializer.GLOROT_UNIFORM.create(tf, k, in, spec.units(), ctx.seeds().next()), tf.constant(0.1f))));
    logVarBias = read(ctx, addVariable(ctx, "log_variance/bias",
        tf.zeros(tf.constant(new long[] {spec.units()}), TFloat32.class)));
    noiseSeed = ctx.seeds().next();
  }

  @Override
  protected Operand<TFloat32> forward(BuildContext ctx, Operand<TFloat32> input) {
    Ops tf = ctx.tf();
    Operand<TFloat32> mu = tf.nn.biasAdd(tf.linalg.matMul(input, meanKernel), meanBias);
    Operand<TFloat32> logVar = tf.nn.biasAdd(tf.linalg.matMul(input, logVarKernel), logVarBias);
    Operand<TFloat32> eps = tf.stopGradient(tf.random.statelessRandomNormal(tf.shape(mu), ctx.stepSeeds(noiseSeed)));
    Operand<TFloat32> sample = tf.math.add(mu, tf.math.mul(tf.math.exp(tf.math.mul(logVar, tf.constant(0.5f))), eps));
    if (mean == null) { // the first application is the data path that the KL term and metrics read
      mean = mu;
      logVariance = logVar;
      noise = eps;
    }
    return tf.select(ctx.training(), sample, mu);
  }

  /** Posterior mean of the first application: shape [batch, units]. */
  public Operand<TFloat32> mean() {
    return mean;
  }

  /** Posterior log-variance of the first application. */
  public Operand<TFloat32> logVariance() {
    return logVariance;
  }

  /** The standard normal noise of the first application's training sample. */
  public Operand<TFloat32> noise() {
    return noise;
  }

  /** A sample {@code mean + sigma * eps} for given noise (importance sampling needs many per row). */
  public Operand<TFloat32> sample(Ops tf, Operand<TFloat32> eps) {
    return tf.math.add(mean, tf.math.mul(tf.math.exp(tf.math.mul(logVariance, tf.constant(0.5f))), eps));
  }
}
