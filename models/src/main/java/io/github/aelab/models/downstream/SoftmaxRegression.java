package io.github.aelab.models.downstream;

import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.Feed;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.Stage;
import io.github.aelab.models.HeadGraph;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Multinomial logistic regression with an L2 penalty on the weights: the linear classifier that
 * measures how much label information features carry (the "features fed to a linear classifier"
 * evaluation of Rifai et al. 2011 and of most representation-learning papers, run on raw pixels
 * too for the reference). Trained by minibatch Adam on the mean cross-entropy plus
 * {@code l2 / 2 * ||W||^2}, through the same trainer as every model, so the same seed gives the
 * same classifier.
 *
 * @param classes number of labels 0..classes-1
 * @param l2 weight of the penalty on the weights (not the biases)
 * @param fit optimizer, epochs and batch size
 */
public record SoftmaxRegression(int classes, double l2, FitSpec fit) {
  public SoftmaxRegression {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, found " + classes);
    }
    if (!(l2 >= 0)) {
      throw new IllegalArgumentException("l2 must be >= 0, found " + l2);
    }
  }

  /** Fits on row-major {@code features} of width {@code cols}, one label per row. */
  public Fitted fit(float[] features, int cols, int[] labels, long seed, RuntimeSettings runtime) {
    int rows = features.length / cols;
    if (rows * cols != features.length || labels.length != rows) {
      throw new IllegalArgumentException(features.length + " feature values of width " + cols + " do not make "
          + labels.length + " rows");
    }
    HeadGraph g = HeadGraph.withInput(cols, seed);
    try {
      Ops tf = g.tf();
      Placeholder<TFloat32> targets = tf.withName("targets").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, classes)));
      DenseBlock linear = (DenseBlock) new DenseBlock.Spec(classes, Activation.LINEAR).create("softmax_regression");
      Operand<TFloat32> logits = linear.apply(g.context(), g.input());
      Operand<TFloat32> crossEntropy = tf.math.mean(crossEntropyPerRow(tf, targets, logits), tf.constant(0));
      Operand<TFloat32> penalty = tf.math.mul(tf.constant((float) (l2 / 2)),
          tf.reduceSum(tf.math.square(linear.kernel()), tf.constant(new int[] {0, 1})));
      Operand<TFloat32> loss = tf.math.add(crossEntropy, penalty);
      var op = g.trainOp("softmax_regression", loss, linear.trainableVariables(), fit, rows);
      Stage stage = g.stage("softmax_regression", op,
          List.of(new Feed(g.input(), features, cols), new Feed(targets, oneHot(labels), classes)), fit, List.of());
      g.open(runtime);
      g.train(List.of(stage));
      return new Fitted(g, logits, classes);
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  /**
   * {@code -sum_c t_c log softmax(z)_c} of each row, through LogSoftmax (stable for large logits,
   * and with a gradient in TensorFlow's C++ registry).
   */
  static Operand<TFloat32> crossEntropyPerRow(Ops tf, Operand<TFloat32> oneHot, Operand<TFloat32> logits) {
    return tf.math.neg(tf.reduceSum(tf.math.mul(oneHot, tf.nn.logSoftmax(logits)), tf.constant(1)));
  }

  private float[] oneHot(int[] labels) {
    float[] out = new float[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is outside 0.." + (classes - 1));
      }
      out[i * classes + labels[i]] = 1f;
    }
    return out;
  }

  /** A trained classifier; holds a TensorFlow session until closed. */
  public static final class Fitted implements AutoCloseable {
    private final HeadGraph graph;
    private final Operand<TFloat32> logits;
    private final int classes;

    private Fitted(HeadGraph graph, Operand<TFloat32> logits, int classes) {
      this.graph = graph;
      this.logits = logits;
      this.classes = classes;
    }

    /** The most probable label of each row. */
    public int[] predict(float[] rows) {
      float[] z = graph.run(logits, rows);
      int[] out = new int[z.length / classes];
      for (int i = 0; i < out.length; i++) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
          if (z[i * classes + c] > z[i * classes + best]) {
            best = c;
          }
        }
        out[i] = best;
      }
      return out;
    }

    /** The fraction of rows whose predicted label differs from {@code labels}. */
    public double errorRate(float[] rows, int[] labels) {
      int[] predicted = predict(rows);
      if (predicted.length != labels.length) {
        throw new IllegalArgumentException(predicted.length + " rows but " + labels.length + " labels");
      }
      int wrong = 0;
      for (int i = 0; i < labels.length; i++) {
        wrong += predicted[i] != labels[i] ? 1 : 0;
      }
      return (double) wrong / labels.length;
    }

    @Override
    public void close() {
      graph.close();
    }
  }
}
