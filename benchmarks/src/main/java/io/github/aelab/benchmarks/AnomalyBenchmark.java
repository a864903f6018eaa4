package io.github.aelab.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.Threshold;
import io.github.aelab.anomaly.baseline.Baselines;
import io.github.aelab.anomaly.data.AnomalyDatasets;
import io.github.aelab.anomaly.deep.DeepDefaults;
import io.github.aelab.anomaly.metric.AveragePrecision;
import io.github.aelab.anomaly.metric.Confusion;
import io.github.aelab.anomaly.metric.MeanStd;
import io.github.aelab.anomaly.metric.PrecisionAtN;
import io.github.aelab.anomaly.metric.RocAuc;
import io.github.aelab.anomaly.protocol.OneClassMnist;
import io.github.aelab.anomaly.protocol.Protocol;
import io.github.aelab.anomaly.protocol.ProtocolSplit;
import io.github.aelab.anomaly.protocol.UnsupervisedHoldout;
import io.github.aelab.core.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aelab bench anomaly}: every detector under one protocol on every dataset, over seeds; a
 * dataset x detector table of mean ± std, written as Markdown, CSV (one row per fit) and JSON.
 * Each detector runs with its one default configuration on every dataset.
 *
 * <p>A fit that fails (a detector that refuses its training rows, or a split that leaves no
 * anomaly among the test rows, as lympho's does on two seeds under unsupervised_holdout) does not
 * stop the benchmark: the failure is printed, written to {@code failures.csv} and the JSON with its
 * reason, and its cell reads "failed" in the table; its column's mean is then taken over the
 * datasets it did fit, and says so.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    description = "Anomaly detectors x datasets under a literature protocol, mean ± std over seeds.")
public final class AnomalyBenchmark implements Callable<Integer> {

  @Option(names = "--protocol", defaultValue = "unsupervised_holdout",
      description = "unsupervised_holdout, stratified_holdout, one_class, one_class_file_order (the DTE paper's split),"
          + " topk_f1 or one_class_mnist (default: ${DEFAULT-VALUE}).")
  String protocol;

  @Option(names = "--datasets", split = ",", defaultValue = DEFAULT_DATASETS_TEXT,
      description = "Dataset names in the data directory (default: ${DEFAULT-VALUE}); "
          + "for one_class_mnist the normal digits, e.g. 0,1,2 (default there: all ten).")
  List<String> datasets;

  @Option(names = "--detectors", split = ",",
      description = "Detector names (default: every baseline and every deep detector).")
  List<String> detectors;

  @Option(names = "--seeds", description = "Seeds 0..N-1 (default: 10 for the two holdout protocols, else 5).")
  Integer seeds;

  @Option(names = "--max-train-rows", defaultValue = "0",
      description = "Fit on at most this many training rows (seeded sample; 0: all). Recorded in the report.")
  int maxTrainRows;

  @Option(names = "--data", description = "Anomaly data directory (default: $AELAB_DATA/anomaly or ../shared/data/anomaly).")
  Path data;

  @Option(names = "--mnist", description = "MNIST directory for one_class_mnist (default: $AELAB_DATA/mnist or ../shared/data/mnist).")
  Path mnist;

  @Option(names = "--out", description = "Output directory (default: runs/bench-anomaly-PROTOCOL-<timestamp>).")
  Path out;

  private static final String DEFAULT_DATASETS_TEXT = "cardio,thyroid,satellite,pima,vowels";
  private static final List<String> DEFAULT_DATASETS = List.of(DEFAULT_DATASETS_TEXT.split(","));

  private static int digit(String name) {
    if (!name.matches("[0-9]")) {
      throw new IllegalArgumentException("one_class_mnist takes normal digits 0..9 as --datasets, found '" + name + "'");
    }
    return Integer.parseInt(name);
  }

  /** One fit of one detector on one split. */
  record Fit(String dataset, String detector, long seed, double rocAuc, double averagePrecision,
      double precisionAtN, double f1, double fitSeconds, int trainRows, int testRows, int testAnomalies) {}

  /** A fit that threw: which one, and why. */
  record Failure(String dataset, String detector, long seed, String reason) {}

  /** Whether the protocol is one of the two random holdouts, whose seeds change the split. */
  private boolean isHoldout() {
    return protocol.equals(UnsupervisedHoldout.NAME) || protocol.equals(UnsupervisedHoldout.STRATIFIED_NAME);
  }

  @Override
  public Integer call() throws IOException {
    boolean mnistProtocol = protocol.equals(OneClassMnist.NAME);
    if (mnistProtocol && datasets.equals(DEFAULT_DATASETS)) {
      datasets = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }
    int n = seeds != null ? seeds : isHoldout() ? 10 : mnistProtocol ? 1 : 5;
    List<String> names = detectors != null ? detectors : allDetectors();
    MnistData digits = mnistProtocol ? MnistData.load(mnist) : null;
    AnomalyDatasets catalogue = mnistProtocol ? null : new AnomalyDatasets(DataDirectory.find(data, "anomaly"));
    Path dir = out != null ? out : Path.of("runs", "bench-anomaly-" + protocol + "-"
        + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.now()));
    Files.createDirectories(dir);
    List<Fit> fits = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    Path failuresCsv = dir.resolve("failures.csv");
    Files.writeString(failuresCsv, "dataset,detector,seed,reason\n");
    Path csv = dir.resolve("fits.csv");
    Files.writeString(csv, "dataset,detector,seed,roc_auc,average_precision,precision_at_n,f1,fit_seconds,"
        + "train_rows,test_rows,test_anomalies\n");
    for (String datasetName : datasets) {
      Protocol p = mnistProtocol ? new OneClassMnist(digit(datasetName)) : Protocol.named(protocol);
      Dataset dataset = mnistProtocol ? digits.train() : catalogue.load(datasetName);
      for (long seed = 0; seed < n; seed++) {
        // The MNIST protocol fixes its split (one digit's training images; the whole test set),
        // so its seeds vary only the detectors.
        ProtocolSplit split = mnistProtocol ? p.split(dataset, digits.test(), seed) : p.split(dataset, seed);
        Dataset train = cap(split.train(), seed);
        for (String detectorName : names) {
          Fit fit;
          try {
            fit = run(p, split, train, datasetName, detectorName, seed);
          } catch (RuntimeException e) {
            Failure failure = new Failure(datasetName, detectorName, seed, e.getClass().getSimpleName() + ": "
                + e.getMessage());
            failures.add(failure);
            Files.writeString(failuresCsv, String.format(Locale.ROOT, "%s,%s,%d,\"%s\"%n", datasetName, detectorName,
                seed, failure.reason().replace("\"", "\"\"")), java.nio.file.StandardOpenOption.APPEND);
            System.out.printf(Locale.ROOT, "%-10s %-12s seed %d  FAILED %s%n", datasetName, detectorName, seed,
                failure.reason());
            continue;
          }
          fits.add(fit);
          Files.writeString(csv, String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f,%s,%.3f,%d,%d,%d%n",
              fit.dataset(), fit.detector(), fit.seed(), fit.rocAuc(), fit.averagePrecision(), fit.precisionAtN(),
              Double.isNaN(fit.f1()) ? "" : String.format(Locale.ROOT, "%.6f", fit.f1()), fit.fitSeconds(),
              fit.trainRows(), fit.testRows(), fit.testAnomalies()), java.nio.file.StandardOpenOption.APPEND);
          System.out.printf(Locale.ROOT, "%-10s %-12s seed %d  roc_auc %.4f  ap %.4f%s  (%.1f s)%n", datasetName,
              detectorName, seed, fit.rocAuc(), fit.averagePrecision(),
              Double.isNaN(fit.f1()) ? "" : String.format(Locale.ROOT, "  f1 %.4f", fit.f1()), fit.fitSeconds());
        }
      }
    }
    String report = report(fits, failures, names, n);
    Files.writeString(dir.resolve("report.md"), report);
    writeJson(dir.resolve("summary.json"), fits, failures, names, n);
    System.out.println();
    System.out.print(report);
    System.out.println("written: " + dir.toAbsolutePath());
    return 0;
  }

  private Fit run(Protocol p, ProtocolSplit split, Dataset train, String dataset, String name, long seed) {
    Detector detector = detector(name, train);
    long start = System.nanoTime();
    try (FittedDetector fitted = detector.fit(train, seed)) {
      double[] scores = fitted.score(split.test());
      double seconds = (System.nanoTime() - start) / 1e9;
      boolean[] truth = split.testIsAnomaly();
      Optional<Threshold> threshold = p.threshold(split);
      double f1 = threshold.map(t -> Confusion.of(t.flag(fitted.trainingScores(), scores), truth).f1()).orElse(Double.NaN);
      return new Fit(dataset, name, seed, RocAuc.of(scores, truth), AveragePrecision.of(scores, truth),
          PrecisionAtN.of(scores, truth), f1, seconds, train.rows(), split.test().rows(), split.testAnomalies());
    }
  }

  static Detector detector(String name, Dataset train) {
    if (DeepDefaults.names().contains(name)) {
      return DeepDefaults.create(name, train.cols(), train.rows(), Baselines::create);
    }
    return Baselines.create(name);
  }

  static List<String> allDetectors() {
    List<String> all = new ArrayList<>(Baselines.names());
    all.addAll(DeepDefaults.names());
    return all;
  }

  private Dataset cap(Dataset train, long seed) {
    if (maxTrainRows <= 0 || train.rows() <= maxTrainRows) {
      return train;
    }
    int[] order = new java.util.Random(seed).ints(0, train.rows()).distinct().limit(maxTrainRows).toArray();
    java.util.Arrays.sort(order);
    return train.subset(order, "-sample" + maxTrainRows);
  }

  private String report(List<Fit> fits, List<Failure> failures, List<String> names, int n) {
    StringBuilder md = new StringBuilder();
    md.append("# Anomaly benchmark: protocol ").append(protocol).append(", ").append(n).append(" seeds")
        .append(maxTrainRows > 0 ? ", training rows capped at " + maxTrainRows : "").append("\n\n");
    for (String metric : List.of("roc_auc", "average_precision", "f1")) {
      if (metric.equals("f1") && fits.stream().allMatch(f -> Double.isNaN(f.f1()))) {
        continue;
      }
      md.append("## ").append(metric).append(" (mean ± std, x100)\n\n| dataset |");
      names.forEach(d -> md.append(' ').append(d).append(" |"));
      md.append("\n|---|");
      names.forEach(d -> md.append("---|"));
      md.append('\n');
      Map<String, Double> columnSums = new LinkedHashMap<>();
      Map<String, Integer> columnCounts = new LinkedHashMap<>();
      for (String dataset : datasets) {
        md.append("| ").append(dataset).append(" |");
        for (String d : names) {
          if (failed(failures, dataset, d)) {
            md.append(" failed |");
            continue;
          }
          MeanStd s = summary(fits, dataset, d, metric);
          md.append(String.format(Locale.ROOT, " %.1f ± %.1f |", 100 * s.mean(), 100 * s.std()));
          columnSums.merge(d, s.mean(), Double::sum);
          columnCounts.merge(d, 1, Integer::sum);
        }
        md.append('\n');
      }
      md.append("| **mean** |");
      for (String d : names) {
        int count = columnCounts.getOrDefault(d, 0);
        md.append(count == 0 ? " failed |" : String.format(Locale.ROOT, " **%.1f**%s |", 100 * columnSums.get(d) / count,
            count < datasets.size() ? " (" + count + " of " + datasets.size() + " datasets)" : ""));
      }
      md.append("\n\n");
    }
    if (!failures.isEmpty()) {
      md.append("Failed fits (the cell reads \"failed\" if any seed failed):\n\n");
      failures.stream().collect(java.util.stream.Collectors.groupingBy(f -> f.dataset() + " / " + f.detector() + ": "
          + f.reason(), LinkedHashMap::new, java.util.stream.Collectors.counting()))
          .forEach((what, count) -> md.append("- ").append(what).append(" (").append(count).append(" of ").append(n)
              .append(" seeds)\n"));
      md.append('\n');
    }
    md.append("Mean fit + score seconds per run: ");
    for (String d : names) {
      md.append(String.format(Locale.ROOT, "%s %.1f; ", d,
          fits.stream().filter(f -> f.detector().equals(d)).mapToDouble(Fit::fitSeconds).average().orElse(0)));
    }
    md.append('\n');
    return md.toString();
  }

  private static boolean failed(List<Failure> failures, String dataset, String detector) {
    return failures.stream().anyMatch(f -> f.dataset().equals(dataset) && f.detector().equals(detector));
  }

  private static MeanStd summary(List<Fit> fits, String dataset, String detector, String metric) {
    double[] values = fits.stream().filter(f -> f.dataset().equals(dataset) && f.detector().equals(detector))
        .mapToDouble(f -> switch (metric) {
          case "roc_auc" -> f.rocAuc();
          case "average_precision" -> f.averagePrecision();
          default -> f.f1();
        }).toArray();
    // F1 exists only under protocols with a threshold; NaN marks its absence.
    return java.util.Arrays.stream(values).anyMatch(Double::isNaN) ? null : MeanStd.of(values);
  }

  private void writeJson(Path file, List<Fit> fits, List<Failure> failures, List<String> names, int n)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("protocol", protocol);
    root.put("seeds", n);
    root.put("max_train_rows", maxTrainRows);
    Map<String, Object> table = new LinkedHashMap<>();
    for (String dataset : datasets) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String d : names) {
        Map<String, Object> cell = new LinkedHashMap<>();
        if (failed(failures, dataset, d)) {
          cell.put("failed", true);
          row.put(d, cell);
          continue;
        }
        for (String metric : List.of("roc_auc", "average_precision", "f1")) {
          MeanStd s = summary(fits, dataset, d, metric);
          if (s != null) {
            cell.put(metric, Map.of("mean", s.mean(), "std", s.std()));
          }
        }
        row.put(d, cell);
      }
      table.put(dataset, row);
    }
    root.put("table", table);
    root.put("fits", fits);
    root.put("failures", failures);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
  }
}
