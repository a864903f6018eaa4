package io.github.aelab.core.block;

import io.github.aelab.core.graph.BuildContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A differentiable piece of a network: maps a batch operand to a batch operand and owns its
 * variables.
 *
 * <p>A block creates its variables the first time it is applied and reuses them on every later
 * application, so one encoder can be applied to clean and to corrupted inputs, or to a
 * placeholder for an exported signature, and still be one set of weights (Keras' layer
 * semantics).
 */
public interface Block {

  /** Unique name in its graph; prefixes its variables' names. */
  String name();

  /** Adds this block's computation on {@code input} (shape [batch, ...]) to the graph. */
  Operand<TFloat32> apply(BuildContext ctx, Operand<TFloat32> input);

  /** The variables this block owns; empty until it has been applied once. */
  List<Variable<TFloat32>> variables();

  /** The trainable subset of {@link #variables()} (batch-norm moving statistics are not trainable). */
  default List<Variable<TFloat32>> trainableVariables() {
    return variables();
  }
}
