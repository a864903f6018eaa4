package io.github.aelab.core.optim;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An optimizer: how gradients change variables. Closed set (YAML type names {@code adam},
 * {@code sgd}, {@code rmsprop}).
 *
 * <p>Implemented on TensorFlow's fused training kernels ({@code ApplyAdam}, {@code ApplyMomentum},
 * {@code ApplyRMSProp}), the kernels tensorflow-framework's optimizers also use. We do not use
 * the framework classes themselves because they take a fixed float learning rate (no schedule),
 * and their slot names are global to the graph, which breaks two Adam optimizers in one graph
 * (adversarial training) — see {@link TrainOp}.
 */
public sealed interface OptimizerSpec permits OptimizerSpec.Adam, OptimizerSpec.Sgd, OptimizerSpec.RmsProp {

  /** The base learning rate that schedules scale. */
  double learningRate();

  /** YAML type name. */
  String type();

  /**
   * Adds the update of one variable.
   *
   * @param slots creates zero-initialized slot variables shaped like {@code var}
   * @param step 1-based step number of this optimizer, as float (Adam's bias correction needs it)
   */
  Op applyUpdate(Ops tf, Variable<TFloat32> var, Operand<TFloat32> grad, Operand<TFloat32> lr,
      Operand<TFloat32> step, SlotFactory slots);

  /** Creates optimizer state shaped like a variable. */
  interface SlotFactory {
    Variable<TFloat32> zerosLike(Variable<TFloat32> var, String slot);
  }

  /** Adam (Kingma &amp; Ba 2015). */
  @Doc("Adam (Kingma & Ba 2015)")
  record Adam(
      @Doc("base learning rate") @DefaultValue("0.001") double learningRate,
      @Doc("first-moment decay") @DefaultValue("0.9") double beta1,
      @Doc("second-moment decay") @DefaultValue("0.999") double beta2,
      @Doc("added to the denominator") @DefaultValue("1e-7") double epsilon) implements OptimizerSpec {
    public Adam {
      positive("learning_rate", learningRate);
      unitInterval("beta1", beta1);
      unitInterval("beta2", beta2);
      positive("epsilon", epsilon);
    }

    /** Keras' defaults with the given learning rate. */
    public Adam(double learningRate) {
      this(learningRate, 0.9, 0.999, 1e-7);
    }

    @Override
    public String type() {
      return "adam";
    }

    @Override
    public Op applyUpdate(Ops tf, Variable<TFloat32> var, Operand<TFloat32> grad, Operand<TFloat32> lr,
        Operand<TFloat32> step, SlotFactory slots) {
      Variable<TFloat32> m = slots.zerosLike(var, "m");
      Variable<TFloat32> v = slots.zerosLike(var, "v");
      Operand<TFloat32> b1 = tf.constant((float) beta1);
      Operand<TFloat32> b2 = tf.constant((float) beta2);
      return tf.train.applyAdam(var, m, v, tf.math.pow(b1, step), tf.math.pow(b2, step), lr, b1, b2,
          tf.constant((float) epsilon), grad);
    }
  }

  /** Stochastic gradient descent with optional (Nesterov) momentum. */
  @Doc("stochastic gradient descent with optional (Nesterov) momentum")
  record Sgd(
      @Doc("base learning rate") @DefaultValue("0.01") double learningRate,
      @Doc("momentum, in [0, 1)") @DefaultValue("0") double momentum,
      @Doc("Nesterov momentum") @DefaultValue("false") boolean nesterov) implements OptimizerSpec {
    public Sgd {
      positive("learning_rate", learningRate);
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("momentum must be in [0, 1), found " + momentum);
      }
      if (nesterov && momentum == 0) {
        throw new IllegalArgumentException("nesterov needs momentum > 0, found momentum 0");
      }
    }

    @Override
    public String type() {
      return "sgd";
    }

    @Override
    public Op applyUpdate(Ops tf, Variable<TFloat32> var, Operand<TFloat32> grad, Operand<TFloat32> lr,
        Operand<TFloat32> step, SlotFactory slots) {
      if (momentum == 0) {
        return tf.train.applyGradientDescent(var, lr, grad);
      }
      Variable<TFloat32> accumulator = slots.zerosLike(var, "momentum");
      return tf.train.applyMomentum(var, accumulator, lr, grad, tf.constant((float) momentum),
          org.tensorflow.op.train.ApplyMomentum.useNesterov(nesterov));
    }
  }

  /** RMSProp (Tieleman &amp; Hinton 2012), with optional momentum. */
  @Doc("RMSProp (Tieleman & Hinton 2012)")
  record RmsProp(
      @Doc("base learning rate") @DefaultValue("0.001") double learningRate,
      @Doc("decay of the squared-gradient average") @DefaultValue("0.9") double rho,
      @Doc("momentum, in [0, 1)") @DefaultValue("0") double momentum,
      @Doc("added to the denominator") @DefaultValue("1e-7") double epsilon) implements OptimizerSpec {
    public RmsProp {
      positive("learning_rate", learningRate);
      unitInterval("rho", rho);
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("momentum must be in [0, 1), found " + momentum);
      }
      positive("epsilon", epsilon);
    }

    public RmsProp(double learningRate) {
      this(learningRate, 0.9, 0.0, 1e-7);
    }

    @Override
    public String type() {
      return "rmsprop";
    }

    @Override
    public Op applyUpdate(Ops tf, Variable<TFloat32> var, Operand<TFloat32> grad, Operand<TFloat32> lr,
        Operand<TFloat32> step, SlotFactory slots) {
      Variable<TFloat32> ms = slots.zerosLike(var, "ms");
      Variable<TFloat32> mom = slots.zerosLike(var, "mom");
      return tf.train.applyRmsProp(var, ms, mom, lr, tf.constant((float) rho), tf.constant((float) momentum),
          tf.constant((float) epsilon), grad);
    }
  }

  private static void positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be > 0 and finite, found " + value);
    }
  }

  private static void unitInterval(String field, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1), found " + value);
    }
  }
}
