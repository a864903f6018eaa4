package io.github.aelab.anomaly.deep;

import io.github.aelab.models.HeadGraph;
import io.github.aelab.core.graph.Shapes;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.Stage;
import io.github.aelab.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The two-phase plan of the one-class heads (OC-NN, Deep SVDD): pretrain the whole autoencoder on
 * reconstruction, then train the head's objective over the encoder and the head's own variables.
 * The decoder only serves pretraining, as in both papers.
 */
final class EncoderHead {
  private EncoderHead() {
  }

  /** The code as a [batch, width] matrix, whatever the code block's shape. */
  static Operand<TFloat32> flatCode(HeadGraph g) {
    return Shapes.flatten(g.tf(), g.autoencoder().code());
  }

  /**
   * A scalar variable or vector set from Java between epochs (OC-NN's r, Deep SVDD's centre c):
   * not trained, so it is read through an identity and assigned through a placeholder.
   */
  record Settable(Variable<TFloat32> variable, Placeholder<TFloat32> value, Operand<TFloat32> assign,
      Operand<TFloat32> read) {
    static Settable create(HeadGraph g, String name, long... shape) {
      var tf = g.tf();
      Variable<TFloat32> v = g.context().newVariable(name,
          tf.zeros(tf.constant(shape), TFloat32.class));
      Placeholder<TFloat32> p = tf.placeholder(TFloat32.class,
          Placeholder.shape(org.tensorflow.ndarray.Shape.of(shape)));
      return new Settable(v, p, tf.assign(v, p), tf.identity(v));
    }

    void set(org.tensorflow.Session session, float[] values, long... shape) {
      try (TFloat32 t = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(shape),
          org.tensorflow.ndarray.buffer.DataBuffers.of(values))) {
        session.runner().feed(value, t).addTarget(assign).run();
      }
    }
  }

  /** The pretraining stage (reconstruction over all autoencoder variables), or none. */
  static List<Stage> pretraining(HeadGraph g, FitSpec pretrain, float[] rows) {
    if (pretrain == null) {
      return List.of();
    }
    TrainOp op = g.trainOp("pretrain", g.autoencoder().objective(), g.autoencoder().trainableVariables(), pretrain,
        rows.length / g.inputDim());
    return List.of(g.stage("pretrain", op, rows, pretrain, List.of()));
  }

  /** The head's stage: {@code loss} over the encoder's and {@code headVariables}. */
  static Stage head(HeadGraph g, String name, Operand<TFloat32> loss, List<Variable<TFloat32>> headVariables,
      FitSpec fit, float[] rows, TrainingListener listener) {
    List<Variable<TFloat32>> variables = new ArrayList<>(g.autoencoder().encoder().trainableVariables());
    variables.addAll(headVariables);
    TrainOp op = g.trainOp(name, loss, variables, fit, rows.length / g.inputDim());
    return g.stage(name, op, rows, fit, List.of(listener));
  }
}
