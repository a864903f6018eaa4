package io.github.aelab.core.block;

import io.github.aelab.core.graph.BuildContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Build-once, apply-many plumbing shared by the blocks: the first {@link #apply} creates the
 * variables for the input's shape; later applications must bring the same per-example shape.
 */
public abstract class AbstractBlock implements Block {
  private final String name;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private Shape builtFor;

  protected AbstractBlock(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("block name must not be blank");
    }
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Operand<TFloat32> apply(BuildContext ctx, Operand<TFloat32> input) {
    Shape example = perExample(input.shape());
    if (builtFor == null) {
      ctx.claimName(name);
      build(ctx, example);
      builtFor = example;
    } else if (!builtFor.equals(example)) {
      throw new IllegalArgumentException(
          "block '" + name + "' was built for inputs of shape " + builtFor + " but is now applied to " + example);
    }
    return forward(ctx, input);
  }

  /** Creates the variables for inputs of this per-example shape. */
  protected abstract void build(BuildContext ctx, Shape example);

  /** Adds the computation; variables exist. */
  protected abstract Operand<TFloat32> forward(BuildContext ctx, Operand<TFloat32> input);

  protected final Variable<TFloat32> addVariable(BuildContext ctx, String suffix, Operand<TFloat32> initial) {
    Variable<TFloat32> v = ctx.newVariable(name + "/" + suffix, initial);
    variables.add(v);
    return v;
  }

  /**
   * The value of a variable for use in computations. Ops must read variables through an
   * identity: some of TensorFlow's C++ gradient functions (Square's, for one) crash the process
   * when their input is the variable's reference output itself.
   */
  protected static Operand<TFloat32> read(BuildContext ctx, Variable<TFloat32> v) {
    return ctx.tf().identity(v);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return Collections.unmodifiableList(variables);
  }

  /** The shape this block was built for, or null before the first application. */
  protected final Shape builtFor() {
    return builtFor;
  }

  static Shape perExample(Shape batchShape) {
    if (batchShape.isUnknown() || batchShape.numDimensions() < 1) {
      throw new IllegalArgumentException("blocks need inputs of known rank with a batch dimension, found " + batchShape);
    }
    long[] dims = batchShape.asArray();
    long[] rest = new long[dims.length - 1];
    System.arraycopy(dims, 1, rest, 0, rest.length);
    for (long d : rest) {
      if (d < 0) {
        throw new IllegalArgumentException("blocks need fully known per-example shapes, found " + batchShape);
      }
    }
    return Shape.of(rest);
  }
}
