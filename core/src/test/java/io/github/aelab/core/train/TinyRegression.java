package io.github.aelab.core.train;

import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.block.DropoutBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.runtime.Sessions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A small MLP regression with dropout, for exercising the trainer: y = sin(3 x0) + x1 x2. */
final class TinyRegression implements AutoCloseable {
  static final int ROWS = 256;
  final Graph graph = new Graph();
  final BuildContext ctx;
  final Session session;
  final TrainOp op;
  final Placeholder<TFloat32> x;
  final Placeholder<TFloat32> y;
  final float[] xs = new float[ROWS * 3];
  final float[] ys = new float[ROWS];

  TinyRegression(long seed, double learningRate) {
    this(seed, new OptimizerSpec.Adam(learningRate));
  }

  TinyRegression(long seed, OptimizerSpec optimizer) {
    ctx = new BuildContext(graph, seed);
    Ops tf = ctx.tf();
    x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
    y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
    var h = new DenseBlock.Spec(16, Activation.TANH).create("h").apply(ctx, x);
    h = new DropoutBlock.Spec(0.1).create("drop").apply(ctx, h);
    var out = new DenseBlock.Spec(1, Activation.LINEAR).create("out").apply(ctx, h);
    var loss = tf.math.mean(tf.math.squaredDifference(out, y), tf.constant(new int[] {0, 1}));
    List<Variable<TFloat32>> vars = new ArrayList<>(ctx.variables().values());
    op = TrainOp.build(ctx, "fit", loss, vars,
        new TrainOp.Config(optimizer, null, ROWS / 32, null));
    session = Sessions.open(graph, RuntimeSettings.reproducible());
    SplittableRandom r = new SplittableRandom(99);
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < 3; j++) {
        xs[i * 3 + j] = (float) (r.nextDouble() * 2 - 1);
      }
      ys[i] = (float) (Math.sin(3 * xs[i * 3]) + xs[i * 3 + 1] * xs[i * 3 + 2]);
    }
  }

  Stage stage(int epochs, EarlyStopping es, boolean validation) {
    List<Feed> train = List.of(new Feed(x, xs, 3), new Feed(y, ys, 1));
    List<Feed> val = validation ? List.of(new Feed(x, xs, 3), new Feed(y, ys, 1)) : List.of();
    return Stage.of("fit", op, train, val, epochs, 32, es);
  }

  Trainer trainer(List<TrainingListener> listeners, CheckpointPolicy checkpoints) {
    return new Trainer(session, ctx.training(), 5, listeners, checkpoints);
  }

  float[] weights() {
    List<Variable<TFloat32>> vars = new ArrayList<>(ctx.variables().values());
    List<Float> all = new ArrayList<>();
    for (Variable<TFloat32> v : vars) {
      try (Result r = session.runner().fetch(v).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        for (long i = 0; i < t.shape().size(); i++) {
          all.add(t.asRawTensor().data().asFloats().getFloat(i));
        }
      }
    }
    float[] out = new float[all.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = all.get(i);
    }
    return out;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
