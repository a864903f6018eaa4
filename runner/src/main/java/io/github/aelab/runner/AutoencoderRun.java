package io.github.aelab.runner;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.io.RecordTree;
import io.github.aelab.core.linalg.Pca;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.CheckpointPolicy;
import io.github.aelab.core.train.DynamicBinarization;
import io.github.aelab.core.train.EpochRecord;
import io.github.aelab.core.train.HistoryCsv;
import io.github.aelab.core.train.TrainingResult;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.regularize.Regularizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one autoencoder and writes its run record: resolved spec, provenance, per-epoch history,
 * checkpoint, SavedModel, per-row test scores and {@code metrics.json}, with PCA at the code's
 * width measured on the same split as the baseline.
 *
 * <p>Metric names (used by benchmarks from now on): {@code test.mse} (per element),
 * {@code test.sse_per_image} (squared error summed over the features, averaged over test rows:
 * Hinton &amp; Salakhutdinov's metric), {@code pca.test.sse_per_image}, {@code pca.test.mse},
 * {@code train.samples_per_second} (median over the epochs of the final stage),
 * {@code train.epochs}.
 */
public final class AutoencoderRun {
  private static final Logger LOG = LoggerFactory.getLogger(AutoencoderRun.class);

  /** Everything one run needs. {@code validation} may be null; data files are hashed into the provenance. */
  public record Config(String name, AutoencoderSpec spec, AutoencoderSession.Plan plan, long seed,
      RuntimeSettings runtime, Dataset train, Dataset validation, Dataset test, Map<String, Path> dataFiles,
      int checkpointEveryEpochs, boolean pcaBaseline, List<Regularizer> regularizers, boolean dynamicBinarization,
      int iwaeSamples) {
    /**
     * @param dynamicBinarization the training rows are grey levels in [0, 1], redrawn as Bernoulli
     *     bits before every epoch
     * @param iwaeSamples importance samples of a variational model's {@code test.iwae_nll}
     */
    public Config {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(train, "train");
      Objects.requireNonNull(test, "test");
      dataFiles = dataFiles == null ? Map.of() : Map.copyOf(dataFiles);
      regularizers = regularizers == null ? List.of() : List.copyOf(regularizers);
      if (iwaeSamples < 1) {
        throw new IllegalArgumentException("iwae_samples must be >= 1, found " + iwaeSamples);
      }
      if (train.cols() != spec.inputDim() || test.cols() != spec.inputDim()) {
        throw new IllegalArgumentException("the model takes " + spec.inputDim() + " features but the data has "
            + train.cols());
      }
    }
  }

  private AutoencoderRun() {}

  /** Static data (no per-epoch redraw) and the default number of importance samples. */
  public static Config config(String name, AutoencoderSpec spec, AutoencoderSession.Plan plan, long seed,
      RuntimeSettings runtime, Dataset train, Dataset validation, Dataset test, Map<String, Path> dataFiles,
      int checkpointEveryEpochs, boolean pcaBaseline, List<Regularizer> regularizers) {
    return new Config(name, spec, plan, seed, runtime, train, validation, test, dataFiles, checkpointEveryEpochs,
        pcaBaseline, regularizers, false, DEFAULT_IWAE_SAMPLES);
  }

  /** Runs and records; on failure the record says why and the exception propagates. */
  public static Map<String, Object> execute(Config config, RunDirectory run) {
    return execute(config, run, false);
  }

  /**
   * @param resume continue from the run directory's latest checkpoint (same config) instead of
   *     starting over
   */
  public static Map<String, Object> execute(Config config, RunDirectory run, boolean resume) {
    return run.record(() -> {
      if (!resume) {
        run.writeJson("spec.json", resolvedSpec(config));
      }
      run.writeJson("provenance.json", Provenance.describe(config.seed(), config.runtime(), config.dataFiles()));
      LOG.info("{}", plan(config));
      Map<String, Object> metrics = train(config, run, resume);
      return metrics;
    });
  }

  /** The start banner: the plan in words. */
  static String plan(Config c) {
    List<String> parts = new ArrayList<>();
    if (c.plan().pretraining() != null) {
      int layers = (int) c.spec().encoderWithCode().stream().filter(b -> b.type().equals("dense")
          || b.type().startsWith("conv")).count();
      parts.add("layer-wise pretraining of " + layers + " layers, " + c.plan().pretraining().epochs() + " epochs each");
    }
    var fit = c.plan().fit();
    parts.add("fit " + fit.epochs() + " epochs with " + fit.optimizer().type() + " (learning rate "
        + fit.optimizer().learningRate() + ", " + fit.schedule().type() + " schedule, batch " + fit.batchSize() + ")"
        + (fit.earlyStopping() == null ? "" : ", early stopping after " + fit.earlyStopping().patience()
            + " epochs without improvement"));
    return String.format(Locale.ROOT, "%s: %d training rows%s, %d test rows; %s", c.name(), c.train().rows(),
        c.validation() == null ? "" : ", " + c.validation().rows() + " validation rows", c.test().rows(),
        String.join("; then ", parts));
  }

  /** Importance samples of the likelihood estimate unless the experiment sets evaluation.iwae_samples. */
  static final int DEFAULT_IWAE_SAMPLES = 50;

  /** For tests of failure handling only: a run that throws after this epoch, as a killed process would stop. */
  static final String FAIL_AFTER_EPOCH = "aelab.faultInjection.failAfterEpoch";

  private static Map<String, Object> train(Config c, RunDirectory run, boolean resume) {
    Dataset train = c.train();
    try (AutoencoderSession ae = AutoencoderSession.create(c.spec(), c.regularizers(), c.plan(), c.seed(), c.runtime(),
        train.rows());
        io.github.aelab.core.train.TensorBoardLog tensorboard = new io.github.aelab.core.train.TensorBoardLog(
            run.resolve("tensorboard"))) {
      CheckpointPolicy checkpoints = new CheckpointPolicy(run.resolve("checkpoints"),
          Math.max(1, c.checkpointEveryEpochs()));
      List<io.github.aelab.core.train.TrainingListener> listeners = RunListeners.progressAndHistory(run);
      listeners.add(tensorboard);
      Integer failAfter = Integer.getInteger(FAIL_AFTER_EPOCH);
      if (failAfter != null) {
        listeners.add(new io.github.aelab.core.train.TrainingListener() {
          @Override
          public void onEpochEnd(io.github.aelab.core.train.Stage stage, EpochRecord record, org.tensorflow.Session s) {
            if (record.epoch() == failAfter) {
              throw new IllegalStateException("fault injected after epoch " + failAfter);
            }
          }
        });
      }
      float[] validation = c.validation() == null ? null : c.validation().features();
      float[] fed = train.features();
      if (c.dynamicBinarization()) {
        // The trainer feeds a copy that the listener redraws before each epoch; the grey levels stay as loaded.
        fed = new float[train.features().length];
        listeners.add(0, new DynamicBinarization(train.features(), fed, c.seed()));
      }
      TrainingResult result;
      if (resume) {
        HistoryCsv.rewrite(run.resolve("history.csv"),
            io.github.aelab.core.train.TrainerState.read(checkpoints.directory().resolve("latest")).history());
        result = ae.resume(fed, validation, listeners, checkpoints);
      } else {
        result = ae.fit(fed, validation, listeners, checkpoints);
      }

      float[] reconstruction = ae.reconstruct(c.test().features());
      float[] scores = ae.score(c.test().features());
      Map<String, Object> metrics = new LinkedHashMap<>();
      double sse = sumSquaredErrorPerRow(c.test(), reconstruction);
      metrics.put("test.sse_per_image", sse);
      metrics.put("test.mse", sse / c.test().cols());
      metrics.put("test.reconstruction_loss", mean(scores));

      int pcaComponents = (int) c.spec().codeShape().size();
      if (c.pcaBaseline() && pcaComponents < train.cols()) {
        long t = System.nanoTime();
        Pca pca = Pca.fit(train, pcaComponents);
        double pcaSse = pca.meanSquaredErrorPerRow(c.test());
        metrics.put("pca.components", pcaComponents);
        metrics.put("pca.test.sse_per_image", pcaSse);
        metrics.put("pca.test.mse", pcaSse / c.test().cols());
        metrics.put("pca_over_autoencoder_sse", pcaSse / sse);
        LOG.info(String.format(Locale.ROOT, "PCA-%d baseline fitted in %.1fs", pcaComponents, (System.nanoTime() - t) / 1e9));
      }
      List<EpochRecord> last = result.history().stream().filter(r -> r.stage().equals("fit")).toList();
      metrics.put("train.epochs", last.size());
      metrics.put("train.stages", result.history().stream().map(EpochRecord::stage).distinct().toList());
      metrics.put("train.samples_per_second", median(last.stream().mapToDouble(EpochRecord::samplesPerSecond).toArray()));
      metrics.put("train.final_loss", last.get(last.size() - 1).trainLoss());
      metrics.put("train.stopped_early", result.stoppedEarly());
      metrics.put("train.seconds", result.history().stream().mapToDouble(EpochRecord::seconds).sum());

      ae.variational().ifPresent(v -> {
        float[] x = c.test().features();
        metrics.put("test.negative_elbo", v.negativeElbo(ae.session(), x));
        metrics.put("test.kl", v.kl(ae.session(), x));
        long t = System.nanoTime();
        metrics.put("test.iwae_nll", v.importanceWeightedNll(ae.session(), x, c.iwaeSamples()));
        metrics.put("test.iwae_samples", c.iwaeSamples());
        LOG.info(String.format(Locale.ROOT, "importance-weighted NLL with k = %d in %.1fs", c.iwaeSamples(),
            (System.nanoTime() - t) / 1e9));
      });
      run.writeText("test_scores.csv", scoresCsv(scores));
      ae.exportSavedModel(run.resolve("model"));
      writePlots(run, result, c.test(), ae.encode(c.test().features()), (int) c.spec().codeShape().size(), reconstruction);
      LOG.info(String.format(Locale.ROOT, "test: squared error per row %.4f (mse %.6f)%s", sse, sse / c.test().cols(),
          metrics.containsKey("pca.test.sse_per_image") ? String.format(Locale.ROOT, "; PCA-%d: %.4f",
              pcaComponents, (double) metrics.get("pca.test.sse_per_image")) : ""));
      return metrics;
    }
  }

  private static void writePlots(RunDirectory run, TrainingResult result, Dataset test, float[] codes, int codeWidth,
      float[] reconstruction) {
    java.nio.file.Path plots = run.resolve("plots");
    RunPlots.lossCurves(result.history(), plots.resolve("loss.png"));
    RunPlots.codes2d(codes, codeWidth, test.labels(), plots.resolve("codes.png"));
    if (test.imageShape() != null) {
      RunPlots.reconstructions(test, reconstruction, plots.resolve("reconstructions.png"));
    }
  }

  static Map<String, Object> resolvedSpec(Config c) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", c.name());
    spec.put("seed", c.seed());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("train", SpecSummary.dataset(c.train()));
    data.put("validation", c.validation() == null ? null : SpecSummary.dataset(c.validation()));
    data.put("test", SpecSummary.dataset(c.test()));
    data.put("dynamic_binarization", c.dynamicBinarization());
    spec.put("data", data);
    spec.put("model", RecordTree.toTree(c.spec()));
    spec.put("regularizers", RecordTree.toTree(c.regularizers()));
    spec.put("training", RecordTree.toTree(c.plan()));
    spec.put("runtime", RecordTree.toTree(c.runtime()));
    spec.put("iwae_samples", c.iwaeSamples());
    return spec;
  }

  static double sumSquaredErrorPerRow(Dataset data, float[] reconstruction) {
    float[] x = data.features();
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - reconstruction[i];
      total += d * d;
    }
    return total / data.rows();
  }

  private static double mean(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return s / v.length;
  }

  private static double median(double[] v) {
    double[] sorted = v.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String scoresCsv(float[] scores) {
    StringBuilder b = new StringBuilder("row,score\n");
    for (int i = 0; i < scores.length; i++) {
      b.append(i).append(',').append(scores[i]).append('\n');
    }
    return b.toString();
  }
}
