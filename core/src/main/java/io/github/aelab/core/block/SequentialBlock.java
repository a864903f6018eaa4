package io.github.aelab.core.block;

import io.github.aelab.core.graph.BuildContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A stack of blocks applied in order; an encoder or a decoder. Owns the union of their variables. */
public final class SequentialBlock implements Block {
  private final String name;
  private final List<Block> blocks;

  public SequentialBlock(String name, List<? extends Block> blocks) {
    this.name = name;
    this.blocks = List.copyOf(blocks);
  }

  @Override
  public String name() {
    return name;
  }

  public List<Block> blocks() {
    return blocks;
  }

  @Override
  public Operand<TFloat32> apply(BuildContext ctx, Operand<TFloat32> input) {
    Operand<TFloat32> x = input;
    for (Block b : blocks) {
      x = b.apply(ctx, x);
    }
    return x;
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    List<Variable<TFloat32>> all = new ArrayList<>();
    blocks.forEach(b -> all.addAll(b.variables()));
    return all;
  }

  @Override
  public List<Variable<TFloat32>> trainableVariables() {
    List<Variable<TFloat32>> all = new ArrayList<>();
    for (Block b : blocks) {
      for (Variable<TFloat32> v : b.trainableVariables()) {
        if (!all.contains(v)) { // a tied layer reports the kernel it shares only once
          all.add(v);
        }
      }
    }
    return all;
  }
}
