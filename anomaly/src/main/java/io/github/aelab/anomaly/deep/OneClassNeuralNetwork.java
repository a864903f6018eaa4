package io.github.aelab.anomaly.deep;

import io.github.aelab.models.HeadGraph;
import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.Quantiles;
import io.github.aelab.core.block.Block;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.Rows;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.Stage;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.AutoencoderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One-class neural network (Chalapathy, Menon &amp; Chawla 2018): an autoencoder is pretrained, then
 * its encoder feeds a one-hidden-layer network {@code ŷ = w · g(V e(x))} trained, with the encoder,
 * on the OC-NN objective
 * {@code ½‖w‖² + ½‖V‖²_F + (1/ν) mean(max(0, r − ŷ)) − r}.
 * As in the paper, r is not a gradient variable: at the start of every epoch it is set to the
 * ν-quantile of ŷ over the training rows, the closed-form minimizer in r. A row's score is
 * {@code r − ŷ}: positive outside the learned region.
 *
 * @param hidden width of the one hidden layer (V)
 * @param activation g, linear or sigmoid in the paper
 * @param nu ν in (0, 1): the fraction of training rows allowed outside
 * @param pretrain autoencoder pretraining, null to skip
 * @param fit the OC-NN phase
 */
public record OneClassNeuralNetwork(AutoencoderSpec autoencoder, int hidden, Activation activation, double nu,
    FitSpec pretrain, FitSpec fit, RuntimeSettings runtime) implements Detector {

  public OneClassNeuralNetwork {
    Objects.requireNonNull(autoencoder, "autoencoder");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(runtime, "runtime");
    if (hidden < 1) {
      throw new IllegalArgumentException("hidden must be >= 1, found " + hidden);
    }
    if (!(nu > 0 && nu < 1)) {
      throw new IllegalArgumentException("nu must be in (0, 1), found " + nu);
    }
  }

  @Override
  public String name() {
    return "ocnn";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    return fit(train, seed, List.of());
  }

  @Override
  public FittedDetector fit(Dataset train, long seed, List<TrainingListener> listeners) {
    if (train.cols() != autoencoder.inputDim()) {
      throw new IllegalArgumentException("OC-NN's autoencoder takes " + autoencoder.inputDim() + " features, '"
          + train.name() + "' has " + train.cols());
    }
    HeadGraph g = HeadGraph.build(autoencoder, List.of(), seed).listenedBy(listeners);
    try {
      Ops tf = g.tf();
      Block v = new DenseBlock.Spec(hidden, activation, null, false).create("ocnn_hidden");
      Block w = new DenseBlock.Spec(1, Activation.LINEAR, null, false).create("ocnn_output");
      Operand<TFloat32> output = tf.reshape(w.apply(g.context(), v.apply(g.context(), EncoderHead.flatCode(g))),
          tf.constant(new int[] {-1}));
      EncoderHead.Settable r = EncoderHead.Settable.create(g, "ocnn/r");
      List<Variable<TFloat32>> headVariables = new ArrayList<>(v.trainableVariables());
      headVariables.addAll(w.trainableVariables());
      Operand<TFloat32> weights = tf.math.mul(tf.constant(0.5f), tf.math.add(
          squaredNorm(tf, w.trainableVariables().get(0)), squaredNorm(tf, v.trainableVariables().get(0))));
      Operand<TFloat32> hinge = tf.math.mean(tf.nn.relu(tf.math.sub(r.read(), output)), tf.constant(0));
      Operand<TFloat32> loss = tf.math.sub(tf.math.add(weights, tf.math.mul(tf.constant((float) (1 / nu)), hinge)),
          r.read());
      Operand<TFloat32> score = tf.math.sub(r.read(), output);

      float[] rows = train.features();
      TrainingListener quantile = new TrainingListener() {
        @Override
        public void onEpochStart(Stage stage, int epoch, Session session) {
          r.set(session, new float[] {(float) Quantiles.linear(Rows.toDouble(g.run(output, rows)), nu)});
        }
      };
      List<Stage> stages = new ArrayList<>(EncoderHead.pretraining(g, pretrain, rows));
      stages.add(EncoderHead.head(g, "ocnn", loss, headVariables, fit, rows, quantile));
      g.open(runtime);
      g.train(stages);
      quantile.onEpochStart(null, fit.epochs(), g.session());
      return new GraphScoredDetector(g, score, train);
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  private static Operand<TFloat32> squaredNorm(Ops tf, Variable<TFloat32> variable) {
    Operand<TFloat32> x = tf.identity(variable);
    return tf.reduceSum(tf.math.square(x), tf.range(tf.constant(0), tf.rank(x), tf.constant(1)));
  }
}
