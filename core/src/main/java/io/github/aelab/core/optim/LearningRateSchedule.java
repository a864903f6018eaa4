package io.github.aelab.core.optim;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How the learning rate changes with training progress, computed inside the graph from the
 * optimizer's own step counter, so a resumed run continues the schedule exactly. Progress is
 * measured in (fractional) epochs, as users think of it.
 */
public sealed interface LearningRateSchedule
    permits LearningRateSchedule.Constant, LearningRateSchedule.StepDecay, LearningRateSchedule.Cosine {

  /** The factor by which the base rate is multiplied at {@code epoch} (float, fractional). */
  Operand<TFloat32> factor(Ops tf, Operand<TFloat32> epoch);

  String type();

  /** The same rate throughout. */
  @Doc("the base learning rate throughout")
  record Constant() implements LearningRateSchedule {
    @Override
    public Operand<TFloat32> factor(Ops tf, Operand<TFloat32> epoch) {
      return tf.constant(1f);
    }

    @Override
    public String type() {
      return "constant";
    }
  }

  /** Multiply by {@code factor} every {@code everyEpochs} whole epochs. */
  @Doc("multiply the rate by factor every every_epochs epochs")
  record StepDecay(
      @Doc("epochs between drops") int everyEpochs,
      @Doc("multiplier at each drop, in (0, 1]") @DefaultValue("0.5") double factor) implements LearningRateSchedule {
    public StepDecay {
      if (everyEpochs < 1) {
        throw new IllegalArgumentException("every_epochs must be >= 1, found " + everyEpochs);
      }
      if (!(factor > 0 && factor <= 1)) {
        throw new IllegalArgumentException("factor must be in (0, 1], found " + factor);
      }
    }

    @Override
    public Operand<TFloat32> factor(Ops tf, Operand<TFloat32> epoch) {
      Operand<TFloat32> drops = tf.math.floor(tf.math.div(epoch, tf.constant((float) everyEpochs)));
      return tf.math.pow(tf.constant((float) factor), drops);
    }

    @Override
    public String type() {
      return "step";
    }
  }

  /**
   * Cosine annealing (Loshchilov &amp; Hutter 2017) from the base rate down to
   * {@code minFactor} times it over {@code epochs}, then flat.
   */
  @Doc("cosine annealing to min_factor times the base rate over epochs")
  record Cosine(
      @Doc("epochs of the decay") int epochs,
      @Doc("final fraction of the base rate, in [0, 1]") @DefaultValue("0") double minFactor) implements LearningRateSchedule {
    public Cosine {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
      }
      if (!(minFactor >= 0 && minFactor <= 1)) {
        throw new IllegalArgumentException("min_factor must be in [0, 1], found " + minFactor);
      }
    }

    @Override
    public Operand<TFloat32> factor(Ops tf, Operand<TFloat32> epoch) {
      Operand<TFloat32> progress = tf.math.minimum(tf.math.div(epoch, tf.constant((float) epochs)), tf.constant(1f));
      Operand<TFloat32> cosine = tf.math.mul(tf.constant(0.5f),
          tf.math.add(tf.constant(1f), tf.math.cos(tf.math.mul(progress, tf.constant((float) Math.PI)))));
      return tf.math.add(tf.constant((float) minFactor), tf.math.mul(tf.constant((float) (1 - minFactor)), cosine));
    }

    @Override
    public String type() {
      return "cosine";
    }
  }
}
