package io.github.aelab.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** The element-wise nonlinearities a block can apply. Closed set: YAML names are snake_case. */
public enum Activation {
  LINEAR,
  RELU,
  LEAKY_RELU,
  ELU,
  SIGMOID,
  TANH,
  SOFTPLUS;

  /** Slope of {@link #LEAKY_RELU} for negative inputs (Keras' default is 0.3, PyTorch's 0.01; 0.2 is the GAN/AAE convention). */
  public static final float LEAKY_SLOPE = 0.2f;

  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return switch (this) {
      case LINEAR -> x;
      case RELU -> tf.nn.relu(x);
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha(LEAKY_SLOPE));
      case ELU -> tf.nn.elu(x);
      case SIGMOID -> tf.math.sigmoid(x);
      case TANH -> tf.math.tanh(x);
      case SOFTPLUS -> tf.math.softplus(x);
    };
  }

  /** True when every output lies strictly in (0, 1), as a KL sparsity target needs. */
  public boolean boundedInUnitInterval() {
    return this == SIGMOID;
  }

  /** The snake_case name used in experiment files. */
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Activation fromYamlName(String name) {
    for (Activation a : values()) {
      if (a.yamlName().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + name + "'; known: " + java.util.Arrays.stream(values()).map(Activation::yamlName).toList());
  }
}
