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
  private static final int INFERENCE_BATCH = 1024;

  private final Graph graph;
  private final BuildContext ctx;
  private final Autoencoder autoencoder;
  private final long seed;
  private Session session;

  private HeadGraph(Graph graph, BuildContext ctx, Autoencoder autoencoder, long seed) {
    this.graph = graph;
    this.ctx = ctx;
    this.autoencoder = autoencoder;
    this.seed = seed;
  }

  public static HeadGraph build(AutoencoderSpec spec, List<? extends Regularizer> regularizers, long seed) {
    Graph graph = new Graph();
    try {
      BuildContext ctx = new BuildContext(graph, seed);
      return new HeadGraph(graph, ctx, Autoencoder.build(ctx, spec, regularizers), seed);
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

  public Autoencoder autoencoder() {
    return autoencoder;
  }

  public int inputDim() {
    return autoencoder.spec().inputDim();
  }

  public TrainOp trainOp(String name, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, FitSpec fit, int trainRows) {
    return TrainOp.build(ctx, name, loss, variables, fit.trainOpConfig(trainRows));
  }

  /** A stage that runs {@code op} over {@code rows} as {@code fit} says. */
  public Stage stage(String name, TrainOp op, float[] rows, FitSpec fit, List<TrainingListener> listeners) {
    return stage(name, op, List.of(new Feed(autoencoder.input(), rows, inputDim())), fit, listeners);
  }

  /**
   * A stage over several aligned feeds (the input and, say, DEC's per-row target distribution):
   * every batch takes the same rows of each.
   */
  public Stage stage(String name, TrainOp op, List<Feed> feeds, FitSpec fit, List<TrainingListener> listeners) {
    return new Stage(name, List.of(op), feeds, List.of(), null, fit.epochs(), fit.batchSize(), fit.earlyStopping(),
        listeners);
  }

  /** Opens the session; call once, after the last op is built. */
  public void open(RuntimeSettings runtime) {
    if (session != null) {
      throw new IllegalStateException("the session is already open");
    }
    session = Sessions.open(graph, runtime);
  }

  public void train(List<Stage> stages) {
    train(stages, seed);
  }

  /** Trains with another shuffling seed (a head that trains in rounds shuffles each differently). */
  public void train(List<Stage> stages, long shuffleSeed) {
    new Trainer(session(), ctx.training(), shuffleSeed, List.of(), null).fit(stages);
  }

  /** {@code output} evaluated for every row of {@code rows} (row-major, evaluation mode). */
  public float[] run(Operand<TFloat32> output, float[] rows) {
    return Inference.run(session(), autoencoder.input(), output, rows, inputDim(), INFERENCE_BATCH);
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
