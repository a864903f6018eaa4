package io.github.aelab.runner;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.SavedDetector;
import io.github.aelab.anomaly.Threshold;
import io.github.aelab.anomaly.metric.AnomalyLabels;
import io.github.aelab.anomaly.metric.AveragePrecision;
import io.github.aelab.anomaly.metric.Confusion;
import io.github.aelab.anomaly.metric.PrecisionAtN;
import io.github.aelab.anomaly.metric.RocAuc;
import io.github.aelab.anomaly.protocol.Protocol;
import io.github.aelab.anomaly.protocol.ProtocolSplit;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.io.RecordTree;
import io.github.aelab.core.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one anomaly detector and its baselines under a protocol and writes the run record: the
 * protocol splits the rows (seeded by the experiment), every detector is fitted on the training
 * part and scores the test part, and the record gets {@code metrics.json}, the test scores of
 * every detector side by side ({@code test_scores.csv}), ROC and precision-recall curves
 * ({@code plots/roc.png}, {@code plots/precision_recall.png}), provenance and the log. The
 * fitted detector is saved ({@code detector/}, a {@link SavedDetector}) with the protocol's scaling
 * ({@code scaler.json}), and so is each baseline ({@code baselines/<name>/}), so that
 * {@code aelab score} scores and flags new rows with any of them without a refit.
 *
 * <p>Metric names: the detector's {@code test.roc_auc}, {@code test.average_precision},
 * {@code test.precision_at_n} (n = the number of test anomalies), and, when the protocol sets a
 * threshold (topk_f1), {@code test.precision}, {@code test.recall}, {@code test.f1};
 * {@code train.seconds} and {@code test.seconds}. Each baseline's are the same prefixed with
 * its name ({@code iforest.test.roc_auc}), as the PCA baseline's are in an autoencoder run.
 */
public final class AnomalyRun {
  private static final Logger LOG = LoggerFactory.getLogger(AnomalyRun.class);

  /**
   * Everything one detector run needs. {@code testData} is the separate test source, for
   * protocols over a published train/test pair (one_class_mnist), else null.
   */
  public record Config(String name, long seed, RuntimeSettings runtime, Protocol protocol, Dataset data,
      Dataset testData, Detector detector, List<Detector> baselines, Map<String, Path> dataFiles) {
    public Config {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(detector, "detector");
      baselines = List.copyOf(baselines);
      dataFiles = dataFiles == null ? Map.of() : Map.copyOf(dataFiles);
      // Names key the metrics, the score columns and the baselines' saved folders, so two
      // detectors may not share one, and a baseline's must be a plain folder name.
      Set<String> names = new HashSet<>(List.of(detector.name()));
      for (Detector b : baselines) {
        if (!names.add(b.name())) {
          throw new IllegalArgumentException("two detectors of the run are named '" + b.name() + "'");
        }
        if (!FOLDER_NAME.matcher(b.name()).matches()) {
          throw new IllegalArgumentException("baseline '" + b.name() + "': a baseline's name names the folder it is"
              + " saved in; expected no '/' or '\\' and no leading '.'");
        }
      }
    }
  }

  /** One detector's test scores and metrics (keys without the detector's prefix). */
  private record Scored(Detector detector, double[] scores, Map<String, Object> metrics) {}

  /** Where the fitted detector is saved in the run directory. */
  public static final String DETECTOR_DIR = "detector";

  /** Where each fitted baseline is saved, in a folder of its name under this one. */
  public static final String BASELINES_DIR = "baselines";

  private static final Pattern FOLDER_NAME = Pattern.compile("[^./\\\\][^/\\\\]*");

  private AnomalyRun() {}

  /** Runs and records; on failure the record says why and the exception propagates. */
  public static Map<String, Object> execute(Config config, RunDirectory run) {
    return run.record(() -> {
      run.writeJson("provenance.json", Provenance.describe(config.seed(), config.runtime(), config.dataFiles()));
      ProtocolSplit split = config.protocol().split(config.data(), config.testData(), config.seed());
      LOG.info("{}: {}", config.name(), split.description());
      run.writeJson("spec.json", resolvedSpec(config, split));
      split.scaling().ifPresent(scaler -> run.writeJson("scaler.json", ScalerFile.describe(scaler)));
      Optional<Threshold> threshold = config.protocol().threshold(split);

      List<Scored> all = new ArrayList<>();
      // The detector's epochs show as an autoencoder run's do, and land in history.csv.
      all.add(fitAndScore(config.detector(), split, threshold, config.seed(), RunListeners.progressAndHistory(run),
          run.resolve(DETECTOR_DIR)));
      for (Detector baseline : config.baselines()) {
        all.add(fitAndScore(baseline, split, threshold, config.seed(), List.of(),
            run.resolve(BASELINES_DIR).resolve(baseline.name())));
      }

      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("protocol", config.protocol().name());
      metrics.put("detector", config.detector().name());
      metrics.put("baselines", config.baselines().stream().map(Detector::name).toList());
      metrics.put("train.rows", split.train().rows());
      metrics.put("test.rows", split.test().rows());
      metrics.put("test.anomalies", split.testAnomalies());
      for (int i = 0; i < all.size(); i++) {
        String prefix = i == 0 ? "" : all.get(i).detector().name() + ".";
        all.get(i).metrics().forEach((k, v) -> metrics.put(prefix + k, v));
      }
      run.writeText("test_scores.csv", scoresCsv(all, split.testIsAnomaly()));
      writePlots(run, all, split.testIsAnomaly());
      return metrics;
    });
  }

  /** Fits, scores the test rows and saves the fitted detector in {@code saveTo}. */
  private static Scored fitAndScore(Detector detector, ProtocolSplit split, Optional<Threshold> threshold, long seed,
      List<io.github.aelab.core.train.TrainingListener> listeners, Path saveTo) {
    boolean[] truth = split.testIsAnomaly();
    long t0 = System.nanoTime();
    try (FittedDetector fitted = detector.fit(split.train(), seed, listeners)) {
      long t1 = System.nanoTime();
      double[] scores = fitted.score(split.test());
      long t2 = System.nanoTime();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("test.roc_auc", RocAuc.of(scores, truth));
      m.put("test.average_precision", AveragePrecision.of(scores, truth));
      m.put("test.precision_at_n", PrecisionAtN.of(scores, truth));
      threshold.ifPresent(t -> {
        Confusion c = Confusion.of(t.flag(fitted.trainingScores(), scores), truth);
        m.put("test.precision", c.precision());
        m.put("test.recall", c.recall());
        m.put("test.f1", c.f1());
      });
      m.put("train.seconds", (t1 - t0) / 1e9);
      m.put("test.seconds", (t2 - t1) / 1e9);
      save(detector, fitted, saveTo);
      LOG.info(String.format(Locale.ROOT, "%s: ROC-AUC %.4f, average precision %.4f%s (fit %.1fs)", detector.name(),
          (double) m.get("test.roc_auc"), (double) m.get("test.average_precision"),
          m.containsKey("test.f1") ? String.format(Locale.ROOT, ", F1 %.4f", (double) m.get("test.f1")) : "",
          (t1 - t0) / 1e9));
      return new Scored(detector, scores, m);
    }
  }

  /**
   * Saves a detector of the run. Every detector of the registry can be saved; one composed in Java
   * that cannot is reported in the log and the run goes on, since its scores are already measured.
   */
  private static void save(Detector detector, FittedDetector fitted, Path dir) {
    try {
      fitted.save(dir);
      LOG.info("{}: saved to {}", detector.name(), dir.getFileName());
    } catch (UnsupportedOperationException e) {
      LOG.warn("{}: not saved, so 'aelab score' cannot use this run: {}", detector.name(), e.getMessage());
    }
  }

  private static void writePlots(RunDirectory run, List<Scored> all, boolean[] truth) {
    Map<String, RankingCurves.Curve> roc = new LinkedHashMap<>();
    Map<String, RankingCurves.Curve> pr = new LinkedHashMap<>();
    for (Scored s : all) {
      roc.put(String.format(Locale.ROOT, "%s (AUC %.3f)", s.detector().name(), (double) s.metrics().get("test.roc_auc")),
          RankingCurves.roc(s.scores(), truth));
      pr.put(String.format(Locale.ROOT, "%s (AP %.3f)", s.detector().name(),
          (double) s.metrics().get("test.average_precision")), RankingCurves.precisionRecall(s.scores(), truth));
    }
    Path plots = run.resolve("plots");
    RunPlots.rocCurves(roc, plots.resolve("roc.png"));
    RunPlots.precisionRecallCurves(pr, plots.resolve("precision_recall.png"));
  }

  /** {@code row,label,<detector>,<baseline>...}: label 1 = anomaly, one score column per detector. */
  static String scoresCsv(List<Scored> all, boolean[] truth) {
    StringBuilder b = new StringBuilder("row,label");
    all.forEach(s -> b.append(',').append(s.detector().name()));
    b.append('\n');
    for (int i = 0; i < truth.length; i++) {
      b.append(i).append(',').append(truth[i] ? 1 : 0);
      for (Scored s : all) {
        b.append(',').append(s.scores()[i]);
      }
      b.append('\n');
    }
    return b.toString();
  }

  static Map<String, Object> resolvedSpec(Config c, ProtocolSplit split) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", c.name());
    spec.put("seed", c.seed());
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put("name", c.protocol().name());
    protocol.put("settings", RecordTree.toTree(c.protocol()));
    protocol.put("split", split.description());
    spec.put("protocol", protocol);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", SpecSummary.dataset(c.data()));
    data.put("test_source", c.testData() == null ? null : SpecSummary.dataset(c.testData()));
    data.put("train", SpecSummary.dataset(split.train()));
    data.put("test", SpecSummary.dataset(split.test()));
    data.put("test_anomalies", AnomalyLabels.count(split.testIsAnomaly()));
    spec.put("data", data);
    spec.put("detector", SpecSummary.method(c.detector().name(), c.detector()));
    Map<String, Object> baselines = new LinkedHashMap<>();
    c.baselines().forEach(b -> baselines.put(b.name(), SpecSummary.method(b.name(), b)));
    spec.put("baselines", baselines);
    spec.put("runtime", RecordTree.toTree(c.runtime()));
    return spec;
  }
}
