package io.github.aelab.models;

import io.github.aelab.core.graph.BuildContext;
import io.github.aelab.core.io.SavedModels;
import io.github.aelab.core.optim.TrainOp;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.runtime.Sessions;
import io.github.aelab.core.train.CheckpointPolicy;
import io.github.aelab.core.train.Feed;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.core.train.Inference;
import io.github.aelab.core.train.Stage;
import io.github.aelab.core.train.Trainer;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.core.train.TrainingResult;
import io.github.aelab.models.regularize.Player;
import io.github.aelab.models.regularize.Regularizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * An autoencoder with its graph, session and training plan, ready to fit, encode, score and
 * export: the Java way in for the common case.
 *
 * <pre>{@code
 * AutoencoderSpec spec = AutoencoderSpec.builder(20).hidden(Activation.TANH, 64, 32).code(1, Activation.LINEAR).build();
 * try (AutoencoderSession ae = AutoencoderSession.create(spec, Plan.of(FitSpec.adam(1e-3, 50, 64)), 42,
 *     RuntimeSettings.defaults(), train.rows())) {
 *   ae.fit(train.features(), validation.features(), List.of(), null);
 *   float[] scores = ae.score(test.features());
 * }
 * }</pre>
 *
 * <p>The whole graph (model, train ops, exported signatures) is built in {@link #create}, before
 * the session first runs: TensorFlow's saver only knows variables that exist when it is made.
 */
public final class AutoencoderSession implements AutoCloseable {

  /**
   * What to train: optional greedy layer-wise pretraining (one stage per layer), then
   * end-to-end fitting.
   *
   * @param pretraining null to skip
   */
  public record Plan(FitSpec pretraining, FitSpec fit) {
    public Plan {
      java.util.Objects.requireNonNull(fit, "fit");
    }

    public static Plan of(FitSpec fit) {
      return new Plan(null, fit);
    }
  }

  private final Graph graph;
  private final BuildContext ctx;
  private final Autoencoder autoencoder;
  private final Session session;
  private final Plan plan;
  private final List<TrainOp> pretrainOps;
  private final TrainOp fitOp;
  private final List<TrainOp> playerOps;
  private final io.github.aelab.models.latent.VariationalEvaluation variational;
  private final long seed;

  private AutoencoderSession(Graph graph, BuildContext ctx, Autoencoder autoencoder, Session session, Plan plan,
      List<TrainOp> pretrainOps, TrainOp fitOp, List<TrainOp> playerOps,
      io.github.aelab.models.latent.VariationalEvaluation variational, long seed) {
    this.playerOps = playerOps;
    this.variational = variational;
    this.graph = graph;
    this.ctx = ctx;
    this.autoencoder = autoencoder;
    this.session = session;
    this.plan = plan;
    this.pretrainOps = pretrainOps;
    this.fitOp = fitOp;
    this.seed = seed;
  }

  /**
   * Builds the graph and opens a session.
   *
   * @param trainRows number of training rows (schedules count epochs in steps of this data)
   */
  public static AutoencoderSession create(AutoencoderSpec spec, Plan plan, long seed, RuntimeSettings runtime,
      int trainRows) {
    return create(spec, List.of(), plan, seed, runtime, trainRows);
  }

  /**
   * Builds the graph with regularizers: their penalties join the objective, and their players
   * (an adversary, say) become extra updates of the "fit" stage, run in order after the model's.
   */
  public static AutoencoderSession create(AutoencoderSpec spec, List<? extends Regularizer> regularizers, Plan plan,
      long seed, RuntimeSettings runtime, int trainRows) {
    Graph graph = new Graph();
    try {
      BuildContext ctx = new BuildContext(graph, seed);
      Autoencoder ae = Autoencoder.build(ctx, spec, regularizers);
      List<TrainOp> pretrain = plan.pretraining() == null
          ? List.of()
          : StackedPretraining.trainOps(ctx, ae, plan.pretraining(), trainRows);
      TrainOp fit = TrainOp.build(ctx, "fit", ae.objective(), ae.trainableVariables(), plan.fit().trainOpConfig(trainRows));
      List<TrainOp> players = new ArrayList<>();
      for (Regularizer r : regularizers) {
        for (Player p : r.players(ctx, ae)) {
          TrainOp.Config c = new TrainOp.Config(p.optimizer(), plan.fit().schedule(),
              plan.fit().trainOpConfig(trainRows).stepsPerEpoch(), plan.fit().clipNorm());
          players.add(TrainOp.build(ctx, p.name(), p.loss(), p.variables(), c));
        }
      }
      var variational = io.github.aelab.models.latent.VariationalEvaluation.build(ctx, ae);
      Session session = Sessions.open(graph, runtime);
      return new AutoencoderSession(graph, ctx, ae, session, plan, pretrain, fit, List.copyOf(players), variational, seed);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** The stages: one per pretrained layer, then "fit". */
  public List<Stage> stages(float[] train, float[] validation) {
    int cols = autoencoder.spec().inputDim();
    List<Feed> trainFeeds = List.of(new Feed(autoencoder.input(), train, cols));
    List<Feed> validationFeeds = validation == null || validation.length == 0
        ? List.of()
        : List.of(new Feed(autoencoder.input(), validation, cols));
    List<Stage> stages = new ArrayList<>();
    for (TrainOp op : pretrainOps) {
      FitSpec p = plan.pretraining();
      stages.add(Stage.of(op.name(), op, trainFeeds, List.of(), p.epochs(), p.batchSize(), null));
    }
    FitSpec f = plan.fit();
    List<TrainOp> updates = new ArrayList<>();
    updates.add(fitOp);
    updates.addAll(playerOps);
    stages.add(new Stage("fit", updates, trainFeeds, validationFeeds, autoencoder.objective(), f.epochs(),
        f.batchSize(), f.earlyStopping(), List.of()));
    return stages;
  }

  /** Runs the plan; {@code validation} may be null. */
  public TrainingResult fit(float[] train, float[] validation, List<TrainingListener> listeners,
      CheckpointPolicy checkpoints) {
    return trainer(listeners, checkpoints).fit(stages(train, validation));
  }

  /** Continues an interrupted {@link #fit} from its latest checkpoint; same data, same seed. */
  public TrainingResult resume(float[] train, float[] validation, List<TrainingListener> listeners,
      CheckpointPolicy checkpoints) {
    return trainer(listeners, checkpoints).resume(stages(train, validation), checkpoints.directory());
  }

  private Trainer trainer(List<TrainingListener> listeners, CheckpointPolicy checkpoints) {
    return new Trainer(session, ctx.training(), seed, listeners, checkpoints);
  }

  /** Likelihood estimates when the code is Gaussian (a variational autoencoder), else empty. */
  public java.util.Optional<io.github.aelab.models.latent.VariationalEvaluation> variational() {
    return java.util.Optional.ofNullable(variational);
  }

  /** Posterior means and log-variances of a Gaussian code, row-major: {@code {means, logVariances}}. */
  public float[][] posterior(float[] rows) {
    var blocks = autoencoder.encoderBlocks();
    if (!(blocks.get(blocks.size() - 1) instanceof io.github.aelab.models.latent.GaussianCodeBlock code)) {
      throw new IllegalStateException("the model's code is not Gaussian");
    }
    return new float[][] {run(code.mean(), rows), run(code.logVariance(), rows)};
  }

  public float[] encode(float[] rows) {
    return run(autoencoder.code(), rows);
  }

  public float[] reconstruct(float[] rows) {
    return run(autoencoder.reconstruction(), rows);
  }

  /** Per-row reconstruction loss (higher = worse reconstructed = more anomalous). */
  public float[] score(float[] rows) {
    return run(autoencoder.perExampleLoss(), rows);
  }

  /**
   * Codes on the straight line from {@code from} to {@code to} (both one code each), {@code steps}
   * points including both ends, decoded: row-major, {@code steps} rows. Walks the latent space
   * between two inputs' codes, or two prior samples.
   */
  public float[] interpolate(float[] from, float[] to, int steps) {
    if (from.length != to.length || steps < 2) {
      throw new IllegalArgumentException("interpolate needs two codes of one width and steps >= 2");
    }
    float[] path = new float[steps * from.length];
    for (int s = 0; s < steps; s++) {
      double t = s / (double) (steps - 1);
      for (int j = 0; j < from.length; j++) {
        path[s * from.length + j] = (float) ((1 - t) * from[j] + t * to[j]);
      }
    }
    return decode(path);
  }

  /** {@code n} new rows generated from the standard normal prior of a Gaussian code, seeded. */
  public float[] sampleFromPrior(int n, long seed) {
    int width = (int) autoencoder.spec().codeShape().size();
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    float[] z = new float[n * width];
    for (int i = 0; i < z.length; i++) {
      double u1 = r.nextDouble();
      double u2 = r.nextDouble();
      z[i] = (float) (Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
    }
    return decode(z);
  }

  public float[] decode(float[] codes) {
    long codeWidth = autoencoder.spec().codeShape().size();
    return Inference.run(session, autoencoder.codeInput(), autoencoder.decoded(), codes, (int) codeWidth, 1024);
  }

  private float[] run(Operand<TFloat32> output, float[] rows) {
    return Inference.run(session, autoencoder.input(), output, rows, autoencoder.spec().inputDim(), 1024);
  }

  /** Writes a SavedModel with signatures encode, decode, reconstruct, score and serving_default. */
  public void exportSavedModel(Path dir) {
    SavedModels.export(session, dir, autoencoder.signatures());
  }

  /** Saves every variable (weights, optimizer state, step counters) under {@code prefix}. */
  public void saveVariables(Path prefix) {
    session.save(prefix.toString());
  }

  public void restoreVariables(Path prefix) {
    session.restore(prefix.toString());
  }

  public Autoencoder autoencoder() {
    return autoencoder;
  }

  public Session session() {
    return session;
  }

  public BuildContext context() {
    return ctx;
  }

  public TrainOp fitOp() {
    return fitOp;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
