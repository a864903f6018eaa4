package io.github.aelab.core.optim;

import io.github.aelab.core.graph.BuildContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One update rule in the graph: minimize {@code loss} over an explicit list of variables with
 * one optimizer. Several TrainOps over disjoint variable lists live side by side in one graph
 * (adversarial training: reconstruction, discriminator, generator), each with its own step
 * counter, schedule and slots.
 *
 * <p>Running {@link #update()} once: computes the gradients, optionally clips them by their
 * global norm, applies them, runs the graph's training updates (batch-norm moving averages) and
 * advances this op's step and the graph's noise step.
 */
public final class TrainOp {

  /** What to build; {@code clipNorm} null means no clipping. */
  public record Config(OptimizerSpec optimizer, LearningRateSchedule schedule, long stepsPerEpoch, Double clipNorm) {
    public Config {
      Objects.requireNonNull(optimizer, "optimizer");
      if (schedule == null) {
        schedule = new LearningRateSchedule.Constant();
      }
      if (stepsPerEpoch < 1) {
        throw new IllegalArgumentException("steps_per_epoch must be >= 1, found " + stepsPerEpoch);
      }
      if (clipNorm != null && !(clipNorm > 0)) {
        throw new IllegalArgumentException("clip_norm must be > 0, found " + clipNorm);
      }
    }
  }

  private final String name;
  private final Operand<TFloat32> loss;
  private final List<Variable<TFloat32>> variables;
  private final Op update;
  private final Operand<TFloat32> learningRate;
  private final Operand<TFloat32> gradientNorm;
  private final Variable<TInt64> iterations;

  private TrainOp(String name, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, Op update,
      Operand<TFloat32> learningRate, Operand<TFloat32> gradientNorm, Variable<TInt64> iterations) {
    this.name = name;
    this.loss = loss;
    this.variables = variables;
    this.update = update;
    this.learningRate = learningRate;
    this.gradientNorm = gradientNorm;
    this.iterations = iterations;
  }

  /**
   * Builds the update of {@code variables} that lowers {@code loss}.
   *
   * @param name unique name; prefixes the op's step counter and slots
   */
  public static TrainOp build(BuildContext ctx, String name, Operand<TFloat32> loss,
      List<Variable<TFloat32>> variables, Config config) {
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("train op '" + name + "' has no variables to train");
    }
    if (loss.shape().numDimensions() != 0) {
      throw new IllegalArgumentException("train op '" + name + "' needs a scalar loss, found shape " + loss.shape());
    }
    Ops tf = ctx.tf().withSubScope(name);
    Variable<TInt64> iterations = tf.withName("iterations").variable(tf.constant(0L));

    Gradients grads = tf.gradients(loss, variables);
    List<Operand<TFloat32>> g = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Output<TFloat32> dy = grads.dy(i);
      if (dy == null) {
        throw new IllegalArgumentException("train op '" + name + "': loss does not depend on variable '"
            + variables.get(i).op().name() + "'");
      }
      g.add(dy);
    }
    Operand<TFloat32> norm = globalNorm(tf, g);
    if (config.clipNorm() != null) {
      Operand<TFloat32> clip = tf.constant(config.clipNorm().floatValue());
      Operand<TFloat32> scale = tf.math.div(clip, tf.math.maximum(norm, clip));
      g.replaceAll(gi -> tf.math.mul(gi, scale));
    }

    Operand<TFloat32> step = tf.math.add(tf.dtypes.cast(iterations, TFloat32.class), tf.constant(1f));
    Operand<TFloat32> epoch = tf.math.div(tf.dtypes.cast(iterations, TFloat32.class),
        tf.constant((float) config.stepsPerEpoch()));
    Operand<TFloat32> lr = tf.withName("learning_rate").math.mul(
        tf.constant((float) config.optimizer().learningRate()), config.schedule().factor(tf, epoch));

    OptimizerSpec.SlotFactory slots = (var, slot) -> io.github.aelab.core.graph.Names.named(tf, slotName(var, slot))
        .variable(tf.zeros(tf.constant(var.shape().asArray()), TFloat32.class));
    // Reads of a ref variable alias its buffer, so an update that ran before a backward op that
    // reads the same variable would change that op's input: a race that made runs differ in the
    // last digits. Every update therefore waits for every gradient (and for the loss).
    List<org.tensorflow.Operation> computed = new ArrayList<>();
    computed.add(loss.op());
    g.forEach(gi -> computed.add(gi.op()));
    Ops afterGradients = tf.withControlDependencyOps(computed);
    List<Op> applies = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      applies.add(config.optimizer().applyUpdate(afterGradients, variables.get(i), g.get(i), lr, step, slots));
    }
    applies.addAll(ctx.trainingUpdates());
    Ops after = tf.withControlDependencies(applies);
    Op advance = after.assignAdd(iterations, tf.constant(1L));
    Op advanceNoise = after.withName("advance_noise_step").assignAdd(
        ctx.noiseStepVariable(), tf.constant(1L));
    Op update = tf.withControlDependencies(List.of(advance, advanceNoise)).withName("update").noOp();
    return new TrainOp(name, loss, List.copyOf(variables), update, lr, norm, iterations);
  }

  private static String slotName(Variable<TFloat32> var, String slot) {
    return "slots/" + var.op().name().replace('/', '.') + "." + slot;
  }

  private static Operand<TFloat32> globalNorm(Ops tf, List<Operand<TFloat32>> grads) {
    List<Operand<TFloat32>> squares = new ArrayList<>();
    for (Operand<TFloat32> gi : grads) {
      squares.add(tf.reduceSum(tf.math.square(tf.reshape(gi, tf.constant(new int[] {-1}))), tf.constant(0)));
    }
    return tf.math.sqrt(tf.math.addN(squares));
  }

  public String name() {
    return name;
  }

  /** The scalar loss this op lowers. */
  public Operand<TFloat32> loss() {
    return loss;
  }

  public List<Variable<TFloat32>> variables() {
    return variables;
  }

  /** Run this as a target to take one step. */
  public Op update() {
    return update;
  }

  /** The scheduled learning rate at the current step. */
  public Operand<TFloat32> learningRate() {
    return learningRate;
  }

  /** Global L2 norm of the (unclipped) gradient at the current step. */
  public Operand<TFloat32> gradientNorm() {
    return gradientNorm;
  }

  /** How many updates this op has applied. */
  public Variable<TInt64> iterations() {
    return iterations;
  }
}
