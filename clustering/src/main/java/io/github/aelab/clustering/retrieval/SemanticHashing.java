package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.Feed;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.Stage;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.HeadGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Semantic hashing (Salakhutdinov and Hinton 2009): an autoencoder whose code layer is
 * {@code bits} logistic units, trained so that the decoder only copes with nearly binary codes;
 * a row's hash is its code thresholded at 0.5.
 *
 * <p>What makes the codes binary is noise on the code layer's <em>input</em> (its
 * pre-activation) during training: with {@code sigmoid(z + noise)} feeding the decoder, a unit
 * only carries information reliably when {@code |z|} is large next to the noise, so training
 * pushes the activations towards 0 and 1. The paper uses "deterministic" noise, drawn once per
 * training case and then held fixed (its variance is 16, {@code noiseStd} 4), so the objective
 * is a fixed function of the weights; here each training row gets its own noise vector, drawn
 * from the seed and fed beside the row, so it follows the row through every shuffle. The codes
 * (and the hashes) are always computed without noise.
 *
 * <p>Why not a {@code Regularizer} in the models module: its hooks corrupt the encoder's input,
 * add a penalty, or add players; none reaches the code layer's pre-activation, and the decoder
 * of {@link Autoencoder} reads the code block's output. So this class builds the autoencoder on
 * models' {@link HeadGraph} with the code block made linear (same width, initializer and bias, so
 * {@link Autoencoder#code()} is the pre-activation {@code z}) and adds its own sigmoid, noise and
 * reconstruction loss through {@link Autoencoder#decodePreOutput}. A mirror decoder is unchanged
 * by that swap: mirrored layers take the activation of the layer that fed their encoder
 * counterpart, never the code's.
 *
 * @param autoencoder the model; its code block must be a dense sigmoid layer of {@code bits}
 *                    units. The reconstruction loss is the spec's (BCE for pixels in [0, 1],
 *                    MSE for standardized features)
 * @param noiseStd    standard deviation of the deterministic noise on the code pre-activation,
 *                    {@code >= 0} (0 trains a plain sigmoid-code autoencoder, the ablation)
 * @param plan        optional layer-wise pretraining (without noise), then the noisy fine-tuning
 * @param runtime     threads and device
 */
public record SemanticHashing(AutoencoderSpec autoencoder, double noiseStd, AutoencoderSession.Plan plan,
    RuntimeSettings runtime) implements HashingMethod {

  /** The paper's noise: variance 16. */
  public static final double PAPER_NOISE_STD = 4.0;

  /** Stream offset so the noise draws differ from anything else seeded with the same seed. */
  private static final long NOISE_STREAM = 0x5e3a_4711_c0deL;

  public SemanticHashing {
    Objects.requireNonNull(autoencoder, "autoencoder");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(runtime, "runtime");
    if (!(autoencoder.code() instanceof DenseBlock.Spec code) || code.activation() != Activation.SIGMOID) {
      throw new IllegalArgumentException("semantic hashing needs a dense sigmoid code layer (its activations are "
          + "thresholded at 0.5), found " + describe(autoencoder));
    }
    if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
      throw new IllegalArgumentException("noise_std must be a finite number >= 0, found " + noiseStd);
    }
  }

  private static String describe(AutoencoderSpec spec) {
    Activation a = AutoencoderSpec.activationOf(spec.code());
    return "a '" + spec.code().type() + "' code" + (a == null ? "" : " with activation " + a.yamlName());
  }

  @Override
  public String name() {
    return "semantic-hashing";
  }

  @Override
  public int bits() {
    return ((DenseBlock.Spec) autoencoder.code()).units();
  }

  @Override
  public SemanticHasher fit(Dataset train, long seed) {
    return fit(train, seed, List.of());
  }

  /**
   * Trains on {@code train} (labels ignored) and returns the hasher, which holds the TensorFlow
   * session: close it. {@code listeners} watch every stage (progress lines, say).
   */
  @Override
  public SemanticHasher fit(Dataset train, long seed, List<TrainingListener> listeners) {
    if (train.cols() != autoencoder.inputDim()) {
      throw new IllegalArgumentException("the autoencoder takes " + autoencoder.inputDim() + " features but dataset '"
          + train.name() + "' has " + train.cols());
    }
    if (train.rows() < 1) {
      throw new IllegalArgumentException("semantic hashing needs at least 1 training row, dataset '" + train.name()
          + "' has none");
    }
    HeadGraph g = HeadGraph.build(withLinearCode(autoencoder), List.of(), seed);
    try {
      Ops tf = g.tf();
      Autoencoder ae = g.autoencoder();
      int bits = bits();
      Operand<TFloat32> preActivation = ae.code();
      Placeholder<TFloat32> noise = tf.withName("semantic_hashing_noise").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, bits)));
      Operand<TFloat32> noisyCode = tf.math.sigmoid(tf.math.add(preActivation, noise));
      Operand<TFloat32> loss = tf.math.mean(ae.reconstructionLoss(g.context(), ae.input(), noisyCode), tf.constant(0));
      Operand<TFloat32> code = tf.withName("semantic_hashing_code").math.sigmoid(preActivation);
      // Built with the rest of the graph, so that an exported model hashes without Java code.
      Operand<TFloat32> hash = tf.withName("semantic_hashing_bits").dtypes.cast(
          tf.math.greater(code, tf.constant(SemanticHasher.CUT)), TFloat32.class);

      float[] rows = train.features();
      // Layer-wise pretraining sees no noise: it only has to find a good starting point.
      List<Stage> stages = new ArrayList<>(g.pretrainingStages(plan.pretraining(), rows, listeners));
      FitSpec fit = plan.fit();
      TrainOp fineTune = g.trainOp(name(), loss, ae.trainableVariables(), fit, train.rows());
      List<Feed> feeds = List.of(new Feed(ae.input(), rows, train.cols()),
          new Feed(noise, deterministicNoise(train.rows(), bits, noiseStd, seed), bits));
      stages.add(g.stage(name(), fineTune, feeds, fit, listeners));
      g.open(runtime);
      g.train(stages);
      return new SemanticHasher(g, code, hash, bits);
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  /** The same autoencoder with the code block's activation removed, so its output is the pre-activation. */
  static AutoencoderSpec withLinearCode(AutoencoderSpec spec) {
    DenseBlock.Spec code = (DenseBlock.Spec) spec.code();
    DenseBlock.Spec linear = new DenseBlock.Spec(code.units(), Activation.LINEAR, code.initializer(), code.useBias());
    return new AutoencoderSpec(spec.inputDim(), spec.encoder(), linear, spec.decoder(), spec.loss(), spec.tiedWeights());
  }

  /** One fixed noise vector per training row, row-major {@code rows x bits}, from {@code seed}. */
  static float[] deterministicNoise(int rows, int bits, double std, long seed) {
    float[] noise = new float[Math.multiplyExact(rows, bits)];
    if (std == 0) {
      return noise;
    }
    Random rng = new Random(seed ^ NOISE_STREAM);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (std * rng.nextGaussian());
    }
    return noise;
  }
}
