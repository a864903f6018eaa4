package io.github.aelab.core.block;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Reshapes each example, e.g. a flat 784-vector to a 28x28x1 image before convolutions. */
public final class ReshapeBlock extends AbstractBlock {

  /** @param shape per-example target shape; its size must equal the input's */
  @Doc("reshape each example, e.g. 784 values to [28, 28, 1]")
  public record Spec(@Doc("per-example target shape") long[] shape) implements MirrorableSpec {
    public Spec {
      if (shape == null || shape.length == 0) {
        throw new IllegalArgumentException("shape must list at least one dimension");
      }
      for (long d : shape) {
        if (d < 1) {
          throw new IllegalArgumentException("shape dimensions must be >= 1, found " + Arrays.toString(shape));
        }
      }
      shape = shape.clone();
    }

    @Override
    public String type() {
      return "reshape";
    }

    @Override
    public Shape outputShape(Shape input) {
      Shape out = Shape.of(shape);
      if (out.size() != input.size()) {
        throw new IllegalArgumentException("reshape to " + out + " needs " + out.size()
            + " values per example, input " + input + " has " + input.size());
      }
      return out;
    }

    @Override
    public BlockSpec mirror(Shape input, Activation activation) {
      return new Spec(input.asArray());
    }

    @Override
    public Block create(String name) {
      return new ReshapeBlock(name, this);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Spec s && Arrays.equals(shape, s.shape);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return "ReshapeBlock.Spec[shape=" + Arrays.toString(shape) + "]";
    }
  }

  /** Flatten is reshape to one dimension of the input's size. */
  @Doc("flatten each example to one dimension")
  public record FlattenSpec() implements MirrorableSpec {
    @Override
    public String type() {
      return "flatten";
    }

    @Override
    public Shape outputShape(Shape input) {
      return Shape.of(input.size());
    }

    @Override
    public BlockSpec mirror(Shape input, Activation activation) {
      return new Spec(input.asArray());
    }

    @Override
    public Block create(String name) {
      return new ReshapeBlock(name, null);
    }
  }

  private final Spec spec;
  private long[] target;

  private ReshapeBlock(String name, Spec spec) {
    super(name);
    this.spec = spec;
  }

  @Override
  protected void build(BuildContext ctx, Shape example) {
    Shape out = spec == null ? Shape.of(example.size()) : spec.outputShape(example);
    target = new long[out.numDimensions() + 1];
    target[0] = -1;
    System.arraycopy(out.asArray(), 0, target, 1, out.numDimensions());
  }

  @Override
  protected Operand<TFloat32> forward(BuildContext ctx, Operand<TFloat32> input) {
    return ctx.tf().reshape(input, ctx.tf().constant(target));
  }
}
