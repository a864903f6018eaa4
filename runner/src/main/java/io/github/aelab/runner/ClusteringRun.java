package io.github.aelab.runner;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.clustering.deep.AutoencoderWeights;
import io.github.aelab.clustering.deep.Dec;
import io.github.aelab.clustering.deep.IncompatibleWeightsException;
import io.github.aelab.clustering.metric.AdjustedRandIndex;
import io.github.aelab.clustering.metric.HungarianAccuracy;
import io.github.aelab.clustering.metric.NormalizedMutualInformation;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.io.RecordTree;
import io.github.aelab.core.linalg.Pca;
import io.github.aelab.core.runtime.RuntimeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one clusterer and its baselines as the DEC papers do and writes the run record: every
 * method clusters all rows of the source (the labels are never shown to it) and is measured
 * against the labels; with a separate test source, each fitted method also assigns the test rows
 * ({@code predict}), measured the same way. The record gets {@code metrics.json}, every method's
 * assignments side by side ({@code assignments.csv}, and {@code test_assignments.csv}), the rows
 * on two principal components coloured by the clusterer's clusters ({@code plots/clusters.png}),
 * provenance and the log; a DEC or IDEC run also keeps its pretrained autoencoder
 * ({@code pretrained_autoencoder.npz}), which a later run can start from
 * ({@code clusterer.pretrained_weights}).
 *
 * <p>Metric names: the clusterer's {@code train.accuracy} (Hungarian: the best one-to-one mapping
 * of clusters to labels), {@code train.nmi}, {@code train.ari}, {@code train.seconds}, with a
 * test source {@code test.accuracy}, {@code test.nmi}, {@code test.ari}, {@code test.seconds};
 * DEC and IDEC add {@code train.refreshes}. Each baseline's are the same prefixed with its name
 * ({@code kmeans.train.accuracy}); {@code ae_kmeans} and {@code ae_gmm} (k-means and a Gaussian
 * mixture on the pretrained codes, from the clusterer's own fit) have training metrics only, as
 * the codes of new rows do not leave the fit.
 */
public final class ClusteringRun {
  private static final Logger LOG = LoggerFactory.getLogger(ClusteringRun.class);
  /** The name of k-means on the pretrained codes, the DEC papers' "AE + k-means". */
  static final String AE_KMEANS = "ae_kmeans";
  /** The name of a full-covariance Gaussian mixture on the pretrained codes. */
  static final String AE_GMM = "ae_gmm";
  /** Where a DEC or IDEC run keeps its pretrained autoencoder. */
  public static final String PRETRAINED_FILE = "pretrained_autoencoder.npz";

  /**
   * Everything one clusterer run needs: the (scaled) rows to cluster, a test source or null, the
   * clusterer, the baselines fitted on the same rows, and those measured on the clusterer's
   * pretrained codes ({@code ae_kmeans}, {@code ae_gmm}).
   */
  public record Config(String name, long seed, RuntimeSettings runtime, Dataset data, Dataset testData,
      Clusterer clusterer, List<Clusterer> baselines, List<String> onPretrainedCodes, Map<String, Path> dataFiles,
      Pretrained pretrained) {
    public Config {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(clusterer, "clusterer");
      if (pretrained != null && !(clusterer instanceof Dec)) {
        throw new IllegalArgumentException("pretrained weights start a dec or idec fit; clusterer '" + clusterer.name()
            + "' pretrains no autoencoder");
      }
      baselines = List.copyOf(baselines);
      onPretrainedCodes = List.copyOf(onPretrainedCodes);
      for (String onCodes : onPretrainedCodes) {
        if (!onCodes.equals(AE_KMEANS) && !onCodes.equals(AE_GMM)) {
          throw new IllegalArgumentException("unknown baseline on the pretrained codes '" + onCodes + "'; known: "
              + AE_KMEANS + ", " + AE_GMM);
        }
      }
      dataFiles = dataFiles == null ? Map.of() : Map.copyOf(dataFiles);
      if (!data.hasLabels() || testData != null && !testData.hasLabels()) {
        throw new IllegalArgumentException("a clusterer run is measured against labels; '"
            + (data.hasLabels() ? testData.name() : data.name()) + "' has none");
      }
      // Names key the metrics and the assignment columns, so two methods may not share one.
      Set<String> names = new HashSet<>(List.of(clusterer.name()));
      names.addAll(onPretrainedCodes);
      for (Clusterer b : baselines) {
        if (!names.add(b.name())) {
          throw new IllegalArgumentException("two clusterers of the run are named '" + b.name() + "'");
        }
      }
    }

    /** A run whose clusterer pretrains its own autoencoder, if it has one. */
    public Config(String name, long seed, RuntimeSettings runtime, Dataset data, Dataset testData,
        Clusterer clusterer, List<Clusterer> baselines, List<String> onPretrainedCodes, Map<String, Path> dataFiles) {
      this(name, seed, runtime, data, testData, clusterer, baselines, onPretrainedCodes, dataFiles, null);
    }
  }

  /**
   * An earlier run's pretrained autoencoder that a DEC or IDEC fit starts from instead of
   * pretraining, and the file it was read from (recorded in the provenance, named in errors).
   */
  public record Pretrained(Path file, AutoencoderWeights weights) {
    public Pretrained {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(weights, "weights");
    }
  }

  /** One method's clusters of the source's rows, of the test rows (null without), and its metrics. */
  private record Assigned(String name, int[] train, int[] test, Map<String, Object> metrics) {}

  private ClusteringRun() {}

  /** Runs and records; on failure the record says why and the exception propagates. */
  public static Map<String, Object> execute(Config config, RunDirectory run) {
    return run.record(() -> {
      run.writeJson("provenance.json", Provenance.describe(config.seed(), config.runtime(), config.dataFiles()));
      run.writeJson("spec.json", resolvedSpec(config));
      LOG.info("{}: {} clusters {} rows of {} features{}", config.name(), config.clusterer().name(),
          config.data().rows(), config.data().cols(), config.testData() == null ? ""
              : ", then assigns " + config.testData().rows() + " test rows");

      List<Assigned> all = new ArrayList<>(fitDeep(config, run, RunListeners.progressAndHistory(run)));
      for (Clusterer baseline : config.baselines()) {
        all.add(fit(baseline, config));
      }

      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("clusterer", config.clusterer().name());
      metrics.put("baselines", all.stream().skip(1).map(Assigned::name).toList());
      metrics.put("clusters", config.clusterer().clusters());
      metrics.put("train.rows", config.data().rows());
      if (config.testData() != null) {
        metrics.put("test.rows", config.testData().rows());
      }
      for (int i = 0; i < all.size(); i++) {
        String prefix = i == 0 ? "" : all.get(i).name() + ".";
        all.get(i).metrics().forEach((k, v) -> metrics.put(prefix + k, v));
      }
      run.writeText("assignments.csv", assignmentsCsv(all, config.data().labels(), false));
      if (config.testData() != null) {
        run.writeText("test_assignments.csv", assignmentsCsv(all, config.testData().labels(), true));
      }
      writePlot(run, config.data(), all.get(0));
      return metrics;
    });
  }

  /** The clusterer, and the baselines on its pretrained codes from the same fit. */
  private static List<Assigned> fitDeep(Config config, RunDirectory run,
      List<io.github.aelab.core.train.TrainingListener> listeners) {
    Clusterer clusterer = config.clusterer();
    long t0 = System.nanoTime();
    try (FittedClusterer fitted = fitClusterer(config, run, listeners)) {
      long t1 = System.nanoTime();
      int[] test = config.testData() == null ? null : fitted.predict(config.testData());
      long t2 = System.nanoTime();
      List<Assigned> out = new ArrayList<>();
      Map<String, Object> m = measure(config, fitted.trainingAssignments(), test, t1 - t0, t2 - t1);
      if (fitted instanceof Dec.Fitted dec) {
        m.put("train.refreshes", dec.refreshes());
      }
      out.add(logged(new Assigned(clusterer.name(), fitted.trainingAssignments(), test, m), t1 - t0));
      for (String name : config.onPretrainedCodes()) {
        if (!(fitted instanceof Dec.Fitted dec)) {
          throw new IllegalArgumentException(name + " is fitted on the pretrained codes inside a dec or idec fit; "
              + "clusterer '" + clusterer.name() + "' has none");
        }
        out.add(onCodes(name, dec, config));
      }
      return out;
    }
  }

  /**
   * A DEC or IDEC fit keeps its pretrained autoencoder in the run ({@value #PRETRAINED_FILE}) as
   * soon as pretraining ends, so a later run can start from it (and a failed clustering phase does
   * not lose it); with {@link Config#pretrained()} it starts from those weights instead of pretraining.
   */
  private static FittedClusterer fitClusterer(Config config, RunDirectory run,
      List<io.github.aelab.core.train.TrainingListener> listeners) {
    if (!(config.clusterer() instanceof Dec dec)) {
      return config.clusterer().fit(config.data(), config.seed(), listeners);
    }
    Pretrained pretrained = config.pretrained();
    if (pretrained != null) {
      LOG.info("{}: no pretraining; the autoencoder starts from {} (training's optimizer, epochs and pretraining "
          + "are not used)", dec.name(), pretrained.file());
    }
    try {
      return dec.fit(config.data(), config.seed(), pretrained == null ? null : pretrained.weights(), listeners,
          weights -> {
            weights.save(run.resolve(PRETRAINED_FILE));
            LOG.info("{}: pretrained autoencoder saved to {}", dec.name(), run.resolve(PRETRAINED_FILE));
          });
    } catch (IncompatibleWeightsException e) {
      throw new IllegalArgumentException("clusterer.pretrained_weights " + pretrained.file() + ": " + e.getMessage(), e);
    }
  }

  /**
   * ae_kmeans is the k-means that started DEC's centres, reported as it is (no fit of its own, so
   * no seconds); ae_gmm fits a full-covariance mixture on the same codes.
   */
  private static Assigned onCodes(String name, Dec.Fitted dec, Config config) {
    if (name.equals(AE_KMEANS)) {
      return logged(new Assigned(AE_KMEANS, dec.kmeansAssignments(), null,
          measure(config, dec.kmeansAssignments(), null, -1, -1)), -1);
    }
    long t0 = System.nanoTime();
    Clusterer gmm = io.github.aelab.clustering.baseline.GmmClusterer.of(config.clusterer().clusters(),
        io.github.aelab.core.stats.CovarianceType.FULL);
    try (FittedClusterer fitted = gmm.fit(dec.pretrainedCodes(), config.seed())) {
      long t1 = System.nanoTime();
      return logged(new Assigned(AE_GMM, fitted.trainingAssignments(), null,
          measure(config, fitted.trainingAssignments(), null, t1 - t0, -1)), t1 - t0);
    }
  }

  private static Assigned fit(Clusterer clusterer, Config config) {
    long t0 = System.nanoTime();
    try (FittedClusterer fitted = clusterer.fit(config.data(), config.seed())) {
      long t1 = System.nanoTime();
      int[] test = config.testData() == null ? null : fitted.predict(config.testData());
      long t2 = System.nanoTime();
      return logged(new Assigned(clusterer.name(), fitted.trainingAssignments(), test,
          measure(config, fitted.trainingAssignments(), test, t1 - t0, t2 - t1)), t1 - t0);
    }
  }

  /** Accuracy, NMI and ARI against the labels; seconds unless negative (not a fit of its own). */
  private static Map<String, Object> measure(Config config, int[] train, int[] test, long fitNanos, long testNanos) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "train", config.data().labels(), train);
    if (fitNanos >= 0) {
      m.put("train.seconds", fitNanos / 1e9);
    }
    if (test != null) {
      put(m, "test", config.testData().labels(), test);
      m.put("test.seconds", testNanos / 1e9);
    }
    return m;
  }

  private static void put(Map<String, Object> m, String part, int[] labels, int[] clusters) {
    m.put(part + ".accuracy", HungarianAccuracy.of(labels, clusters));
    m.put(part + ".nmi", NormalizedMutualInformation.of(labels, clusters));
    m.put(part + ".ari", AdjustedRandIndex.of(labels, clusters));
  }

  private static Assigned logged(Assigned a, long fitNanos) {
    Map<String, Object> m = a.metrics();
    LOG.info(String.format(Locale.ROOT, "%s: accuracy %.4f, NMI %.4f, ARI %.4f%s%s", a.name(),
        (double) m.get("train.accuracy"), (double) m.get("train.nmi"), (double) m.get("train.ari"),
        m.containsKey("test.accuracy") ? String.format(Locale.ROOT, "; test accuracy %.4f",
            (double) m.get("test.accuracy")) : "",
        fitNanos >= 0 ? String.format(Locale.ROOT, " (fit %.1fs)", fitNanos / 1e9) : ""));
    return a;
  }

  /** {@code row,label,<clusterer>,<baseline>...}: one cluster column per method (test: those that predict). */
  static String assignmentsCsv(List<Assigned> all, int[] labels, boolean test) {
    List<Assigned> columns = all.stream().filter(a -> (test ? a.test() : a.train()) != null).toList();
    StringBuilder b = new StringBuilder("row,label");
    columns.forEach(a -> b.append(',').append(a.name()));
    b.append('\n');
    for (int i = 0; i < labels.length; i++) {
      b.append(i).append(',').append(labels[i]);
      for (Assigned a : columns) {
        b.append(',').append((test ? a.test() : a.train())[i]);
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static void writePlot(RunDirectory run, Dataset data, Assigned clusterer) {
    if (data.cols() < 2) {
      return; // one feature: nothing to project
    }
    float[] xy = Pca.fit(data, 2).transform(data);
    RunPlots.clusters2d(xy, clusterer.train(), clusterer.name() + " clusters (rows on 2 principal components)",
        run.resolve("plots").resolve("clusters.png"));
  }

  static Map<String, Object> resolvedSpec(Config c) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", c.name());
    spec.put("seed", c.seed());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", SpecSummary.labelledDataset(c.data()));
    data.put("test_source", c.testData() == null ? null : SpecSummary.labelledDataset(c.testData()));
    spec.put("data", data);
    spec.put("clusterer", SpecSummary.method(c.clusterer().name(), c.clusterer()));
    Map<String, Object> baselines = new LinkedHashMap<>();
    for (String name : c.onPretrainedCodes()) {
      baselines.put(name, Map.of("name", name, "settings", name.equals(AE_KMEANS)
          ? "k-means on the clusterer's pretrained codes" : "full-covariance Gaussian mixture on the clusterer's "
          + "pretrained codes"));
    }
    c.baselines().forEach(b -> baselines.put(b.name(), SpecSummary.method(b.name(), b)));
    spec.put("baselines", baselines);
    spec.put("runtime", RecordTree.toTree(c.runtime()));
    return spec;
  }
}
