package io.github.aelab.clustering.latent;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.runtime.Sessions;
import io.github.aelab.core.train.Feed;
import io.github.aelab.core.train.Inference;
import io.github.aelab.core.train.Stage;
import io.github.aelab.core.train.Trainer;
import io.github.aelab.core.train.TrainingResult;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The graph, input and session of a latent-variable clusterer whose networks do not fit an
 * {@code AutoencoderSpec} (a two-headed encoder, a decoder fed by several codes), so that
 * {@code HeadGraph} cannot hold them. Same life cycle as {@code HeadGraph}: build every op and
 * train op, {@link #open}, {@link #train}, then {@link #run} outputs row by row.
 */
final class LatentGraph implements AutoCloseable {
  private static final int INFERENCE_BATCH = 1024;

  private final Graph graph;
  private final BuildContext ctx;
  private final Placeholder<TFloat32> input;
  private final int inputDim;
  private Session session;

  private LatentGraph(Graph graph, BuildContext ctx, Placeholder<TFloat32> input, int inputDim) {
    this.graph = graph;
    this.ctx = ctx;
    this.input = input;
    this.inputDim = inputDim;
  }

  /** A fresh graph with a {@code [batch, inputDim]} input named {@code x}; weights draw from {@code seed}. */
  static LatentGraph create(int inputDim, long seed) {
    Graph graph = new Graph();
    try {
      BuildContext ctx = new BuildContext(graph, seed);
      Placeholder<TFloat32> x = ctx.tf().withName("x").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, inputDim)));
      return new LatentGraph(graph, ctx, x, inputDim);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  Ops tf() {
    return ctx.tf();
  }

  BuildContext context() {
    return ctx;
  }

  Placeholder<TFloat32> input() {
    return input;
  }

  /** A stage running {@code updates} in order on every minibatch of {@code rows}. */
  Stage stage(String name, List<TrainOp> updates, float[] rows, int epochs, int batchSize) {
    return new Stage(name, updates, List.of(new Feed(input, rows, inputDim)), List.of(), null, epochs, batchSize,
        null, List.of());
  }

  /** Opens the session; call once, after the last variable and train op exist. */
  void open(RuntimeSettings runtime) {
    if (session != null) {
      throw new IllegalStateException("the session is already open");
    }
    session = Sessions.open(graph, runtime);
  }

  /** Trains the stages, minibatch order shuffled from {@code shuffleSeed}; returns the epochs' history. */
  TrainingResult train(List<Stage> stages, long shuffleSeed) {
    return new Trainer(session(), ctx.training(), shuffleSeed, List.of(), null).fit(stages);
  }

  /** {@code output} for every row of {@code rows}, row-major, in evaluation mode. */
  float[] run(Operand<TFloat32> output, float[] rows) {
    return Inference.run(session(), input, output, rows, inputDim, INFERENCE_BATCH);
  }

  int inputDim() {
    return inputDim;
  }

  private Session session() {
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
