package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.graph.Shapes;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.Stage;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.HeadGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hashing by an autoencoder's real-valued code, quantized by iterative quantization: train the
 * autoencoder on reconstruction as usual, then fit ITQ (Gong and Lazebnik 2011) on the training
 * rows' codes (centre them, rotate them so their signs lose the least) and take the signs.
 *
 * <p>Why beside {@link SemanticHashing}: the noise that makes a sigmoid code binary also limits
 * what each bit can carry, and on MNIST that code only draws level with PCA-ITQ; the
 * autoencoder's unconstrained code is a better space than PCA's (k-means on it finds digits PCA
 * mixes up), and ITQ's rotation turns it into balanced, uncorrelated bits. This is ITQ on a
 * learned nonlinear embedding instead of on principal components, the deep-feature variant of
 * ITQ that the hashing literature compares with.
 *
 * <p>The code must be flat with one unit per bit; a linear code keeps the most information for
 * the rotation (a bounded activation works, too). The quantizer is built into the graph after
 * fitting ({@code bits = [(code - mean) · R > 0]}, constants), so the Java hasher and an exported
 * SavedModel compute the same bits from the same floats.
 *
 * @param autoencoder    the model; its flat code has as many units as bits
 * @param plan           optional layer-wise pretraining, then end-to-end training on reconstruction
 * @param itqIterations  ITQ alternations (the paper's 50)
 * @param runtime        threads and device
 */
public record AutoencoderItq(AutoencoderSpec autoencoder, AutoencoderSession.Plan plan, int itqIterations,
    RuntimeSettings runtime) implements HashingMethod {

  public AutoencoderItq {
    Objects.requireNonNull(autoencoder, "autoencoder");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(runtime, "runtime");
    if (autoencoder.codeShape().numDimensions() != 1) {
      throw new IllegalArgumentException("autoencoder ITQ needs a flat code (one unit per bit), found per-example shape "
          + autoencoder.codeShape());
    }
    if (itqIterations < 1) {
      throw new IllegalArgumentException("itq_iterations must be >= 1, found " + itqIterations);
    }
  }

  @Override
  public String name() {
    return "autoencoder-itq";
  }

  @Override
  public int bits() {
    return (int) autoencoder.codeShape().size(0);
  }

  @Override
  public Hasher fit(Dataset train, long seed) {
    return fit(train, seed, List.of());
  }

  /** Trains the autoencoder, then ITQ on the codes of {@code train}; the hasher holds the session: close it. */
  @Override
  public TrainedHasher fit(Dataset train, long seed, List<TrainingListener> listeners) {
    if (train.cols() != autoencoder.inputDim()) {
      throw new IllegalArgumentException("the autoencoder takes " + autoencoder.inputDim() + " features but dataset '"
          + train.name() + "' has " + train.cols());
    }
    if (train.rows() < 2) {
      throw new IllegalArgumentException("autoencoder ITQ needs at least 2 training rows, dataset '" + train.name()
          + "' has " + train.rows());
    }
    HeadGraph g = HeadGraph.build(autoencoder, List.of(), seed);
    try {
      Autoencoder ae = g.autoencoder();
      float[] rows = train.features();
      List<Stage> stages = new ArrayList<>(g.pretrainingStages(plan.pretraining(), rows, listeners));
      TrainOp fit = g.trainOp(name(), ae.objective(), ae.trainableVariables(), plan.fit(), train.rows());
      stages.add(g.stage(name(), fit, rows, plan.fit(), listeners));
      g.open(runtime);
      g.train(stages);

      var code = Shapes.flatten(g.tf(), ae.code());
      int bits = bits();
      Dataset codes = new Dataset(train.name() + "-codes", g.run(code, rows), train.rows(), bits, null);
      LinearHasher itq = new PcaItq(bits, itqIterations).fit(codes, seed);
      return TrainedHasher.quantizing(g, code, itq);
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }
}
