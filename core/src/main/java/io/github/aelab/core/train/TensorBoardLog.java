package io.github.aelab.core.train;

import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Writes each epoch's losses and learning rate as TensorBoard scalar summaries ({@code
 * tensorboard --logdir DIR}), with TensorFlow's own summary-writer ops in a small graph of its
 * own, so the model's graph and checkpoints are untouched. Tags are {@code <stage>/train_loss},
 * {@code <stage>/validation_loss}, {@code <stage>/learning_rate}; the step is the epoch counted
 * over the whole plan.
 */
public final class TensorBoardLog implements TrainingListener, AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TInt64> step;
  private final Placeholder<TString> tag;
  private final Placeholder<TFloat32> value;
  private final Op write;
  private final Op flush;
  private final Op close;
  private long globalEpoch;

  public TensorBoardLog(Path logDir) {
    Ops tf = Ops.create(graph);
    var writer = tf.summary.summaryWriter();
    Op create = tf.summary.createSummaryFileWriter(writer, tf.constant(logDir.toString()), tf.constant(10),
        tf.constant(1000), tf.constant(".aelab"));
    step = tf.placeholder(TInt64.class);
    tag = tf.placeholder(TString.class);
    value = tf.placeholder(TFloat32.class);
    write = tf.withControlDependencies(create).summary.writeScalarSummary(writer, step, tag, value);
    flush = tf.summary.flushSummaryWriter(writer);
    close = tf.withControlDependencies(flush).summary.closeSummaryWriter(writer);
    session = new Session(graph);
    session.runner().addTarget(create).run().close();
  }

  @Override
  public void onEpochEnd(Stage stage, EpochRecord r, Session modelSession) {
    globalEpoch++;
    scalar(stage.name() + "/train_loss", r.trainLoss());
    if (!Double.isNaN(r.validationLoss())) {
      scalar(stage.name() + "/validation_loss", r.validationLoss());
    }
    scalar(stage.name() + "/learning_rate", r.learningRate());
    for (Map.Entry<String, Double> e : r.updateLosses().entrySet()) {
      if (stage.updates().size() > 1) {
        scalar(stage.name() + "/" + e.getKey() + "_loss", e.getValue());
      }
    }
    session.runner().addTarget(flush).run().close();
  }

  private void scalar(String name, double v) {
    try (TInt64 s = TInt64.scalarOf(globalEpoch); TString t = TString.scalarOf(name); TFloat32 x = TFloat32.scalarOf((float) v)) {
      session.runner().feed(step, s).feed(tag, t).feed(value, x).addTarget(write).run().close();
    }
  }

  @Override
  public void close() {
    try {
      session.runner().addTarget(close).run().close();
    } finally {
      session.close();
      graph.close();
    }
  }
}
