package io.github.aelab.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aelab.anomaly.SavedDetector;
import io.github.aelab.anomaly.Threshold;
import io.github.aelab.clustering.retrieval.ExportableHasher;
import io.github.aelab.core.data.CsvLoader;
import io.github.aelab.core.data.CsvOptions;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.IdxLoader;
import io.github.aelab.core.data.MatLoader;
import io.github.aelab.core.data.NpzLoader;
import io.github.aelab.core.data.Scaler;
import io.github.aelab.core.io.SavedModels;
import io.github.aelab.experiments.ExperimentLoader;
import io.github.aelab.models.Autoencoder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aelab score RUN_DIR [DATA]}: per-row scores (and codes) from a run's SavedModel, as CSV;
 * for a detector run, the anomaly score of its saved detector, and with a threshold option
 * ({@code --contamination}, {@code --percentile}, {@code --threshold}, {@code --top-k}) whether
 * each row is flagged ({@code row,score,anomaly}); for a hashing run, each row's binary code
 * ({@code row,code}). Without DATA it scores the run's own test rows (a hashing run's queries),
 * rebuilt from its resolved spec, and so reproduces {@code test_scores.csv}
 * ({@code query_codes.csv}); with DATA (CSV, .npz, .mat or IDX) the rows are scaled with the
 * run's saved scaler first (a detector run's: its protocol's z-scoring).
 */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score rows with a trained run's model or"
    + " detector (and flag them with a threshold), or hash them with a hashing run's.")
public final class ScoreCommand implements Callable<Integer> {
  private static final int BATCH = 1024;
  private final ExperimentLoader loader;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory written by 'aelab run'.")
  Path runDir;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DATA", description = "Rows to score (default: the run's test rows).")
  Path data;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (default: standard output).")
  Path out;

  @Option(names = "--codes", description = "Add the code of each row as columns code_0, code_1, ...")
  boolean codes;

  @Option(names = "--detector", paramLabel = "NAME",
      description = "A detector run: score with this baseline of the run (default: the run's detector).")
  String detectorName;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  ThresholdOptions thresholdOptions;

  /** How a detector run's scores become flags; the cut comes from the saved training scores. */
  static final class ThresholdOptions {
    @Option(names = "--contamination", paramLabel = "FRACTION",
        description = "Flag rows above the (1 - FRACTION) quantile of the training scores, FRACTION in (0, 0.5).")
    Double contamination;

    @Option(names = "--percentile", paramLabel = "P", description = "Flag rows above percentile P (0..100) of the training scores.")
    Double percentile;

    @Option(names = "--threshold", paramLabel = "VALUE", description = "Flag rows scoring above VALUE.")
    Double fixed;

    @Option(names = "--top-k", paramLabel = "K", description = "Flag the K highest-scoring rows.")
    Integer topK;

    Threshold threshold() {
      if (contamination != null) {
        return new Threshold.Contamination(contamination);
      }
      if (percentile != null) {
        return new Threshold.Percentile(percentile);
      }
      return fixed != null ? new Threshold.Fixed(fixed) : new Threshold.TopK(topK);
    }
  }

  @jakarta.inject.Inject
  ScoreCommand(ExperimentLoader loader) {
    this.loader = loader;
  }

  @Override
  public Integer call() throws IOException {
    if (Files.isDirectory(runDir.resolve(AnomalyRun.DETECTOR_DIR))) {
      if (codes) {
        throw new IllegalArgumentException("--codes: a detector run scores rows; its codes are not saved apart");
      }
      Path saved = savedDetector();
      write(detectorScores(saved, data == null ? ownTestRows() : scaled(load(data))));
      return AelabCommand.OK;
    }
    if (detectorName != null) {
      throw new IllegalArgumentException("--detector names a detector of a detector run; " + runDir + " is not one");
    }
    JsonNode spec = recordedSpec();
    if (spec.has("detector")) {
      throw new IllegalArgumentException(runDir + ": the run's detector was not saved (no " + AnomalyRun.DETECTOR_DIR
          + "/ directory; see its log): run the experiment again with this aelab");
    }
    if (thresholdOptions != null) {
      throw new IllegalArgumentException("--contamination, --percentile, --threshold and --top-k flag the rows of a"
          + " detector run; " + runDir + " is not one");
    }
    if (!Files.isRegularFile(runDir.resolve("model/saved_model.pb"))) {
      throw new IllegalArgumentException(runDir + ": not a finished run (no model/saved_model.pb)");
    }
    Dataset rows = data == null ? ownTestRows() : scaled(load(data));
    if (spec.has("hasher")) { // a hashing run's record names its hasher
      write(hashes(rows));
      return AelabCommand.OK;
    }
    try (SavedModelBundle model = SavedModels.load(runDir.resolve("model"))) {
      float[] scores = run(model, "score", Autoencoder.INPUT, Autoencoder.SCORE, rows);
      float[] code = codes ? run(model, "encode", Autoencoder.INPUT, Autoencoder.CODE, rows) : null;
      int width = code == null ? 0 : code.length / rows.rows();
      StringBuilder csv = new StringBuilder("row,score");
      for (int j = 0; j < width; j++) {
        csv.append(",code_").append(j);
      }
      csv.append('\n');
      for (int i = 0; i < rows.rows(); i++) {
        csv.append(i).append(',').append(scores[i]);
        for (int j = 0; j < width; j++) {
          csv.append(',').append(code[i * width + j]);
        }
        csv.append('\n');
      }
      write(csv);
    }
    return AelabCommand.OK;
  }

  private void write(CharSequence csv) throws IOException {
    if (out == null) {
      PrintStream stdout = System.out;
      stdout.print(csv);
    } else {
      Files.writeString(out, csv);
    }
  }

  /** The run's spec.json, or an empty object when it has none. */
  private JsonNode recordedSpec() throws IOException {
    Path spec = runDir.resolve("spec.json");
    return Files.isRegularFile(spec) ? new ObjectMapper().readTree(spec.toFile()) : new ObjectMapper().createObjectNode();
  }

  /**
   * The folder of the detector to score with: the run's own, or the baseline {@code --detector}
   * names (the run's own name is accepted too).
   */
  private Path savedDetector() throws IOException {
    Path own = runDir.resolve(AnomalyRun.DETECTOR_DIR);
    String ownName = recordedSpec().at("/detector/name").asText();
    if (detectorName == null || detectorName.equals(ownName)) {
      return own;
    }
    Path baselines = runDir.resolve(AnomalyRun.BASELINES_DIR);
    Path baseline = baselines.resolve(detectorName).normalize();
    if (baselines.normalize().equals(baseline.getParent()) && Files.isDirectory(baseline)) {
      return baseline;
    }
    List<String> saved;
    try (Stream<Path> folders = Files.isDirectory(baselines) ? Files.list(baselines) : Stream.empty()) {
      saved = folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
    }
    throw new IllegalArgumentException("--detector " + detectorName + ": " + runDir + " saved no baseline of that name;"
        + " expected the run's detector (" + ownName + ") or one of its baselines " + saved + (saved.isEmpty()
            ? " (a run made before baselines were saved keeps only its detector)" : ""));
  }

  /** {@code row,score}, and {@code anomaly} (1 = flagged) when a threshold was asked for. */
  private StringBuilder detectorScores(Path saved, Dataset rows) {
    try (SavedDetector detector = SavedDetector.load(saved)) {
      double[] scores = detector.score(rows);
      boolean[] flags = thresholdOptions == null ? null
          : thresholdOptions.threshold().flag(detector.trainingScores(), scores);
      StringBuilder csv = new StringBuilder(flags == null ? "row,score\n" : "row,score,anomaly\n");
      for (int i = 0; i < scores.length; i++) {
        csv.append(i).append(',').append(scores[i]);
        if (flags != null) {
          csv.append(',').append(flags[i] ? 1 : 0);
        }
        csv.append('\n');
      }
      return csv;
    }
  }

  /** {@code row,code}: each row's bits from the run's hasher, bit 0 first. */
  private StringBuilder hashes(Dataset rows) {
    try (SavedModelBundle model = SavedModels.load(runDir.resolve("model"))) {
      float[] bits = run(model, ExportableHasher.HASH_SIGNATURE, ExportableHasher.INPUT, ExportableHasher.BITS, rows);
      int width = bits.length / rows.rows();
      StringBuilder csv = new StringBuilder("row,code\n");
      for (int i = 0; i < rows.rows(); i++) {
        csv.append(i).append(',');
        for (int j = 0; j < width; j++) {
          csv.append(bits[i * width + j] > 0.5f ? '1' : '0');
        }
        csv.append('\n');
      }
      return csv;
    }
  }

  private Dataset ownTestRows() {
    Path resolved = runDir.resolve("resolved.yaml");
    if (!Files.isRegularFile(resolved)) {
      throw new IllegalArgumentException(runDir + ": no resolved.yaml to rebuild the test rows from; pass DATA");
    }
    ExperimentLoader.Loaded loaded = loader.load(resolved, List.of());
    if (loaded.experiment().detector() != null) {
      AnomalyRun.Config config = ExperimentRunner.prepareAnomaly(loaded.experiment(), loaded);
      return config.protocol().split(config.data(), config.testData(), config.seed()).test();
    }
    if (loaded.experiment().hasher() != null) {
      return ExperimentRunner.prepareHashing(loaded.experiment(), loaded).config().queries();
    }
    return ExperimentRunner.prepare(loaded.experiment(), loaded).config().test();
  }

  private Dataset scaled(Dataset raw) {
    Path scalerFile = runDir.resolve("scaler.json");
    Scaler scaler = Files.isRegularFile(scalerFile) ? ScalerFile.read(scalerFile) : null;
    return scaler == null ? raw : scaler.transform(raw);
  }

  static Dataset load(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".csv")) {
      return CsvLoader.load(file, new CsvOptions(true, null, ','), name);
    }
    if (name.endsWith(".npz")) {
      return NpzLoader.load(file, "X", null, name);
    }
    if (name.endsWith(".mat")) {
      return MatLoader.load(file, "X", null, name);
    }
    if (name.contains("idx")) {
      return IdxLoader.loadImages(file, name);
    }
    throw new IllegalArgumentException(file + ": unknown data format; expected .csv, .npz, .mat or an IDX file");
  }

  private static float[] run(SavedModelBundle model, String signature, String input, String output, Dataset rows) {
    return SavedModels.callBatched(model, signature, input, output, rows.features(), rows.cols(), BATCH, Map.of());
  }
}
