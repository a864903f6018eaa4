package io.github.aelab.core.block;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Inverted dropout (Srivastava et al. 2014): in training, zero each unit with probability
 * {@code rate} and scale the survivors by 1/(1-rate); in evaluation, the identity. The mask comes
 * from a stateless random op keyed by the step counter, so resumed runs draw the same masks.
 */
public final class DropoutBlock extends AbstractBlock {

  @Doc("inverted dropout, active in training only")
  public record Spec(@Doc("fraction of units zeroed, in [0, 1)") double rate) implements MirrorableSpec {
    public Spec {
      if (!(rate >= 0 && rate < 1)) {
        throw new IllegalArgumentException("rate must be in [0, 1), found " + rate);
      }
    }

    @Override
    public String type() {
      return "dropout";
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
      return new DropoutBlock(name, this);
    }
  }

  private final Spec spec;
  private long seed;

  private DropoutBlock(String name, Spec spec) {
    super(name);
    this.spec = spec;
  }

  @Override
  protected void build(BuildContext ctx, Shape example) {
    seed = ctx.seeds().next();
  }

  @Override
  protected Operand<TFloat32> forward(BuildContext ctx, Operand<TFloat32> input) {
    if (spec.rate() == 0) {
      return input;
    }
    Ops tf = ctx.tf();
    Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(input), ctx.stepSeeds(seed));
    Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant((float) spec.rate())), TFloat32.class);
    Operand<TFloat32> dropped = tf.math.mul(input, tf.math.mul(keep, tf.constant((float) (1 / (1 - spec.rate())))));
    return tf.select(ctx.training(), dropped, input);
  }
}
