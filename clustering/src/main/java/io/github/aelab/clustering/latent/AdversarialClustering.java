package io.github.aelab.clustering.latent;

import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.HeadGraph;
import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.core.block.Block;
import io.github.aelab.core.block.SequentialBlock;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.regularize.Prior;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Unsupervised clustering with an adversarial autoencoder (Makhzani et al. 2015, §6): the
 * encoder splits its code into a softmax y of {@code clusters} units and a continuous style z;
 * one discriminator pushes the aggregate of y towards a uniform categorical (one-hot) prior, a
 * second pushes z towards N(0, I); the decoder reconstructs from [y, z]. To fool the first
 * discriminator y must become nearly one-hot and use every cluster equally often, and since the
 * decoder needs y to tell the data's modes apart, the modes end up on the clusters; the style z
 * carries the rest. Clusters are argmax y; soft assignments are y itself.
 *
 * <p>Every minibatch takes the paper's three updates in order, each with its own optimizer:
 * reconstruction (encoder and decoder), the discriminators (both at once: their variables are
 * disjoint, so one step on the summed loss is two independent steps), and the encoder as
 * generator against both. Discriminators are leaky-ReLU networks trained by logistic loss, prior
 * samples labelled 1 and codes 0; the generator takes the non-saturating loss (codes labelled 1).
 *
 * <p>The models module's {@code Adversarial} regularizer matches a whole autoencoder code to one
 * prior, and an {@code AutoencoderSpec} code block has a single activation, so neither can
 * express a code that is half softmax, half linear with a prior for each half; the networks are
 * therefore built here, reusing that module's {@link Prior} for the categorical and Gaussian
 * samples (stateless, keyed by the step).
 *
 * <p>Local optima: when two of the data's clusters start on one vertex of the simplex, the
 * generator's gradient moves both together, so nothing splits them and one category stays
 * unused; measured on 3 to 5 blobs, a single run ended so in 4 of 9 runs. {@code restarts} trains
 * several models and keeps the one whose cluster usage is closest to the prior's
 * ({@code usageDivergence}), which with 4 restarts recovered all blobs in 9 of 9 runs. That
 * criterion, like the uniform prior itself, assumes clusters of similar size.
 *
 * @param clusters number of clusters (units of y), >= 2
 * @param hidden widths of the encoder's ReLU layers (mirrored by the decoder); may be empty
 * @param styleWidth width of z, >= 1
 * @param discriminatorHidden widths of each discriminator's leaky-ReLU layers
 * @param loss reconstruction loss: MSE for real-valued data, BCE for data in [0, 1]
 * @param fit optimizer, epochs and batch size of the reconstruction update (and the batches of all three)
 * @param discriminatorOptimizer optimizer of the discriminators
 * @param generatorOptimizer optimizer of the encoder as generator
 * @param restarts models trained from different seeds; the one whose cluster usage is closest to
 *     the prior's uniform usage ({@code usageDivergence}) is kept
 * @param balanceWeight weight of CatGAN's batch balance term {@code KL(mean_batch y ‖ U)} in the
 *     generator's loss; 0 is the paper's objective. On MNIST the paper's objective put every row in
 *     one to six clusters (the generator moves all rows towards the vertex the discriminator likes
 *     best, and once the softmax saturates no gradient comes back); with weight 5 or 20 all 16
 *     clusters were used (10,000 images, 10 epochs).
 */
public record AdversarialClustering(int clusters, List<Integer> hidden, int styleWidth,
    List<Integer> discriminatorHidden, ReconstructionLoss loss, FitSpec fit, OptimizerSpec discriminatorOptimizer,
    OptimizerSpec generatorOptimizer, int restarts, RuntimeSettings runtime, double balanceWeight)
    implements Clusterer {

  /** The paper's objective: no balance term. */
  public AdversarialClustering(int clusters, List<Integer> hidden, int styleWidth, List<Integer> discriminatorHidden,
      ReconstructionLoss loss, FitSpec fit, OptimizerSpec discriminatorOptimizer, OptimizerSpec generatorOptimizer,
      int restarts, RuntimeSettings runtime) {
    this(clusters, hidden, styleWidth, discriminatorHidden, loss, fit, discriminatorOptimizer, generatorOptimizer,
        restarts, runtime, 0);
  }

  public AdversarialClustering {
    if (clusters < 2) {
      throw new IllegalArgumentException("clusters must be >= 2, found " + clusters);
    }
    hidden = Networks.checkWidths("hidden widths", hidden);
    if (styleWidth < 1) {
      throw new IllegalArgumentException("style_width must be >= 1, found " + styleWidth);
    }
    discriminatorHidden = Networks.checkWidths("discriminator hidden widths", discriminatorHidden);
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(discriminatorOptimizer, "discriminator_optimizer");
    Objects.requireNonNull(generatorOptimizer, "generator_optimizer");
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be >= 1, found " + restarts);
    }
    if (!(balanceWeight >= 0) || Double.isInfinite(balanceWeight)) {
      throw new IllegalArgumentException("balance_weight must be >= 0, found " + balanceWeight);
    }
    Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public String name() {
    return "aae_clustering";
  }

  @Override
  public FittedClusterer fit(Dataset data, long seed) {
    return fit(data, seed, List.of());
  }

  @Override
  public FittedClusterer fit(Dataset data, long seed, List<TrainingListener> listeners) {
    return Restarts.best(restarts, seed, s -> fitOnce(data, s, listeners));
  }

  /** One model trained from {@code seed}, scored by how far its cluster usage is from the prior's. */
  private Restarts.Trained<ProbabilityClusters> fitOnce(Dataset data, long seed, List<TrainingListener> listeners) {
    HeadGraph g = HeadGraph.withInput(data.cols(), seed).listenedBy(listeners);
    try {
      Ops tf = g.tf();
      BuildContext ctx = g.context();
      SequentialBlock trunk = Networks.stack("aae/encoder", hidden, Activation.RELU);
      Block yHead = Networks.dense("aae/encoder/cluster_logits", clusters, Activation.LINEAR);
      Block zHead = Networks.dense("aae/encoder/style", styleWidth, Activation.LINEAR);
      Operand<TFloat32> features = trunk.apply(ctx, g.input());
      Operand<TFloat32> y = tf.nn.softmax(yHead.apply(ctx, features));
      Operand<TFloat32> z = zHead.apply(ctx, features);

      SequentialBlock decoder = Networks.stack("aae/decoder", Networks.reversed(hidden), Activation.RELU);
      Block output = Networks.dense("aae/output", g.inputDim(), Activation.LINEAR);
      Operand<TFloat32> pre = output.apply(ctx, decoder.apply(ctx, tf.concat(List.of(y, z), tf.constant(1))));
      Operand<TFloat32> reconstruction = loss.mean(tf, g.input(), pre);

      Discriminator onY = new Discriminator("aae/discriminator_y", discriminatorHidden,
          tf.stopGradient(categorical().sample(ctx, y)), y, ctx);
      Discriminator onZ = new Discriminator("aae/discriminator_z", discriminatorHidden,
          tf.stopGradient(Prior.gaussian().sample(ctx, z)), z, ctx);

      List<Variable<TFloat32>> encoder = new ArrayList<>(trunk.trainableVariables());
      encoder.addAll(yHead.trainableVariables());
      encoder.addAll(zHead.trainableVariables());
      List<Variable<TFloat32>> autoencoder = new ArrayList<>(encoder);
      autoencoder.addAll(decoder.trainableVariables());
      autoencoder.addAll(output.trainableVariables());
      List<Variable<TFloat32>> discriminators = new ArrayList<>(onY.variables());
      discriminators.addAll(onZ.variables());

      TrainOp.Config reconstructionConfig = fit.trainOpConfig(data.rows());
      TrainOp reconstruct = TrainOp.build(ctx, "reconstruction", reconstruction, autoencoder, reconstructionConfig);
      TrainOp discriminate = TrainOp.build(ctx, "discriminator", tf.math.add(onY.loss(tf), onZ.loss(tf)),
          discriminators, withOptimizer(reconstructionConfig, discriminatorOptimizer));
      Operand<TFloat32> generatorLoss = tf.math.add(onY.generatorLoss(tf), onZ.generatorLoss(tf));
      if (balanceWeight > 0) {
        generatorLoss = tf.math.add(generatorLoss, tf.math.mul(tf.constant((float) balanceWeight), batchUsageKl(tf, y)));
      }
      TrainOp generate = TrainOp.build(ctx, "generator", generatorLoss, encoder,
          withOptimizer(reconstructionConfig, generatorOptimizer));
      g.open(runtime);
      g.train(List.of(g.stage("aae", List.of(reconstruct, discriminate, generate), data.features(), fit.epochs(),
          fit.batchSize())), seed);
      ProbabilityClusters trained = new ProbabilityClusters(g, y, clusters, data.features());
      return new Restarts.Trained<>(trained, usageDivergence(trained.trainingProbabilities()));
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  /**
   * {@code KL(ȳ_batch ‖ U)} in the graph: the marginal-balance term of CatGAN (Springenberg 2016),
   * which a per-row discriminator cannot supply. It keeps every row from following the
   * discriminator to the same vertex early on, after which the saturated softmax passes the
   * discriminator's gradient back no more.
   */
  private Operand<TFloat32> batchUsageKl(Ops tf, Operand<TFloat32> y) {
    Operand<TFloat32> usage = tf.math.mean(y, tf.constant(0));
    Operand<TFloat32> logUsage = tf.math.log(tf.math.maximum(usage, tf.constant(1e-12f)));
    return tf.math.add(tf.reduceSum(tf.math.mul(usage, logUsage), tf.constant(0)),
        tf.constant((float) Math.log(clusters)));
  }

  /**
   * {@code KL(ȳ ‖ U)}: how far the mean code ȳ over the rows (the share of the data each cluster
   * takes) is from the uniform usage of the categorical prior, in nats; 0 when they match.
   */
  static double usageDivergence(double[][] probabilities) {
    int k = probabilities[0].length;
    double[] usage = new double[k];
    for (double[] row : probabilities) {
      for (int j = 0; j < k; j++) {
        usage[j] += row[j] / probabilities.length;
      }
    }
    double kl = 0;
    for (double u : usage) {
      if (u > 0) {
        kl += u * Math.log(u * k);
      }
    }
    return kl;
  }

  /** The uniform one-hot prior over the clusters (the record's other fields do not apply to it). */
  private static Prior categorical() {
    return new Prior(Prior.Kind.CATEGORICAL, 1, 1, 0, 1, 1);
  }

  /** The reconstruction update's schedule and steps per epoch with another optimizer. */
  private static TrainOp.Config withOptimizer(TrainOp.Config config, OptimizerSpec optimizer) {
    return new TrainOp.Config(optimizer, config.schedule(), config.stepsPerEpoch(), config.clipNorm());
  }
}
