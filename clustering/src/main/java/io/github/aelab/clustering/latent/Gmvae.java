package io.github.aelab.clustering.latent;

import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.HeadGraph;
import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.core.block.Block;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.block.SequentialBlock;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.graph.Initializer;
import io.github.aelab.core.loss.ReconstructionLoss;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.latent.VariationalEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A Gaussian-mixture variational autoencoder whose clusters are the argmax of its categorical
 * posterior q(y|x).
 *
 * <p>Of the two GMVAEs in use, this is the simpler one popularized by Rui Shu's implementation,
 * not the generative model of Dilokthanakul et al. (2016) with its extra Gaussian w and
 * per-cluster networks z | w, y:
 * <ul>
 *   <li>inference: q(y|x) a softmax over {@code clusters}; q(z|x, y) Gaussian, from a hidden layer
 *       that sees the encoder's features and (as a learned per-cluster offset, the same as a
 *       one-hot y concatenated to its input) the cluster;</li>
 *   <li>generation: y uniform, p(z|y) = N(μ_y, diag σ_y²) with μ_y and σ_y learned, p(x|z) the
 *       decoder (a unit-variance Gaussian for the MSE loss, Bernoulli for BCE);</li>
 *   <li>the negative ELBO, with the expectation over y computed exactly (every row goes through
 *       all {@code clusters} branches, weighted by q(y|x)) rather than sampled:
 *       {@code Σ_y q(y|x) [-log p(x|z_y) + KL(q(z|x,y) ‖ p(z|y))] + KL(q(y|x) ‖ U(clusters))},
 *       one reparametrized z_y per branch and the Gaussian KL in closed form.</li>
 * </ul>
 * Why this variant: clusters are read off q(y|x) directly, no Monte Carlo estimate of
 * p(y|z, w) is needed, every term but the reconstruction is analytic, and no gradient the
 * TensorFlow C++ API lacks is used; Dilokthanakul et al.'s w adds a second stochastic layer that
 * blobs-sized problems gain nothing from.
 *
 * <p>Over-regularization. The categorical KL charges every confident assignment for the
 * information it carries, up to log k nats, so clusters can merge before they form
 * (Dilokthanakul et al.'s over-regularization). The mitigation is their information constraint,
 * a free-bits floor, applied to the information part of the term only, with the balance part
 * optionally weighted up ({@link CategoricalKl}). Both are needed on blobs: measured on 3 to 5
 * blobs in 20 to 50 dimensions, flooring the whole term at log k let one component take two blobs
 * in 8 of 9 runs; flooring only the information part still did in 5 of 12 runs on two 5-blob
 * sets; adding balance weight 5 recovered all blobs in 24 of 24 runs (4 sets, 6 seeds). A linear
 * warm-up of both KL terms from 0 over {@code warmupSteps} updates (Sønderby et al. 2016) is a
 * further option (it did not help consistently on blobs). As in the models module's KL
 * regularizer, the objective is divided by the input width, for gradients on the usual
 * per-feature scale.
 *
 * <p>A run can still end in a local optimum where one component holds two clusters and another
 * none (the empty component's gradient vanishes with its probability); {@code restarts} trains
 * several models and keeps the one with the lowest training objective on all rows
 * ({@code objective}).
 *
 * @param clusters number of mixture components, >= 2
 * @param hidden widths of the encoder's ReLU layers (mirrored by the decoder); may be empty
 * @param codeWidth width of z, >= 1
 * @param likelihood p(x|z): MSE for a unit-variance Gaussian (z-scored data), BCE for Bernoulli
 *     (data in [0, 1])
 * @param categorical the categorical term: {@link CategoricalKl#elbo()} for the plain ELBO, e.g.
 *     {@code new CategoricalKl(Math.log(clusters), 5)} against over-regularization
 * @param warmupSteps updates over which the KL weight rises linearly from 0 to 1; 0 for none
 * @param fit optimizer, epochs and batch size of the ELBO training
 * @param restarts models trained from different seeds; the one with the lowest objective on the
 *     training rows is kept (as k-means keeps its best restart)
 */
public record Gmvae(int clusters, List<Integer> hidden, int codeWidth, ReconstructionLoss likelihood,
    CategoricalKl categorical, long warmupSteps, FitSpec fit, int restarts, RuntimeSettings runtime)
    implements Clusterer {

  public Gmvae {
    if (clusters < 2) {
      throw new IllegalArgumentException("clusters must be >= 2, found " + clusters);
    }
    hidden = Networks.checkWidths("hidden widths", hidden);
    if (codeWidth < 1) {
      throw new IllegalArgumentException("code_width must be >= 1, found " + codeWidth);
    }
    Objects.requireNonNull(likelihood, "likelihood");
    Objects.requireNonNull(categorical, "categorical");
    categorical.check(clusters);
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warmup_steps must be >= 0, found " + warmupSteps);
    }
    Objects.requireNonNull(fit, "fit");
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be >= 1, found " + restarts);
    }
    Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public String name() {
    return "gmvae";
  }

  @Override
  public FittedClusterer fit(Dataset data, long seed) {
    return fit(data, seed, List.of());
  }

  @Override
  public FittedClusterer fit(Dataset data, long seed, List<TrainingListener> listeners) {
    return Restarts.best(restarts, seed, s -> fitOnce(data, s, listeners));
  }

  /** One model trained from {@code seed}, scored by its training objective on all training rows. */
  private Restarts.Trained<ProbabilityClusters> fitOnce(Dataset data, long seed, List<TrainingListener> listeners) {
    HeadGraph g = HeadGraph.withInput(data.cols(), seed).listenedBy(listeners);
    try {
      Model model = build(g);
      TrainOp elbo = TrainOp.build(g.context(), "gmvae", model.loss(), model.variables(),
          fit.trainOpConfig(data.rows()));
      g.open(runtime);
      g.train(List.of(g.stage("gmvae", List.of(elbo), data.features(), fit.epochs(), fit.batchSize())), seed);
      ProbabilityClusters trained = new ProbabilityClusters(g, model.posterior(), clusters, data.features());
      return new Restarts.Trained<>(trained,
          objective(g.run(model.expectedCost(), data.features()), trained.trainingProbabilities(), categorical));
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  /**
   * The objective that training lowers, on all rows at once instead of a minibatch, in nats per
   * row (not divided by the input width), without warm-up: the mean of each row's expected
   * reconstruction and Gaussian KL plus the categorical term. This, not the plain ELBO, ranks
   * restarts: the plain ELBO still charges the information that confident clusters carry, and
   * measured on four blobs it preferred a run that had merged two of them.
   *
   * @param expectedCost each row's {@code Σ_y q(y|x) [−log p(x|z_y) + KL(q(z|x,y) ‖ p(z|y))]}
   * @param posterior each row's q(y|x)
   */
  static double objective(float[] expectedCost, double[][] posterior, CategoricalKl categorical) {
    double mean = 0;
    for (float cost : expectedCost) {
      mean += cost / (double) expectedCost.length;
    }
    return mean + categorical.evaluate(posterior);
  }

  /**
   * The graph's q(y|x), its training loss, each row's expected reconstruction and Gaussian KL
   * under q(y|x) (in nats, without warm-up: part of the score that ranks restarts), and every
   * variable the loss trains.
   */
  private record Model(Operand<TFloat32> posterior, Operand<TFloat32> loss, Operand<TFloat32> expectedCost,
      List<Variable<TFloat32>> variables) {
  }

  private Model build(HeadGraph g) {
    Ops tf = g.tf();
    BuildContext ctx = g.context();
    int d = g.inputDim();
    int k = clusters;
    List<Variable<TFloat32>> variables = new ArrayList<>();

    SequentialBlock encoder = Networks.stack("gmvae/encoder", hidden, Activation.RELU);
    Operand<TFloat32> features = encoder.apply(ctx, g.input());
    int width = hidden.isEmpty() ? d : hidden.get(hidden.size() - 1);
    Block yHead = Networks.dense("gmvae/q_y", k, Activation.LINEAR);
    Operand<TFloat32> logits = yHead.apply(ctx, features);
    Operand<TFloat32> qy = tf.nn.softmax(logits);
    Operand<TFloat32> logQy = tf.nn.logSoftmax(logits);

    // q(z|x,y) for every y at once: relu(h W + b + e_y) is a dense layer on [h, one-hot y], whose
    // one-hot half of the kernel selects the row e_y; rows become [batch * k, width], cluster fastest.
    Block zHidden = new DenseBlock.Spec(width, Activation.LINEAR, Initializer.HE_UNIFORM, true)
        .create("gmvae/q_z/hidden");
    Operand<TFloat32> shared = zHidden.apply(ctx, features);
    Variable<TFloat32> embedding = ctx.newVariable("gmvae/q_z/cluster_embedding",
        Initializer.HE_UNIFORM.create(tf, Shape.of(k, width), width + k, width, ctx.seeds().next()));
    Operand<TFloat32> branches = tf.reshape(
        tf.nn.relu(tf.math.add(tf.expandDims(shared, tf.constant(1)), tf.identity(embedding))),
        tf.constant(new long[] {-1, width}));
    Block meanHead = Networks.dense("gmvae/q_z/mean", codeWidth, Activation.LINEAR);
    // Zero log-variance weights start every posterior at unit variance: no exploding first samples.
    Block logVarHead = new DenseBlock.Spec(codeWidth, Activation.LINEAR, Initializer.ZEROS, true)
        .create("gmvae/q_z/log_variance");
    Operand<TFloat32> mean = meanHead.apply(ctx, branches);
    Operand<TFloat32> logVar = logVarHead.apply(ctx, branches);
    Operand<TFloat32> eps = tf.stopGradient(
        tf.random.statelessRandomNormal(tf.shape(mean), ctx.stepSeeds(ctx.seeds().next())));
    Operand<TFloat32> z = tf.math.add(mean, tf.math.mul(tf.math.exp(tf.math.mul(logVar, tf.constant(0.5f))), eps));

    SequentialBlock decoder = Networks.stack("gmvae/decoder", Networks.reversed(hidden), Activation.RELU);
    Block output = Networks.dense("gmvae/output", d, Activation.LINEAR);
    Operand<TFloat32> pre = output.apply(ctx, decoder.apply(ctx, z));
    Operand<TFloat32> repeated = tf.reshape(tf.tile(tf.expandDims(g.input(), tf.constant(1)),
        tf.constant(new int[] {1, k, 1})), tf.constant(new long[] {-1, d}));
    Operand<TFloat32> reconstruction = byCluster(tf,
        tf.math.neg(VariationalEvaluation.logLikelihood(tf, likelihood, repeated, pre)), k);

    // p(z|y): random, distinct initial means so the components do not start identical.
    long priorSeed = ctx.seeds().next();
    Variable<TFloat32> priorMean = ctx.newVariable("gmvae/prior/mean", tf.random.statelessRandomNormal(
        tf.constant(new long[] {k, codeWidth}), tf.constant(new long[] {priorSeed, priorSeed >>> 17})));
    Variable<TFloat32> priorLogVar = ctx.newVariable("gmvae/prior/log_variance",
        tf.zeros(tf.constant(new long[] {k, codeWidth}), TFloat32.class));
    Operand<TFloat32> klZ = gaussianKl(tf, reshape3(tf, mean, k, codeWidth), reshape3(tf, logVar, k, codeWidth),
        tf.identity(priorMean), tf.identity(priorLogVar));

    Operand<TFloat32> weight = klWeight(tf, ctx);
    Operand<TFloat32> perBranch = tf.math.add(reconstruction, tf.math.mul(weight, klZ));
    Operand<TFloat32> expected = tf.reduceSum(tf.math.mul(qy, perBranch), tf.constant(1));
    Operand<TFloat32> klY = categorical.build(tf, qy, logQy, k);
    Operand<TFloat32> negativeElbo = tf.math.add(tf.math.mean(expected, tf.constant(0)), tf.math.mul(weight, klY));
    Operand<TFloat32> loss = tf.math.div(negativeElbo, tf.constant((float) d));

    variables.addAll(encoder.trainableVariables());
    variables.addAll(yHead.trainableVariables());
    variables.addAll(zHidden.trainableVariables());
    variables.add(embedding);
    variables.addAll(meanHead.trainableVariables());
    variables.addAll(logVarHead.trainableVariables());
    variables.addAll(decoder.trainableVariables());
    variables.addAll(output.trainableVariables());
    variables.add(priorMean);
    variables.add(priorLogVar);
    Operand<TFloat32> rowCost = tf.reduceSum(tf.math.mul(qy, tf.math.add(reconstruction, klZ)), tf.constant(1));
    return new Model(qy, loss, rowCost, variables);
  }

  /**
   * {@code KL(N(m, e^lv) ‖ N(pm, e^plv))} summed over the code, for [batch, k, width] posteriors
   * against [k, width] priors: {@code ½ Σ (plv − lv + (e^lv + (m − pm)²) e^−plv − 1)}, shape [batch, k].
   */
  static Operand<TFloat32> gaussianKl(Ops tf, Operand<TFloat32> mean, Operand<TFloat32> logVar,
      Operand<TFloat32> priorMean, Operand<TFloat32> priorLogVar) {
    Operand<TFloat32> squaredDistance = tf.math.square(tf.math.sub(mean, priorMean));
    Operand<TFloat32> spread = tf.math.mul(tf.math.add(tf.math.exp(logVar), squaredDistance),
        tf.math.exp(tf.math.neg(priorLogVar)));
    Operand<TFloat32> terms = tf.math.sub(tf.math.add(tf.math.sub(priorLogVar, logVar), spread), tf.constant(1f));
    return tf.math.mul(tf.constant(0.5f), tf.reduceSum(terms, tf.constant(2)));
  }

  /** The KL weight: 1, or the warm-up ramp min(1, step / warmupSteps) on the graph's noise step. */
  private Operand<TFloat32> klWeight(Ops tf, BuildContext ctx) {
    if (warmupSteps == 0) {
      return tf.constant(1f);
    }
    Operand<TInt64> step = tf.identity(ctx.noiseStepVariable());
    return tf.math.minimum(tf.constant(1f),
        tf.math.div(tf.dtypes.cast(step, TFloat32.class), tf.constant((float) warmupSteps)));
  }

  private static Operand<TFloat32> byCluster(Ops tf, Operand<TFloat32> flat, int k) {
    return tf.reshape(flat, tf.constant(new long[] {-1, k}));
  }

  private static Operand<TFloat32> reshape3(Ops tf, Operand<TFloat32> flat, int k, int width) {
    return tf.reshape(flat, tf.constant(new long[] {-1, k, width}));
  }
}
