package io.github.aelab.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import io.github.aelab.core.optim.TrainOp;

/**
 * Runs a plan of {@link Stage}s in one session: seeded shuffling, minibatch steps, validation,
 * early stopping with restore-best, a divergence guard, listeners, and checkpoints from which
 * {@link #resume} continues to the same result as an uninterrupted run.
 *
 * <p>Everything random is a function of the seed and the position in the plan (stage, epoch),
 * never of wall-clock or a stateful generator, which is what makes resume exact.
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final Session session;
  private final Operand<TBool> trainingFlag;
  private final long seed;
  private final List<TrainingListener> listeners;
  private final CheckpointPolicy checkpoints;

  /**
   * @param trainingFlag the graph's train/eval switch, fed true during updates
   * @param checkpoints null for no checkpoints
   */
  public Trainer(Session session, Operand<TBool> trainingFlag, long seed, List<TrainingListener> listeners,
      CheckpointPolicy checkpoints) {
    this.session = session;
    this.trainingFlag = trainingFlag;
    this.seed = seed;
    this.listeners = List.copyOf(listeners);
    this.checkpoints = checkpoints;
  }

  /** Runs the whole plan from the start. */
  public TrainingResult fit(List<Stage> plan) {
    return run(plan, TrainerState.atStart(0, List.of()));
  }

  /**
   * Restores the latest checkpoint of {@code checkpointDir} into the session and continues the
   * plan where it stopped. The graph must be built exactly as for the interrupted run.
   */
  public TrainingResult resume(List<Stage> plan, Path checkpointDir) {
    Path latest = checkpointDir.resolve("latest");
    if (!Files.isDirectory(latest)) {
      throw new IllegalArgumentException(checkpointDir + ": no checkpoint to resume from (missing 'latest')");
    }
    session.restore(latest.resolve("variables").toString());
    TrainerState state = TrainerState.read(latest);
    LOG.info("resuming at stage {} of {}, epoch {}", state.stageIndex() + 1, plan.size(), state.nextEpoch() + 1);
    return run(plan, state);
  }

  private TrainingResult run(List<Stage> plan, TrainerState state) {
    List<EpochRecord> history = new ArrayList<>(state.history());
    List<String> stoppedEarly = new ArrayList<>();
    try (TBool on = TBool.scalarOf(true)) {
      for (int s = state.stageIndex(); s < plan.size(); s++) {
        boolean resumed = s == state.stageIndex();
        StageRun run = new StageRun(plan.get(s), s, on, history,
            resumed ? state : TrainerState.atStart(s, history));
        if (run.execute()) {
          stoppedEarly.add(plan.get(s).name());
        }
      }
    }
    return new TrainingResult(history, stoppedEarly);
  }

  /** The mutable bookkeeping of one stage. */
  private final class StageRun {
    private final Stage stage;
    private final int index;
    private final TBool on;
    private final List<EpochRecord> history;
    private double bestLoss;
    private int sinceImprovement;
    private boolean bestSaved;
    private final int firstEpoch;
    private Path bestDir;

    StageRun(Stage stage, int index, TBool on, List<EpochRecord> history, TrainerState state) {
      this.stage = stage;
      this.index = index;
      this.on = on;
      this.history = history;
      this.bestLoss = state.bestLoss();
      this.sinceImprovement = state.epochsWithoutImprovement();
      this.bestSaved = state.bestSaved();
      this.firstEpoch = state.nextEpoch();
      this.bestDir = checkpoints == null ? null : checkpoints.directory().resolve("best-" + index);
    }

    /** @return true when early stopping ended the stage */
    boolean execute() {
      all(l -> l.onStageStart(stage, firstEpoch));
      boolean stopped = false;
      int[] order = new int[stage.trainRows()];
      try (BatchFeeder trainFeeder = new BatchFeeder(stage.train());
          BatchFeeder validationFeeder = stage.hasValidation() ? new BatchFeeder(stage.validation()) : null) {
        for (int epoch = firstEpoch; epoch < stage.epochs() && !stopped; epoch++) {
          EpochRecord record = runEpoch(epoch, order, trainFeeder, validationFeeder);
          history.add(record);
          final int e = epoch;
          all(l -> l.onEpochEnd(stage, record, session));
          stopped = updateEarlyStopping(record);
          boolean last = stopped || e == stage.epochs() - 1;
          if (checkpoints != null && (last || (e + 1) % checkpoints.everyEpochs() == 0)) {
            int nextStage = last ? index + 1 : index;
            TrainerState state = last
                ? TrainerState.atStart(nextStage, history)
                : new TrainerState(index, e + 1, bestLoss, sinceImprovement, bestSaved, history);
            if (last) {
              restoreBestIfWanted();
            }
            writeCheckpoint(state);
          } else if (last) {
            restoreBestIfWanted();
          }
        }
        if (firstEpoch >= stage.epochs()) {
          restoreBestIfWanted();
        }
      }
      if (checkpoints == null && bestDir != null) {
        deleteRecursively(bestDir); // a temporary copy, restored above; checkpointed ones stay for resume
      }
      boolean early = stopped;
      all(l -> l.onStageEnd(stage, early));
      return stopped;
    }

    private EpochRecord runEpoch(int epoch, int[] order, BatchFeeder trainFeeder, BatchFeeder validationFeeder) {
      all(l -> l.onEpochStart(stage, epoch, session));
      shuffle(order, epoch);
      int rows = order.length;
      int steps = stage.stepsPerEpoch();
      List<TrainOp> updates = stage.updates();
      double[] sums = new double[updates.size()];
      long start = System.nanoTime();
      for (int step = 0; step < steps; step++) {
        int from = step * stage.batchSize();
        int count = Math.min(stage.batchSize(), rows - from);
        double stepLoss = 0;
        for (int u = 0; u < updates.size(); u++) {
          TrainOp update = updates.get(u);
          Session.Runner runner = session.runner().feed(trainingFlag, on).addTarget(update.update()).fetch(update.loss());
          trainFeeder.feed(runner, order, from, count);
          float loss;
          try (Result result = runner.run()) {
            loss = ((TFloat32) result.get(0)).getFloat();
          }
          if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException(stage.name(), epoch + 1, step + 1, update.name(), loss);
          }
          sums[u] += (double) loss * count;
          if (u == 0) {
            stepLoss = loss;
          }
        }
        final int st = step;
        final double sl = stepLoss;
        all(l -> l.onBatchEnd(stage, epoch, st, steps, sl));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Double> updateLosses = new LinkedHashMap<>();
      for (int u = 0; u < updates.size(); u++) {
        updateLosses.put(updates.get(u).name(), sums[u] / rows);
      }
      double validation = validationFeeder == null ? Double.NaN : evaluate(validationFeeder);
      double lr = scalar(updates.get(0).learningRate());
      return new EpochRecord(stage.name(), epoch + 1, sums[0] / rows, validation, lr, seconds,
          rows / seconds, updateLosses);
    }

    private double evaluate(BatchFeeder feeder) {
      double sum = 0;
      int rows = feeder.rows();
      for (int from = 0; from < rows; from += stage.batchSize()) {
        int count = Math.min(stage.batchSize(), rows - from);
        Session.Runner runner = session.runner().fetch(stage.validationLoss());
        feeder.feed(runner, null, from, count);
        try (Result result = runner.run()) {
          sum += (double) ((TFloat32) result.get(0)).getFloat() * count;
        }
      }
      return sum / rows;
    }

    private void all(java.util.function.Consumer<TrainingListener> call) {
      listeners.forEach(call);
      stage.listeners().forEach(call);
    }

    private boolean updateEarlyStopping(EpochRecord record) {
      EarlyStopping es = stage.earlyStopping();
      if (es == null) {
        return false;
      }
      double monitored = record.monitoredLoss();
      if (monitored < bestLoss - es.minDelta()) {
        bestLoss = monitored;
        sinceImprovement = 0;
        if (es.restoreBest()) {
          saveVariables(bestDirectory());
          bestSaved = true;
        }
        return false;
      }
      sinceImprovement++;
      if (sinceImprovement >= es.patience()) {
        LOG.info("stage '{}': no improvement of the {} loss for {} epochs, stopping at epoch {} (best {})",
            stage.name(), stage.hasValidation() ? "validation" : "training", es.patience(), record.epoch(), bestLoss);
        return true;
      }
      return false;
    }

    private void restoreBestIfWanted() {
      EarlyStopping es = stage.earlyStopping();
      if (es != null && es.restoreBest() && bestSaved) {
        session.restore(bestDir.resolve("variables").toString());
        LOG.info("stage '{}': restored the variables of the best epoch (loss {})", stage.name(), bestLoss);
      }
    }

    /**
     * Where restore-best keeps the best variables: beside the checkpoints, or, without them, a
     * temporary directory made on the first improvement (not for stages that never need one).
     */
    private Path bestDirectory() {
      if (bestDir != null) {
        return bestDir;
      }
      try {
        bestDir = Files.createTempDirectory("aelab-best-");
        return bestDir;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a directory for the best variables", e);
      }
    }

    private void writeCheckpoint(TrainerState state) {
      Path dir = checkpoints.directory();
      Path fresh = dir.resolve("latest.tmp");
      Path latest = dir.resolve("latest");
      deleteRecursively(fresh);
      saveVariables(fresh);
      state.write(fresh);
      deleteRecursively(latest);
      try {
        Files.move(fresh, latest);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot move checkpoint into " + latest, e);
      }
    }

    private void shuffle(int[] order, int epoch) {
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 1_000_003L + epoch);
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
  }

  private void saveVariables(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    session.save(dir.resolve("variables").toString());
  }

  private double scalar(Operand<TFloat32> op) {
    try (Result r = session.runner().fetch(op).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
