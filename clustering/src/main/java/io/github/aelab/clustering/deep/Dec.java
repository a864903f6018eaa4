package io.github.aelab.clustering.deep;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.stats.KMeans;
import io.github.aelab.core.stats.KMeansResult;
import io.github.aelab.core.stats.Rows;
import io.github.aelab.core.train.Feed;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.Stage;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.HeadGraph;
import io.github.aelab.models.regularize.Regularizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Deep embedded clustering (Xie, Girshick &amp; Farhadi 2016) and, with the reconstruction loss
 * kept in the clustering phase, IDEC (Guo et al. 2017): see {@link Objective}.
 *
 * <ol>
 *   <li>Pretrain the autoencoder (the paper: stacked denoising, layer-wise then end to end; pass
 *       the noise as {@code regularizers} and the plan's {@code pretraining}: each layer then
 *       rebuilds its clean input from a corrupted one, and the end-to-end stage the clean rows
 *       from corrupted rows).
 *   <li>Run k-means (best of {@code kmeansRestarts}) on the codes; its centres start μ.
 *   <li>Repeat: compute the Student-t soft assignments q of all rows and the target p; stop when
 *       fewer than {@code tolerance} of the rows changed cluster since the last refresh;
 *       else train the {@link Objective} (DEC: {@code KL(P‖Q)}; IDEC: reconstruction + γ ·
 *       {@code KL(P‖Q)}) over the encoder and μ (and the decoder for IDEC) for
 *       {@code epochsPerRefresh} epochs, or {@code stepsPerRefresh} minibatch steps, with p held
 *       fixed.
 * </ol>
 *
 * <p>The paper refreshes p every T minibatch steps (DEC-keras: T = 30 on USPS, 140 on MNIST, an
 * epoch being 37 and 274 steps). With {@code stepsPerRefresh} = T the steps walk the rows in one
 * order drawn with the seed, T batches at a time, wrapping around at the end, and each window is
 * shuffled within; with 0, T is {@code epochsPerRefresh} whole epochs. Either way p is fed as a
 * second per-row input, so each row's target stays aligned with its batch. The encoder is applied
 * to the clean input during clustering (the denoising noise is for pretraining only, as in the
 * paper).
 *
 * @param objective  the clustering phase's loss: {@link Objective#DEC} or {@link Objective#idec}
 * @param stepsPerRefresh T minibatch steps between target refreshes; 0 to refresh every
 *                        {@code epochsPerRefresh} epochs instead (then T steps must be 0)
 */
public record Dec(AutoencoderSpec autoencoder, List<Regularizer> regularizers, AutoencoderSession.Plan pretraining,
    int clusters, double alpha, Objective objective, FitSpec clustering, int epochsPerRefresh,
    int stepsPerRefresh, int maxRefreshes, double tolerance, int kmeansRestarts, RuntimeSettings runtime)
    implements Clusterer {

  public Dec {
    Objects.requireNonNull(autoencoder, "autoencoder");
    regularizers = List.copyOf(regularizers);
    Objects.requireNonNull(pretraining, "pretraining");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(clustering, "clustering");
    Objects.requireNonNull(runtime, "runtime");
    if (clusters < 2) {
      throw new IllegalArgumentException("clusters must be >= 2, found " + clusters);
    }
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("alpha must be > 0, found " + alpha);
    }
    if (epochsPerRefresh < 1 || maxRefreshes < 1 || kmeansRestarts < 1) {
      throw new IllegalArgumentException("epochs_per_refresh, max_refreshes and kmeans_restarts must be >= 1");
    }
    if (stepsPerRefresh < 0) {
      throw new IllegalArgumentException("steps_per_refresh must be >= 0 (0: refresh by epochs), found " + stepsPerRefresh);
    }
    if (stepsPerRefresh > 0 && epochsPerRefresh != 1) {
      throw new IllegalArgumentException("set steps_per_refresh or epochs_per_refresh, not both; found "
          + stepsPerRefresh + " steps and " + epochsPerRefresh + " epochs");
    }
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), found " + tolerance);
    }
    if (autoencoder.codeShape().numDimensions() != 1) {
      throw new IllegalArgumentException("DEC needs a flat code, found per-example shape " + autoencoder.codeShape());
    }
  }

  /**
   * The clustering phase's loss, {@code clusteringWeight · KL(P‖Q) + reconstructionWeight · L_r}
   * with {@code L_r} the autoencoder's reconstruction loss (its per-row loss, averaged over the
   * batch, as in pretraining).
   *
   * <p>DEC trains on the clustering loss alone. IDEC (Guo et al. 2017, eq. 5) trains on
   * {@code L_r + γ L_c}: the reconstruction keeps weight 1 and γ, the paper's 0.1, weighs the
   * clustering loss (its code: {@code loss_weights=[gamma, 1]} over the clustering and decoder
   * outputs). γ weighs the clustering loss, not the reconstruction: read the other way round the
   * reconstruction is a hundredth of its intended share, and IDEC does what DEC does.
   */
  public record Objective(double clusteringWeight, double reconstructionWeight) {
    /** DEC: {@code KL(P‖Q)} alone. */
    public static final Objective DEC = new Objective(1, 0);

    public Objective {
      if (!(clusteringWeight > 0 && Double.isFinite(clusteringWeight))) {
        throw new IllegalArgumentException("the clustering loss's weight must be > 0, found " + clusteringWeight);
      }
      if (!(reconstructionWeight >= 0 && Double.isFinite(reconstructionWeight))) {
        throw new IllegalArgumentException("the reconstruction loss's weight must be >= 0, found " + reconstructionWeight);
      }
    }

    /** IDEC: {@code L_r + gamma · KL(P‖Q)}; the paper's γ is 0.1. */
    public static Objective idec(double gamma) {
      return new Objective(gamma, 1);
    }
  }

  @Override
  public String name() {
    return objective.reconstructionWeight() > 0 ? "idec" : "dec";
  }

  @Override
  public Fitted fit(Dataset data, long seed) {
    return fit(data, seed, (AutoencoderWeights) null);
  }

  @Override
  public Fitted fit(Dataset data, long seed, List<TrainingListener> listeners) {
    return fit(data, seed, null, listeners, weights -> { });
  }

  /**
   * Fits starting from a pretrained autoencoder (another fit's {@link Fitted#pretrainedWeights()},
   * or {@link AutoencoderWeights#load} of a saved one) instead of pretraining: how DEC and IDEC are
   * compared from one pretrained network, as in the IDEC paper, and how a benchmark avoids
   * pretraining twice.
   *
   * @param pretrained null to pretrain as the plan says
   */
  public Fitted fit(Dataset data, long seed, AutoencoderWeights pretrained) {
    return fit(data, seed, pretrained, List.of(), weights -> { });
  }

  /**
   * {@link #fit(Dataset, long, AutoencoderWeights)}, reporting every epoch of pretraining and
   * clustering to {@code listeners}, and handing the pretrained weights to
   * {@code afterPretraining} before the clustering phase starts (so that a run can keep them even
   * if clustering then fails).
   */
  public Fitted fit(Dataset data, long seed, AutoencoderWeights pretrained, List<TrainingListener> listeners,
      Consumer<AutoencoderWeights> afterPretraining) {
    Objects.requireNonNull(afterPretraining, "afterPretraining");
    if (data.cols() != autoencoder.inputDim()) {
      throw new IllegalArgumentException(name() + "'s autoencoder takes " + autoencoder.inputDim() + " features, '"
          + data.name() + "' has " + data.cols());
    }
    HeadGraph g = HeadGraph.build(autoencoder, regularizers, seed).listenedBy(listeners);
    try {
      Ops tf = g.tf();
      Autoencoder ae = g.autoencoder();
      float[] rows = data.features();
      int width = (int) autoencoder.codeShape().size(0);

      List<Stage> pretrain = new ArrayList<>(pretrained == null
          ? g.pretrainingStages(pretraining.pretraining(), rows, List.of()) : List.of());
      TrainOp finetune = g.trainOp("fit", ae.objective(), ae.trainableVariables(), pretraining.fit(), data.rows());
      if (pretrained == null) {
        pretrain.add(g.stage("fit", finetune, rows, pretraining.fit(), List.of()));
      }
      WeightTransfer weights = WeightTransfer.of(g, ae.trainableVariables());

      Operand<TFloat32> z = ae.encode(g.context(), ae.input());
      Variable<TFloat32> centres = g.context().newVariable("dec/centres",
          tf.zeros(tf.constant(new long[] {clusters, width}), TFloat32.class));
      Placeholder<TFloat32> centreValues = tf.placeholder(TFloat32.class,
          Placeholder.shape(org.tensorflow.ndarray.Shape.of(clusters, width)));
      Operand<TFloat32> assignCentres = tf.assign(centres, centreValues);
      Operand<TFloat32> q = softAssignments(tf, z, tf.identity(centres), alpha);
      Placeholder<TFloat32> target = tf.placeholder(TFloat32.class,
          Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, clusters)));
      Operand<TFloat32> kl = tf.math.mean(tf.reduceSum(tf.math.mul(target,
          tf.math.sub(tf.math.log(tf.math.maximum(target, tf.constant(1e-12f))), tf.math.log(q))), tf.constant(1)),
          tf.constant(0));
      List<Variable<TFloat32>> variables = new ArrayList<>(ae.encoder().trainableVariables());
      variables.add(centres);
      Operand<TFloat32> loss = tf.math.mul(tf.constant((float) objective.clusteringWeight()), kl);
      if (objective.reconstructionWeight() > 0) {
        Operand<TFloat32> reconstruction = tf.math.mean(ae.reconstructionLoss(g.context(), ae.input(), z),
            tf.constant(0));
        loss = tf.math.add(loss, tf.math.mul(tf.constant((float) objective.reconstructionWeight()), reconstruction));
        for (Variable<TFloat32> v : ae.trainableVariables()) {
          if (!variables.contains(v)) {
            variables.add(v); // the decoder and, for a likelihood loss, its scale maps
          }
        }
      }
      TrainOp clusterOp = g.trainOp(name(), loss, variables, clustering, data.rows());
      g.open(runtime);
      if (pretrained == null) {
        g.train(pretrain);
      } else {
        weights.load(g, pretrained, "given to " + name());
      }
      AutoencoderWeights pretrainedWeights = weights.save(g);
      afterPretraining.accept(pretrainedWeights);

      float[] codes = g.run(z, rows);
      KMeansResult init = KMeans.withClusters(clusters).withNInit(kmeansRestarts).fit(Rows.of(codes, width), seed);
      setCentres(g, centreValues, assignCentres, init.centres(), width);
      int[] initial = StudentT.argmax(Rows.of(g.run(q, rows), clusters));

      float[] targets = new float[data.rows() * clusters];
      List<Feed> feeds = List.of(new Feed(ae.input(), rows, data.cols()), new Feed(target, targets, clusters));
      StepWindows windows = stepsPerRefresh == 0 ? null
          : new StepWindows(data.rows(), stepsPerRefresh * clustering.batchSize(), seed);
      int[] previous = null;
      int refreshes = 0;
      for (int r = 0; r < maxRefreshes; r++) {
        double[][] soft = Rows.of(g.run(q, rows), clusters);
        int[] labels = StudentT.argmax(soft);
        if (previous != null && changedFraction(previous, labels) < tolerance) {
          break;
        }
        previous = labels;
        double[][] p = StudentT.targetDistribution(soft);
        for (int i = 0; i < p.length; i++) {
          for (int j = 0; j < clusters; j++) {
            targets[i * clusters + j] = (float) p[i][j];
          }
        }
        Stage stage = windows == null
            ? g.stage(name() + "-" + r, clusterOp, feeds, clustering.withEpochs(epochsPerRefresh), List.of())
            : g.stage(name() + "-" + r, clusterOp, windowFeeds(windows.next(), ae.input(), rows, data.cols(), target,
                targets), clustering.withEpochs(1), List.of());
        g.train(List.of(stage), seed + 1 + r);
        refreshes++;
      }
      return new Fitted(g, z, width, q, clusters, StudentT.argmax(Rows.of(g.run(q, rows), clusters)), refreshes,
          initial, init.assignments(), pretrainedWeights, new Dataset(data.name() + "-codes", codes, data.rows(), width, null));
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  /** The graph's q: Student-t kernel on squared distances to the centres, rows normalized. */
  static Operand<TFloat32> softAssignments(Ops tf, Operand<TFloat32> z, Operand<TFloat32> centres, double alpha) {
    Operand<TFloat32> diff = tf.math.sub(tf.expandDims(z, tf.constant(1)), tf.expandDims(centres, tf.constant(0)));
    Operand<TFloat32> squared = tf.reduceSum(tf.math.square(diff), tf.constant(2));
    Operand<TFloat32> kernel = tf.math.pow(tf.math.add(tf.constant(1f), tf.math.div(squared, tf.constant((float) alpha))),
        tf.constant((float) (-(alpha + 1) / 2)));
    return tf.math.div(kernel, tf.reduceSum(kernel, tf.constant(1), org.tensorflow.op.core.ReduceSum.keepDims(true)));
  }

  private static void setCentres(HeadGraph g, Placeholder<TFloat32> values, Operand<TFloat32> assign, double[][] centres,
      int width) {
    float[] flat = new float[centres.length * width];
    for (int j = 0; j < centres.length; j++) {
      for (int c = 0; c < width; c++) {
        flat[j * width + c] = (float) centres[j][c];
      }
    }
    try (TFloat32 t = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(centres.length, width),
        org.tensorflow.ndarray.buffer.DataBuffers.of(flat))) {
      g.session().runner().feed(values, t).addTarget(assign).run();
    }
  }

  /** The inputs and current targets of the rows of one window of T steps. */
  private List<Feed> windowFeeds(int[] window, Operand<TFloat32> input, float[] rows, int cols,
      Operand<TFloat32> target, float[] targets) {
    return List.of(new Feed(input, StepWindows.gather(rows, cols, window), cols),
        new Feed(target, StepWindows.gather(targets, clusters, window), clusters));
  }

  private static double changedFraction(int[] before, int[] after) {
    int changed = 0;
    for (int i = 0; i < before.length; i++) {
      if (before[i] != after[i]) {
        changed++;
      }
    }
    return changed / (double) before.length;
  }

  /** A trained DEC/IDEC model. */
  public static final class Fitted implements FittedClusterer {
    private final HeadGraph graph;
    private final Operand<TFloat32> z;
    private final int width;
    private final Operand<TFloat32> q;
    private final int clusters;
    private final int[] assignments;
    private final int refreshes;
    private final int[] initialAssignments;
    private final int[] kmeansAssignments;
    private final AutoencoderWeights pretrainedWeights;
    private final Dataset pretrainedCodes;

    Fitted(HeadGraph graph, Operand<TFloat32> z, int width, Operand<TFloat32> q, int clusters, int[] assignments,
        int refreshes, int[] initialAssignments, int[] kmeansAssignments, AutoencoderWeights pretrainedWeights,
        Dataset pretrainedCodes) {
      this.graph = graph;
      this.z = z;
      this.width = width;
      this.q = q;
      this.clusters = clusters;
      this.assignments = assignments;
      this.refreshes = refreshes;
      this.initialAssignments = initialAssignments;
      this.kmeansAssignments = kmeansAssignments;
      this.pretrainedWeights = pretrainedWeights;
      this.pretrainedCodes = pretrainedCodes;
    }

    /** The codes of the fitted rows after pretraining, before any clustering update (unlabelled). */
    public Dataset pretrainedCodes() {
      return pretrainedCodes;
    }

    /** k-means on the pretrained codes: the "autoencoder + k-means" baseline of the DEC papers. */
    public int[] kmeansAssignments() {
      return kmeansAssignments.clone();
    }

    /** The Student-t assignments before any clustering update (nearly the k-means ones). */
    public int[] initialAssignments() {
      return initialAssignments.clone();
    }

    /** The autoencoder's weights after pretraining, for {@link Dec#fit(Dataset, long, AutoencoderWeights)}. */
    public AutoencoderWeights pretrainedWeights() {
      return pretrainedWeights;
    }

    @Override
    public int[] trainingAssignments() {
      return assignments.clone();
    }

    @Override
    public double[][] softAssignments(Dataset rows) {
      return Rows.of(graph.run(q, rows.features()), clusters);
    }

    /**
     * The fine-tuned encoder's codes of {@code rows} (unlabelled): the clustered feature space
     * (DEC-keras' {@code extract_feature}); {@link #pretrainedCodes()} are the codes before it.
     */
    public Dataset codes(Dataset rows) {
      return new Dataset(rows.name() + "-codes", graph.run(z, rows.features()), rows.rows(), width, null);
    }

    /** Target refreshes run before assignments settled (or the cap was reached). */
    public int refreshes() {
      return refreshes;
    }

    @Override
    public void close() {
      graph.close();
    }
  }
}
