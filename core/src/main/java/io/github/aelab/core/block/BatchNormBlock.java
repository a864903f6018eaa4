package io.github.aelab.core.block;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Batch normalization (Ioffe &amp; Szegedy 2015) over every axis but the last (features, or
 * channels of NHWC images). Training normalizes with the batch moments and updates moving
 * averages; evaluation uses the moving averages. Built from elementary ops so that its gradient
 * is TensorFlow's own chain rule, checked against finite differences in the tests.
 */
public final class BatchNormBlock extends AbstractBlock {

  @Doc("batch normalization over every axis but the last")
  public record Spec(
      @Doc("moving-average momentum, in [0, 1)") @DefaultValue("0.99") double momentum,
      @Doc("added to the variance") @DefaultValue("0.001") double epsilon) implements MirrorableSpec {
    public Spec {
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("momentum must be in [0, 1), found " + momentum);
      }
      if (!(epsilon > 0)) {
        throw new IllegalArgumentException("epsilon must be > 0, found " + epsilon);
      }
    }

    public Spec() {
      this(0.99, 1e-3);
    }

    @Override
    public String type() {
      return "batch_norm";
    }

    @Override
    public Shape outputShape(Shape input) {
      return input;
    }

    @Override
    public BlockSpec mirror(Shape input, Activation activation) {
      return this;
    }

    @Override
    public Block create(String name) {
      return new BatchNormBlock(name, this);
    }
  }

  private final Spec spec;
  private Variable<TFloat32> gamma;
  private Variable<TFloat32> beta;
  private Variable<TFloat32> movingMean;
  private Variable<TFloat32> movingVariance;
  private boolean updatesRegistered;

  private BatchNormBlock(String name, Spec spec) {
    super(name);
    this.spec = spec;
  }

  @Override
  protected void build(BuildContext ctx, Shape example) {
    Ops tf = ctx.tf();
    Operand<TInt32> dims = tf.constant(new int[] {(int) example.size(example.numDimensions() - 1)});
    gamma = addVariable(ctx, "gamma", tf.fill(dims, tf.constant(1f)));
    beta = addVariable(ctx, "beta", tf.fill(dims, tf.constant(0f)));
    movingMean = addVariable(ctx, "moving_mean", tf.fill(dims, tf.constant(0f)));
    movingVariance = addVariable(ctx, "moving_variance", tf.fill(dims, tf.constant(1f)));
  }

  @Override
  protected Operand<TFloat32> forward(BuildContext ctx, Operand<TFloat32> input) {
    Ops tf = ctx.tf();
    int rank = input.shape().numDimensions();
    int[] axes = new int[rank - 1];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    Operand<TInt32> reduce = tf.constant(axes);
    Operand<TFloat32> mean = tf.math.mean(input, reduce);
    Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(input, tf.stopGradient(mean)), reduce);

    Operand<TFloat32> m = tf.constant((float) spec.momentum());
    Operand<TFloat32> oneMinusM = tf.constant((float) (1 - spec.momentum()));
    // Moving statistics follow the first application (the data path); a second application of
    // the same block (say, to noisy inputs) must not update them twice per step.
    if (!updatesRegistered) {
      ctx.addTrainingUpdate(tf.assign(movingMean,
          tf.math.add(tf.math.mul(movingMean, m), tf.math.mul(tf.stopGradient(mean), oneMinusM))));
      ctx.addTrainingUpdate(tf.assign(movingVariance,
          tf.math.add(tf.math.mul(movingVariance, m), tf.math.mul(tf.stopGradient(variance), oneMinusM))));
      updatesRegistered = true;
    }

    Operand<TFloat32> useMean = tf.select(ctx.training(), mean, tf.identity(movingMean));
    Operand<TFloat32> useVariance = tf.select(ctx.training(), variance, tf.identity(movingVariance));
    Operand<TFloat32> scale = tf.math.mul(read(ctx, gamma), tf.math.rsqrt(tf.math.add(useVariance, tf.constant((float) spec.epsilon()))));
    return tf.math.add(tf.math.mul(tf.math.sub(input, useMean), scale), read(ctx, beta));
  }

  @Override
  public List<Variable<TFloat32>> trainableVariables() {
    List<Variable<TFloat32>> trainable = new ArrayList<>();
    trainable.add(gamma);
    trainable.add(beta);
    return trainable;
  }
}
