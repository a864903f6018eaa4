package io.github.aelab.models;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.runtime.Sessions;
import io.github.aelab.core.train.Feed;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.Inference;
import io.github.aelab.core.train.Stage;
import io.github.aelab.core.train.Trainer;
import io.github.aelab.core.train.TrainingResult;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.regularize.Regularizer;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An autoencoder graph with a head built on it: the plumbing every deep detector and deep
 * clusterer shares (DAGMM, OC-NN, Deep SVDD, DEC). A head adds its ops and train ops first, then {@link #open}s the session (TensorFlow
 * initializes and saves only the variables that exist when the session first runs), then trains
 * stages and evaluates outputs row by row.
 */
public final class HeadGraph implements AutoCloseable {
  private List<TrainingListener> listeners = List.of();
  private static final int INFERENCE_BATCH = 1024;

  private final Graph graph;
  private final BuildContext ctx;
  private final Autoencoder autoencoder;
  private final Operand<TFloat32> input;
  private final int inputDim;
  private final long seed;
  private Session session;

  private HeadGraph(Graph graph, BuildContext ctx, Autoencoder autoencoder, Operand<TFloat32> input, int inputDim,
      long seed) {
    this.graph = graph;
    this.ctx = ctx;
    this.autoencoder = autoencoder;
    this.input = input;
    this.inputDim = inputDim;
    this.seed = seed;
  }

  public static HeadGraph build(AutoencoderSpec spec, List<? extends Regularizer> regularizers, long seed) {
    Graph graph = new Graph();
    try {
      BuildContext ctx = new BuildContext(graph, seed);
      Autoencoder ae = Autoencoder.build(ctx, spec, regularizers);
      return new HeadGraph(graph, ctx, ae, ae.input(), spec.inputDim(), seed);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * A graph with only a {@code [batch, inputDim]} input named {@code x}: for models whose networks
   * an {@link AutoencoderSpec} cannot describe (a two-headed encoder, a decoder fed by several
   * codes: GMVAE, the adversarial clusterer), which build their own blocks on {@link #input()}.
   */
  public static HeadGraph withInput(int inputDim, long seed) {
    Graph graph = new Graph();
    try {
      BuildContext ctx = new BuildContext(graph, seed);
      Operand<TFloat32> x = ctx.tf().withName("x").placeholder(TFloat32.class,
          org.tensorflow.op.core.Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, inputDim)));
      return new HeadGraph(graph, ctx, null, x, inputDim, seed);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  public Ops tf() {
    return ctx.tf();
  }

  public BuildContext context() {
    return ctx;
  }

  /** The autoencoder; fails for a graph made {@link #withInput}. */
  public Autoencoder autoencoder() {
    if (autoencoder == null) {
      throw new IllegalStateException("this graph was made without an autoencoder");
    }
    return autoencoder;
  }

  /** The rows' placeholder, {@code [batch, inputDim]}. */
  public Operand<TFloat32> input() {
    return input;
  }

  public int inputDim() {
    return inputDim;
  }

  public TrainOp trainOp(String name, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, FitSpec fit, int trainRows) {
    return TrainOp.build(ctx, name, loss, variables, fit.trainOpConfig(trainRows));
  }

  /** A stage that runs {@code op} over {@code rows} as {@code fit} says. */
  public Stage stage(String name, TrainOp op, float[] rows, FitSpec fit, List<TrainingListener> listeners) {
    return stage(name, op, List.of(new Feed(input, rows, inputDim)), fit, listeners);
  }

  /**
   * A stage running several updates in order on every minibatch of {@code rows} (an adversarial
   * model's reconstruction, discriminator and generator steps), without early stopping.
   */
  public Stage stage(String name, List<TrainOp> updates, float[] rows, int epochs, int batchSize) {
    return new Stage(name, updates, List.of(new Feed(input, rows, inputDim)), List.of(), null, epochs, batchSize,
        null, List.of());
  }

  /**
   * A stage over several aligned feeds (the input and, say, DEC's per-row target distribution):
   * every batch takes the same rows of each.
   */
  public Stage stage(String name, TrainOp op, List<Feed> feeds, FitSpec fit, List<TrainingListener> listeners) {
    return new Stage(name, List.of(op), feeds, List.of(), null, fit.epochs(), fit.batchSize(), fit.earlyStopping(),
        listeners);
  }

  /**
   * Greedy layer-wise pretraining of the autoencoder on {@code rows} (one stage per layer pair,
   * {@link StackedPretraining}), or no stage when {@code pretraining} is null: how a head's plan
   * starts before its own objective.
   */
  public List<Stage> pretrainingStages(FitSpec pretraining, float[] rows, List<TrainingListener> listeners) {
    if (pretraining == null) {
      return List.of();
    }
    List<Stage> stages = new java.util.ArrayList<>();
    for (TrainOp op : StackedPretraining.trainOps(ctx, autoencoder(), pretraining, rows.length / inputDim)) {
      stages.add(stage(op.name(), op, rows, pretraining, listeners));
    }
    return stages;
  }

  /** Opens the session; call once, after the last op is built. */
  public void open(RuntimeSettings runtime) {
    if (session != null) {
      throw new IllegalStateException("the session is already open");
    }
    session = Sessions.open(graph, runtime);
  }

  public TrainingResult train(List<Stage> stages) {
    return train(stages, seed);
  }

  /** Trains with another shuffling seed (a head that trains in rounds shuffles each differently). */
  public TrainingResult train(List<Stage> stages, long shuffleSeed) {
    return new Trainer(session(), ctx.training(), shuffleSeed, listeners, null).fit(stages);
  }

  /**
   * Listeners of every later {@link #train} (progress, history): a run's, handed down through
   * the head that owns this graph.
   */
  public HeadGraph listenedBy(List<TrainingListener> newListeners) {
    this.listeners = List.copyOf(newListeners);
    return this;
  }

  /** {@code output} evaluated for every row of {@code rows} (row-major, evaluation mode). */
  public float[] run(Operand<TFloat32> output, float[] rows) {
    return Inference.run(session(), input, output, rows, inputDim, INFERENCE_BATCH);
  }

  public Session session() {
    if (session == null) {
      throw new IllegalStateException("open the session first");
    }
    return session;
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
    graph.close();
  }
}
