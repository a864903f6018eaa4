package io.github.aelab.clustering.subspace;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.clustering.spectral.SpectralClustering;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.Feed;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.Stage;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.HeadGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Deep subspace clustering: an autoencoder with a self-expressive layer between encoder and
 * decoder, in the spirit of Ji et al. (2017, DSC-Net) and Peng et al. (2018). Data lying on a
 * union of subspaces (through the origin, so not blobs) is encoded to codes Z, one row per data
 * row, and every code is written as a combination of the others, {@code Z ≈ C Z}, with a
 * trainable {@code n × n} matrix C whose diagonal is held at 0 (no row may explain itself). With
 * independent subspaces the least-squares-regularized C is block diagonal (Lu et al. 2012's LSR),
 * so a row is expressed only by rows of its own subspace, and {@code |C| + |C|ᵀ} is an affinity
 * that {@link SpectralClustering} cuts into the clusters.
 *
 * <p>Training: the autoencoder alone on {@code pretraining}; then encoder, decoder and C jointly,
 * every step on all {@code n} rows (C ties each row to every other), minimizing
 * <pre>
 *   reconstruction(X, decoder(C Z)) + λ1 ‖C‖²_F / n + λ2 ‖Z − C Z‖²_F / n
 * </pre>
 * with {@code λ1 = coefficientWeight} and {@code λ2 = selfExpressionWeight}: every term is a mean
 * per row, so the weights do not depend on n, and per row the last two are a ridge regression of
 * the row's code on the others. The Frobenius norm on C is DSC-Net's L2 variant (its L1 variant
 * would need a subgradient and gains nothing on independent subspaces). C starts at 0; the
 * decoder first learns to work from {@code C Z} while C grows.
 *
 * <p>Small data only: C holds {@code n²} weights (with Adam's two slots, 48 MB at the limit of
 * {@value #MAX_ROWS} rows), every step multiplies by it, and spectral clustering's dense
 * eigendecomposition is O(n³). The Trainer shuffles the single batch each epoch, so the rows are
 * put back into data order (by a fed row index) before C is applied; otherwise C's rows would
 * not stay with their data rows.
 *
 * <p>New rows ({@link FittedClusterer#softAssignments}) are encoded and expressed over the
 * training codes with the same ridge trade-off, {@link SelfExpression}; the training rows' own
 * clusters are the spectral ones.
 *
 * @param autoencoder the network; its code must be flat (a linear code keeps linear subspaces linear)
 * @param clusters number of subspaces, >= 2
 * @param coefficientWeight λ1 > 0, the ridge on C
 * @param selfExpressionWeight λ2 > 0, the weight of {@code ‖Z − C Z‖²}
 * @param pretraining autoencoder pretraining (minibatches as it says)
 * @param joint joint training: optimizer, schedule and epochs (one step each: its batch size is
 *     replaced by n)
 * @param kmeansRestarts restarts of the k-means inside spectral clustering
 */
public record SubspaceClustering(AutoencoderSpec autoencoder, int clusters, double coefficientWeight,
    double selfExpressionWeight, FitSpec pretraining, FitSpec joint, int kmeansRestarts, RuntimeSettings runtime)
    implements Clusterer {

  /** The most rows a fit takes: C is dense, n × n. */
  public static final int MAX_ROWS = 2000;

  public SubspaceClustering {
    Objects.requireNonNull(autoencoder, "autoencoder");
    if (clusters < 2) {
      throw new IllegalArgumentException("clusters must be >= 2, found " + clusters);
    }
    if (!(coefficientWeight > 0) || Double.isInfinite(coefficientWeight)) {
      throw new IllegalArgumentException("coefficient_weight must be > 0, found " + coefficientWeight);
    }
    if (!(selfExpressionWeight > 0) || Double.isInfinite(selfExpressionWeight)) {
      throw new IllegalArgumentException("self_expression_weight must be > 0, found " + selfExpressionWeight);
    }
    Objects.requireNonNull(pretraining, "pretraining");
    Objects.requireNonNull(joint, "joint");
    if (kmeansRestarts < 1) {
      throw new IllegalArgumentException("kmeans_restarts must be >= 1, found " + kmeansRestarts);
    }
    Objects.requireNonNull(runtime, "runtime");
    if (autoencoder.codeShape().numDimensions() != 1) {
      throw new IllegalArgumentException("subspace clustering needs a flat code, found per-example shape "
          + autoencoder.codeShape());
    }
  }

  @Override
  public String name() {
    return "deep_subspace";
  }

  @Override
  public FittedClusterer fit(Dataset data, long seed) {
    int n = data.rows();
    if (n > MAX_ROWS) {
      throw new IllegalArgumentException(name() + " keeps an n x n self-expression matrix and takes at most "
          + MAX_ROWS + " rows, '" + data.name() + "' has " + n + "; subsample it");
    }
    if (n <= clusters) {
      throw new IllegalArgumentException(name() + " needs more rows than clusters (" + clusters + "), '"
          + data.name() + "' has " + n);
    }
    if (data.cols() != autoencoder.inputDim()) {
      throw new IllegalArgumentException(name() + "'s autoencoder takes " + autoencoder.inputDim() + " features, '"
          + data.name() + "' has " + data.cols());
    }
    HeadGraph g = HeadGraph.build(autoencoder, List.of(), seed);
    try {
      Ops tf = g.tf();
      BuildContext ctx = g.context();
      Autoencoder ae = g.autoencoder();
      int width = (int) autoencoder.codeShape().size(0);
      TrainOp pretrain = g.trainOp("pretrain", ae.objective(), ae.trainableVariables(), pretraining, n);

      Placeholder<TFloat32> rowIndex = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
      // order[b, i] = 1 when batch row b is data row i: ordered = orderᵀ · batch, batch = order · ordered.
      Operand<TFloat32> order = tf.oneHot(tf.dtypes.cast(tf.reshape(rowIndex, tf.constant(new int[] {-1})),
          TInt32.class), tf.constant(n), tf.constant(1f), tf.constant(0f));
      Variable<TFloat32> free = ctx.newVariable("subspace/coefficients",
          tf.zeros(tf.constant(new long[] {n, n}), TFloat32.class));
      Operand<TFloat32> offDiagonal = tf.math.sub(tf.constant(1f),
          tf.oneHot(tf.range(tf.constant(0), tf.constant(n), tf.constant(1)), tf.constant(n), tf.constant(1f),
              tf.constant(0f)));
      Operand<TFloat32> c = tf.math.mul(tf.identity(free), offDiagonal);
      Operand<TFloat32> z = tf.linalg.matMul(order, ae.code(), MatMul.transposeA(true));
      Operand<TFloat32> expressed = tf.linalg.matMul(c, z);
      Operand<TFloat32> reconstruction = tf.math.mean(
          ae.reconstructionLoss(ctx, ae.input(), tf.linalg.matMul(order, expressed)), tf.constant(0));
      Operand<TFloat32> perRow = tf.constant(1f / n);
      Operand<TFloat32> ridge = tf.math.mul(perRow, tf.reduceSum(tf.math.square(c), tf.constant(new int[] {0, 1})));
      Operand<TFloat32> selfExpression = tf.math.mul(perRow,
          tf.reduceSum(tf.math.square(tf.math.sub(z, expressed)), tf.constant(new int[] {0, 1})));
      Operand<TFloat32> loss = tf.math.add(reconstruction, tf.math.add(
          tf.math.mul(tf.constant((float) coefficientWeight), ridge),
          tf.math.mul(tf.constant((float) selfExpressionWeight), selfExpression)));
      List<Variable<TFloat32>> variables = new ArrayList<>(ae.trainableVariables());
      variables.add(free);
      FitSpec fullBatch = new FitSpec(joint.optimizer(), joint.schedule(), joint.epochs(), n, joint.clipNorm(),
          joint.earlyStopping());
      TrainOp jointOp = g.trainOp("self_expression", loss, variables, fullBatch, n);
      g.open(runtime);

      float[] rows = data.features();
      float[] indices = new float[n];
      for (int i = 0; i < n; i++) {
        indices[i] = i;
      }
      Stage pretrainStage = g.stage("pretrain", pretrain, rows, pretraining, List.of());
      Stage jointStage = g.stage("self_expression", jointOp,
          List.of(new Feed(ae.input(), rows, data.cols()), new Feed(rowIndex, indices, 1)), fullBatch, List.of());
      g.train(List.of(pretrainStage, jointStage));

      double[][] coefficients = readCoefficients(g, c, n);
      int[] assignments = new SpectralClustering(clusters, kmeansRestarts).cluster(affinity(coefficients), seed);
      float[] codes = g.run(ae.code(), rows);
      SelfExpression outOfSample = new SelfExpression(codes, width, coefficientWeight / selfExpressionWeight,
          assignments, clusters);
      return new Fitted(g, ae, outOfSample, assignments, coefficients);
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  /** {@code |C| + |C|ᵀ}: symmetric and non-negative, as spectral clustering needs. */
  static double[][] affinity(double[][] coefficients) {
    int n = coefficients.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = Math.abs(coefficients[i][j]) + Math.abs(coefficients[j][i]);
      }
    }
    return a;
  }

  private static double[][] readCoefficients(HeadGraph g, Operand<TFloat32> c, int n) {
    try (var result = g.session().runner().fetch(c).run()) {
      TFloat32 t = (TFloat32) result.get(0);
      float[] flat = new float[n * n];
      t.asRawTensor().data().asFloats().read(flat);
      double[][] out = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          out[i][j] = flat[i * n + j];
        }
      }
      return out;
    }
  }

  /** A trained model: its autoencoder, the self-expression matrix, and the spectral clusters. */
  public static final class Fitted implements FittedClusterer {
    private final HeadGraph graph;
    private final Autoencoder autoencoder;
    private final SelfExpression outOfSample;
    private final int[] assignments;
    private final double[][] coefficients;

    Fitted(HeadGraph graph, Autoencoder autoencoder, SelfExpression outOfSample, int[] assignments,
        double[][] coefficients) {
      this.graph = graph;
      this.autoencoder = autoencoder;
      this.outOfSample = outOfSample;
      this.assignments = assignments;
      this.coefficients = coefficients;
    }

    @Override
    public int[] trainingAssignments() {
      return assignments.clone();
    }

    /** The learned self-expression matrix C (zero diagonal), in training-row order; a copy. */
    public double[][] coefficients() {
      double[][] copy = new double[coefficients.length][];
      for (int i = 0; i < coefficients.length; i++) {
        copy[i] = coefficients[i].clone();
      }
      return copy;
    }

    @Override
    public double[][] softAssignments(Dataset rows) {
      if (rows.cols() != autoencoder.spec().inputDim()) {
        throw new IllegalArgumentException("the autoencoder takes " + autoencoder.spec().inputDim()
            + " features, '" + rows.name() + "' has " + rows.cols());
      }
      return outOfSample.softAssignments(graph.run(autoencoder.code(), rows.features()));
    }

    @Override
    public void close() {
      graph.close();
    }
  }
}
