package io.github.aelab.models.regularize;

import io.github.aelab.core.optim.OptimizerSpec;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An extra update rule of a regularizer: minimize {@code loss} over {@code variables} with its own
 * optimizer, once per batch after the model's update (e.g. an adversarial autoencoder's
 * discriminator, then its encoder as generator).
 */
public record Player(String name, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, OptimizerSpec optimizer) {
  public Player {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(optimizer, "optimizer");
    variables = List.copyOf(variables);
  }
}
