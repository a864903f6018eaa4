package com.acme.aelab;

import io.github.aelab.core.block.AbstractBlock;
import io.github.aelab.core.block.Block;
import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** A third-party block: multiplies its input by a constant. Lives outside aelab's packages, as a plugin would. */
@Doc("multiply by a constant factor (test plugin)")
public record ScaleBlockSpec(@Doc("the factor") @DefaultValue("2.0") double factor) implements BlockSpec {
  @Override
  public String type() {
    return "acme:scale";
  }

  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  @Override
  public Block create(String name) {
    return new AbstractBlock(name) {
      @Override
      protected void build(BuildContext ctx, Shape example) {}

      @Override
      protected Operand<TFloat32> forward(BuildContext ctx, Operand<TFloat32> input) {
        return ctx.tf().math.mul(input, ctx.tf().constant((float) factor));
      }
    };
  }
}
