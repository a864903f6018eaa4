package io.github.aelab.runner;

import io.github.aelab.clustering.retrieval.BinaryCodes;
import io.github.aelab.clustering.retrieval.Hasher;
import io.github.aelab.clustering.retrieval.HashingMethod;
import io.github.aelab.clustering.retrieval.PrecisionRecallPoint;
import io.github.aelab.clustering.retrieval.RetrievalMetrics;
import io.github.aelab.clustering.retrieval.ExportableHasher;
import io.github.aelab.clustering.retrieval.SemanticHasher;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.io.RecordTree;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.TrainingListener;
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
 * Runs one learned hash function and its baselines under the hashing literature's protocol and
 * writes the run record: every method is fitted on the database rows (labels never shown to it),
 * codes the queries and the database, and each query ranks the database by Hamming distance
 * (ties in database order); a database row is relevant when it has the query's label. The record
 * gets {@code metrics.json}, the hasher's codes ({@code query_codes.csv}, {@code
 * database_codes.csv}: one bit string per row), every method's precision-recall by Hamming radius
 * ({@code precision_recall.csv} and {@code plots/precision_recall.png}), provenance and the log;
 * the autoencoder hasher (semantic_hashing, autoencoder_itq) is also saved ({@code model/}, a
 * SavedModel whose {@code hash} signature gives the bits), so that {@code aelab score} codes new rows.
 *
 * <p>Metric names: the hasher's {@code test.map} (mean average precision over the full ranking),
 * {@code test.precision_at_N} (relevant share of the first N retrieved), {@code train.seconds}
 * (fit), {@code test.seconds} (coding and ranking); semantic hashing adds {@code
 * train.near_binary}, the share of the database's code activations within 0.1 of 0 or 1. Each
 * baseline's are the same prefixed with its name ({@code pca_itq.test.map}).
 */
public final class HashingRun {
  private static final Logger LOG = LoggerFactory.getLogger(HashingRun.class);

  /**
   * Everything one hashing run needs: the (scaled) query and database rows, the hasher, and the
   * baselines by their experiment-file names, all at the hasher's bits.
   */
  public record Config(String name, long seed, RuntimeSettings runtime, Dataset queries, Dataset database,
      HashingMethod hasher, Map<String, HashingMethod> baselines, int precisionAt, Map<String, Path> dataFiles) {
    public Config {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(queries, "queries");
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(hasher, "hasher");
      baselines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
      dataFiles = dataFiles == null ? Map.of() : Map.copyOf(dataFiles);
      if (!queries.hasLabels() || !database.hasLabels()) {
        throw new IllegalArgumentException("a hashing run judges relevance by labels; '"
            + (queries.hasLabels() ? database.name() : queries.name()) + "' has none");
      }
      if (precisionAt < 1 || precisionAt > database.rows()) {
        throw new IllegalArgumentException("precision_at must be in 1.." + database.rows() + " (the database rows), "
            + "found " + precisionAt);
      }
      for (HashingMethod b : baselines.values()) {
        if (b.bits() != hasher.bits()) {
          throw new IllegalArgumentException("baseline '" + b.name() + "' codes " + b.bits() + " bits, the hasher "
              + hasher.bits());
        }
      }
    }
  }

  /** One method's measurements and, for the hasher, its codes. */
  private record Measured(String name, Map<String, Object> metrics, List<PrecisionRecallPoint> curve,
      BinaryCodes queryCodes, BinaryCodes databaseCodes) {}

  private HashingRun() {}

  /** Runs and records; on failure the record says why and the exception propagates. */
  public static Map<String, Object> execute(Config config, RunDirectory run) {
    return run.record(() -> {
      run.writeJson("provenance.json", Provenance.describe(config.seed(), config.runtime(), config.dataFiles()));
      run.writeJson("spec.json", resolvedSpec(config));
      LOG.info("{}: {} codes {} database rows in {} bits, queried by {} rows", config.name(), config.hasher().name(),
          config.database().rows(), config.hasher().bits(), config.queries().rows());

      List<Measured> all = new ArrayList<>();
      all.add(measure(config.hasher().name(), config.hasher(), config, RunListeners.progressAndHistory(run),
          run.resolve("model")));
      config.baselines().forEach((name, method) -> all.add(measure(name, method, config, List.of(), null)));

      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("hasher", config.hasher().name());
      metrics.put("baselines", List.copyOf(config.baselines().keySet()));
      metrics.put("bits", config.hasher().bits());
      metrics.put("queries", config.queries().rows());
      metrics.put("database", config.database().rows());
      for (int i = 0; i < all.size(); i++) {
        String prefix = i == 0 ? "" : all.get(i).name() + ".";
        all.get(i).metrics().forEach((k, v) -> metrics.put(prefix + k, v));
      }
      Measured hasher = all.get(0);
      run.writeText("query_codes.csv", codesCsv(hasher.queryCodes(), config.queries().labels()));
      run.writeText("database_codes.csv", codesCsv(hasher.databaseCodes(), config.database().labels()));
      run.writeText("precision_recall.csv", curvesCsv(all));
      Map<String, RankingCurves.Curve> curves = new LinkedHashMap<>();
      all.forEach(m -> curves.put(m.name(), curve(m.curve())));
      RunPlots.precisionRecallCurves("precision-recall by Hamming radius (queries vs database)", curves,
          run.resolve("plots").resolve("precision_recall.png"));
      return metrics;
    });
  }

  /** Fits and measures one method; a trained (autoencoder) hasher is also exported to {@code modelDir} unless that is null. */
  private static Measured measure(String name, HashingMethod method, Config config, List<TrainingListener> listeners,
      Path modelDir) {
    long t0 = System.nanoTime();
    Hasher hasher = method.fit(config.database(), config.seed(), listeners);
    try {
      long t1 = System.nanoTime();
      BinaryCodes databaseCodes = hasher.encode(config.database());
      BinaryCodes queryCodes = hasher.encode(config.queries());
      RetrievalMetrics retrieval = new RetrievalMetrics(queryCodes, config.queries().labels(), databaseCodes,
          config.database().labels());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("test.map", retrieval.meanAveragePrecision());
      m.put("test.precision_at_" + config.precisionAt(), retrieval.meanPrecisionAt(config.precisionAt()));
      List<PrecisionRecallPoint> curve = retrieval.precisionRecallCurve();
      m.put("train.seconds", (t1 - t0) / 1e9);
      m.put("test.seconds", (System.nanoTime() - t1) / 1e9);
      if (hasher instanceof SemanticHasher semantic) {
        m.put("train.near_binary", semantic.nearBinaryShare(config.database()));
      }
      if (hasher instanceof ExportableHasher trained && modelDir != null) {
        trained.export(modelDir);
      }
      LOG.info(String.format(Locale.ROOT, "%s: mAP %.4f, precision@%d %.4f (fit %.1fs)", name,
          (double) m.get("test.map"), config.precisionAt(), (double) m.get("test.precision_at_" + config.precisionAt()),
          (t1 - t0) / 1e9));
      return new Measured(name, m, curve, queryCodes, databaseCodes);
    } finally {
      if (hasher instanceof AutoCloseable closeable) {
        try {
          closeable.close(); // a semantic hasher holds a TensorFlow session
        } catch (Exception e) {
          LOG.warn("closing {}: {}", name, e.toString());
        }
      }
    }
  }

  /** {@code row,label,code}: the code as a string of bits, bit 0 first. */
  static String codesCsv(BinaryCodes codes, int[] labels) {
    StringBuilder b = new StringBuilder("row,label,code\n");
    for (int i = 0; i < codes.rows(); i++) {
      b.append(i).append(',').append(labels[i]).append(',');
      for (int j = 0; j < codes.bits(); j++) {
        b.append(codes.bit(i, j) ? '1' : '0');
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** {@code method,radius,precision,recall}: each method's curve by Hamming radius. */
  private static String curvesCsv(List<Measured> all) {
    StringBuilder b = new StringBuilder("method,radius,precision,recall\n");
    for (Measured m : all) {
      for (PrecisionRecallPoint p : m.curve()) {
        b.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f%n", m.name(), p.radius(), p.precision(), p.recall()));
      }
    }
    return b.toString();
  }

  private static RankingCurves.Curve curve(List<PrecisionRecallPoint> points) {
    return new RankingCurves.Curve(points.stream().mapToDouble(PrecisionRecallPoint::recall).toArray(),
        points.stream().mapToDouble(PrecisionRecallPoint::precision).toArray());
  }

  static Map<String, Object> resolvedSpec(Config c) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", c.name());
    spec.put("seed", c.seed());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("queries", SpecSummary.labelledDataset(c.queries()));
    data.put("database", SpecSummary.labelledDataset(c.database()));
    spec.put("data", data);
    spec.put("hasher", SpecSummary.method(c.hasher().name(), c.hasher()));
    Map<String, Object> baselines = new LinkedHashMap<>();
    c.baselines().forEach((name, b) -> baselines.put(name, SpecSummary.method(name, b)));
    spec.put("baselines", baselines);
    spec.put("precision_at", c.precisionAt());
    spec.put("runtime", RecordTree.toTree(c.runtime()));
    return spec;
  }
}
