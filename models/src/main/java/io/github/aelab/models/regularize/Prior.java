package io.github.aelab.models.regularize;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A distribution the codes of an adversarial autoencoder are pushed towards. Samples are drawn
 * in the graph by stateless random ops keyed by the step (fresh every batch, same after resume).
 */
@Doc("a prior over codes")
public record Prior(
    @Doc("gaussian, circle_mixture (components on a circle in the first two units), categorical (one-hot) or erlang (gamma with integer shape)")
    @DefaultValue("gaussian") Kind kind,
    @Doc("std of the Gaussian, or of each mixture component") @DefaultValue("1.0") double std,
    @Doc("mixture components on the circle") @DefaultValue("10") int components,
    @Doc("radius of the circle") @DefaultValue("4.0") double radius,
    @Doc("integer shape of the erlang (gamma) prior") @DefaultValue("2") int shape,
    @Doc("scale of the erlang (gamma) prior") @DefaultValue("1.0") double scale) {

  public enum Kind {
    GAUSSIAN,
    CIRCLE_MIXTURE,
    CATEGORICAL,
    ERLANG
  }

  public Prior {
    java.util.Objects.requireNonNull(kind, "kind");
    if (!(std > 0) || !(radius >= 0) || !(scale > 0)) {
      throw new IllegalArgumentException("std and scale must be > 0 and radius >= 0, found " + std + ", " + scale + ", " + radius);
    }
    if (components < 1 || shape < 1) {
      throw new IllegalArgumentException("components and shape must be >= 1, found " + components + " and " + shape);
    }
  }

  public static Prior gaussian() {
    return new Prior(Kind.GAUSSIAN, 1, 10, 4, 2, 1);
  }

  public static Prior circleMixture(int components, double radius, double std) {
    return new Prior(Kind.CIRCLE_MIXTURE, std, components, radius, 2, 1);
  }

  /** Checks the code width this prior needs. */
  public void check(long codeWidth) {
    if (kind == Kind.CIRCLE_MIXTURE && codeWidth < 2) {
      throw new IllegalArgumentException("a circle_mixture prior needs a code of at least 2 units, found " + codeWidth);
    }
  }

  /** The centre of mixture component {@code c}, in the first two units. */
  public double[] centre(int c) {
    double angle = 2 * Math.PI * c / components;
    return new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
  }

  /** A batch of samples shaped like {@code codes}. */
  public Operand<TFloat32> sample(BuildContext ctx, Operand<TFloat32> codes) {
    Ops tf = ctx.tf();
    Operand<TInt32> dims = tf.shape(codes);
    long width = codes.shape().size(1);
    return switch (kind) {
      case GAUSSIAN -> tf.math.mul(normal(ctx, dims), tf.constant((float) std));
      case CIRCLE_MIXTURE -> {
        Operand<TInt32> rows = tf.slice(dims, tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TFloat32> u = tf.random.statelessRandomUniform(rows, ctx.stepSeeds(ctx.seeds().next()));
        Operand<TFloat32> component = tf.math.floor(tf.math.mul(u, tf.constant((float) components)));
        Operand<TFloat32> angle = tf.math.mul(component, tf.constant((float) (2 * Math.PI / components)));
        List<Operand<TFloat32>> columns = new ArrayList<>();
        columns.add(tf.math.mul(tf.math.cos(angle), tf.constant((float) radius)));
        columns.add(tf.math.mul(tf.math.sin(angle), tf.constant((float) radius)));
        for (long j = 2; j < width; j++) {
          columns.add(tf.zerosLike(angle));
        }
        Operand<TFloat32> centres = tf.stack(columns, org.tensorflow.op.core.Stack.axis(1L));
        yield tf.math.add(centres, tf.math.mul(normal(ctx, dims), tf.constant((float) std)));
      }
      case CATEGORICAL -> {
        Operand<TInt32> rows = tf.slice(dims, tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TFloat32> u = tf.random.statelessRandomUniform(rows, ctx.stepSeeds(ctx.seeds().next()));
        Operand<TInt64> index = tf.dtypes.cast(tf.math.floor(tf.math.mul(u, tf.constant((float) width))), TInt64.class);
        yield tf.oneHot(index, tf.constant((int) width), tf.constant(1f), tf.constant(0f));
      }
      case ERLANG -> {
        // Gamma(k, scale) for integer k: the sum of k exponentials, -scale * sum log U.
        Operand<TFloat32> sum = null;
        for (int i = 0; i < shape; i++) {
          Operand<TFloat32> u = tf.random.statelessRandomUniform(dims, ctx.stepSeeds(ctx.seeds().next()));
          Operand<TFloat32> e = tf.math.neg(tf.math.log(tf.math.maximum(u, tf.constant(1e-12f))));
          sum = sum == null ? e : tf.math.add(sum, e);
        }
        yield tf.math.mul(sum, tf.constant((float) scale));
      }
    };
  }

  private static Operand<TFloat32> normal(BuildContext ctx, Operand<TInt32> shape) {
    return ctx.tf().random.statelessRandomNormal(shape, ctx.stepSeeds(ctx.seeds().next()));
  }
}
