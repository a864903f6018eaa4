package io.github.aelab.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Everything a component needs to add itself to a graph: the graph and its {@link Ops}, the
 * seed sequence, the train/eval switch, a step counter for stateless noise, and the list of
 * state updates (batch-norm moving averages) that training ops must run.
 *
 * <p>One context per graph; components receive it as an argument ("ops in, operand out") and
 * never keep a static graph.
 */
public final class BuildContext {
  private final Graph graph;
  private final Ops tf;
  private final SeedSequence seeds;
  private final Operand<TBool> training;
  private final Variable<TInt64> noiseStep;
  private final List<Op> trainingUpdates = new ArrayList<>();
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
  private final java.util.Set<String> blockNames = new java.util.HashSet<>();

  public BuildContext(Graph graph, long seed) {
    this.graph = graph;
    this.tf = Ops.create(graph);
    this.seeds = new SeedSequence(seed);
    this.training = tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
    this.noiseStep = tf.withName("noise_step").variable(tf.constant(0L));
  }

  public Graph graph() {
    return graph;
  }

  public Ops tf() {
    return tf;
  }

  public SeedSequence seeds() {
    return seeds;
  }

  /** Scalar boolean, false unless a training step feeds true: dropout and batch norm read it. */
  public Operand<TBool> training() {
    return training;
  }

  /**
   * Seeds for a stateless random op that must draw fresh numbers at every training step: the
   * op's own seed paired with the step counter. The counter is a variable, so it is saved with
   * checkpoints and a resumed run draws exactly the numbers the uninterrupted run would have.
   */
  public Operand<TInt64> stepSeeds(long opSeed) {
    return tf.stack(List.of(tf.constant(opSeed), tf.identity(noiseStep)));
  }

  /** The noise step counter; every train op advances it after its update. */
  public Variable<TInt64> noiseStepVariable() {
    return noiseStep;
  }

  /** Registers a state update (e.g. a moving average) that every training step must also run. */
  public void addTrainingUpdate(Op update) {
    trainingUpdates.add(update);
  }

  public List<Op> trainingUpdates() {
    return Collections.unmodifiableList(trainingUpdates);
  }

  /**
   * Creates a float variable with a unique, stable name (stable names let a checkpoint written by
   * one process restore into the same graph built by another).
   */
  public Variable<TFloat32> newVariable(String name, Operand<TFloat32> initialValue) {
    if (variables.containsKey(name)) {
      throw new IllegalStateException("variable '" + name + "' already exists in this graph");
    }
    Variable<TFloat32> v = Names.named(tf, name).variable(initialValue);
    variables.put(name, v);
    return v;
  }

  /** Every float variable created through this context, in creation order. */
  public Map<String, Variable<TFloat32>> variables() {
    return Collections.unmodifiableMap(variables);
  }

  /**
   * Reserves a block name. Block names prefix their variables' names, so two blocks with one name
   * would make checkpoints ambiguous: that is an error, not a silent rename.
   */
  public String claimName(String name) {
    if (!blockNames.add(name)) {
      throw new IllegalStateException("a block named '" + name + "' already exists in this graph");
    }
    return name;
  }
}
