package io.github.aelab.anomaly.deep;

import io.github.aelab.models.HeadGraph;
import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.core.data.Dataset;
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
 * One-class Deep SVDD (Ruff et al. 2018): after autoencoder pretraining, the encoder is trained
 * to map the training rows close to a fixed centre c, the mean of their initial codes, minimizing
 * {@code mean ‖φ(x) − c‖² + (λ/2) Σ‖W‖²}. A row's score is its squared distance to c.
 *
 * <p>As the paper warns, an encoder with bias terms or bounded activations can collapse onto c
 * (map everything there); use {@code use_bias: false} and unbounded activations (ReLU family) in
 * the encoder. Centre coordinates closer to 0 than {@code 0.1} are pushed to ±0.1, as in the
 * authors' code, because a unit stuck at zero makes collapse trivial.
 *
 * @param weightDecay λ, on the encoder's weights
 * @param pretrain autoencoder pretraining, null to skip (c is then the mean of random codes)
 */
public record DeepSvdd(AutoencoderSpec autoencoder, double weightDecay, FitSpec pretrain, FitSpec fit,
    RuntimeSettings runtime) implements Detector {

  private static final float MIN_CENTRE = 0.1f;

  public DeepSvdd {
    Objects.requireNonNull(autoencoder, "autoencoder");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(runtime, "runtime");
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("weight_decay must be >= 0, found " + weightDecay);
    }
  }

  @Override
  public String name() {
    return "deep_svdd";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    return fit(train, seed, List.of());
  }

  @Override
  public FittedDetector fit(Dataset train, long seed, List<TrainingListener> listeners) {
    if (train.cols() != autoencoder.inputDim()) {
      throw new IllegalArgumentException("Deep SVDD's autoencoder takes " + autoencoder.inputDim() + " features, '"
          + train.name() + "' has " + train.cols());
    }
    HeadGraph g = HeadGraph.build(autoencoder, List.of(), seed).listenedBy(listeners);
    try {
      Ops tf = g.tf();
      Operand<TFloat32> code = EncoderHead.flatCode(g);
      int width = (int) code.shape().size(1);
      EncoderHead.Settable centre = EncoderHead.Settable.create(g, "svdd/centre", width);
      Operand<TFloat32> distance = tf.reduceSum(tf.math.square(tf.math.sub(code, centre.read())), tf.constant(1));
      Operand<TFloat32> loss = tf.math.mean(distance, tf.constant(0));
      if (weightDecay > 0) {
        List<Operand<TFloat32>> squares = new ArrayList<>();
        for (Variable<TFloat32> v : g.autoencoder().encoder().trainableVariables()) {
          Operand<TFloat32> x = tf.identity(v);
          squares.add(tf.reduceSum(tf.math.square(x), tf.range(tf.constant(0), tf.rank(x), tf.constant(1))));
        }
        loss = tf.math.add(loss, tf.math.mul(tf.constant((float) (weightDecay / 2)), tf.math.addN(squares)));
      }
      float[] rows = train.features();
      TrainingListener setCentre = new TrainingListener() {
        @Override
        public void onEpochStart(Stage stage, int epoch, Session session) {
          if (epoch == 0) {
            centre.set(session, centreOf(g.run(code, rows), width), width);
          }
        }
      };
      List<Stage> stages = new ArrayList<>(EncoderHead.pretraining(g, pretrain, rows));
      stages.add(EncoderHead.head(g, "svdd", loss, List.of(), fit, rows, setCentre));
      g.open(runtime);
      g.train(stages);
      return new GraphScoredDetector(g, distance, train);
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  static float[] centreOf(float[] codes, int width) {
    int n = codes.length / width;
    double[] sum = new double[width];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        sum[j] += codes[i * width + j];
      }
    }
    float[] c = new float[width];
    for (int j = 0; j < width; j++) {
      float mean = (float) (sum[j] / n);
      c[j] = Math.abs(mean) < MIN_CENTRE ? (mean < 0 ? -MIN_CENTRE : MIN_CENTRE) : mean;
    }
    return c;
  }
}
