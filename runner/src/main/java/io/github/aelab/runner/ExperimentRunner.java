package io.github.aelab.runner;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.deep.AutoencoderWeights;
import io.github.aelab.clustering.retrieval.HashingMethod;
import io.github.aelab.clustering.retrieval.QueryDatabaseSplit;
import io.github.aelab.core.data.Binarization;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.MinMaxScaler;
import io.github.aelab.core.data.Scaler;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import io.github.aelab.core.data.ZScoreScaler;
import io.github.aelab.experiments.ExperimentLoader;
import io.github.aelab.experiments.SpecWriter;
import io.github.aelab.experiments.clusterer.ClusteringBaselines;
import io.github.aelab.experiments.data.DataSourceSpec;
import io.github.aelab.experiments.detector.AnomalyBaselines;
import io.github.aelab.experiments.hasher.HashingBaselines;
import io.github.aelab.experiments.spec.DataSpec;
import io.github.aelab.experiments.spec.EvaluationSpec;
import io.github.aelab.experiments.spec.Experiment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a validated experiment: splits (test, then validation) and scales the data with the
 * scaler fitted on the training rows only, trains, evaluates and writes the run record, with
 * the file as written ({@code spec.yaml}) and fully resolved ({@code resolved.yaml}, re-runnable).
 * An experiment with a detector is a detector run instead ({@link AnomalyRun}): its anomaly
 * protocol splits and scales the rows. One with a clusterer is a clusterer run
 * ({@link ClusteringRun}): it clusters every row of the source, scaled by a scaler fitted on them.
 * One with a hasher is a hashing run ({@link HashingRun}): it draws queries and codes the rest.
 */
public final class ExperimentRunner {
  private final SpecWriter writer;

  @jakarta.inject.Inject
  public ExperimentRunner(SpecWriter writer) {
    this.writer = writer;
  }

  public Map<String, Object> run(ExperimentLoader.Loaded loaded, RunDirectory run) {
    Experiment e = loaded.experiment();
    run.writeText("spec.yaml", loaded.text());
    run.writeText("resolved.yaml", writer.toRunnableYaml(e, loaded.baseDir()));
    if (e.detector() != null) {
      return AnomalyRun.execute(preparing(run, () -> prepareAnomaly(e, loaded)), run);
    }
    if (e.clusterer() != null) {
      PreparedClustering prepared = preparing(run, () -> prepareClustering(e, loaded));
      writeScaler(run, prepared.scaler());
      return ClusteringRun.execute(prepared.config(), run);
    }
    if (e.hasher() != null) {
      PreparedHashing prepared = preparing(run, () -> prepareHashing(e, loaded));
      writeScaler(run, prepared.scaler());
      return HashingRun.execute(prepared.config(), run);
    }
    Prepared prepared = preparing(run, () -> prepare(e, loaded));
    run.writeJson("scaler.json", ScalerFile.describe(prepared.scaler()));
    return AutoencoderRun.execute(prepared.config(), run);
  }

  /** Prepares a run's configuration; a failure is recorded in the run even though the run never started. */
  private static <T> T preparing(RunDirectory run, java.util.function.Supplier<T> prepare) {
    try {
      return prepare.get();
    } catch (RuntimeException ex) {
      run.failed(ex);
      throw ex;
    }
  }

  private static void writeScaler(RunDirectory run, Scaler scaler) {
    if (scaler != null) {
      run.writeJson("scaler.json", ScalerFile.describe(scaler));
    }
  }

  /**
   * Continues an interrupted run in its own directory. The experiment must be the one the run
   * recorded (its resolved spec), or the checkpoint would not fit the graph.
   */
  public Map<String, Object> resume(ExperimentLoader.Loaded loaded, RunDirectory run) {
    Experiment e = loaded.experiment();
    if (e.kind() != Experiment.Kind.AUTOENCODER) {
      throw new IllegalArgumentException(run.root() + ": a " + e.kind().word() + " run keeps no checkpoints to resume from; run it again");
    }
    String recorded;
    try {
      recorded = java.nio.file.Files.readString(run.resolve("resolved.yaml"));
    } catch (java.io.IOException ex) {
      throw new IllegalArgumentException(run.root() + ": cannot read resolved.yaml of the run to resume", ex);
    }
    if (!recorded.equals(writer.toRunnableYaml(e, loaded.baseDir()))) {
      throw new IllegalArgumentException(run.root() + ": the experiment differs from the one this run recorded "
          + "(resolved.yaml); resume with the same file and --set options");
    }
    Prepared prepared = prepare(e, loaded);
    return AutoencoderRun.execute(prepared.config(), run, true);
  }

  /** Offsets from the experiment's seed of the binarization draws of each split. */
  private static final long BINARIZE_TRAIN_SEED = 101;
  private static final long BINARIZE_VALIDATION_SEED = 102;
  private static final long BINARIZE_TEST_SEED = 103;

  /** The run's configuration and the scaler fitted on its training rows (null for none). */
  public record Prepared(AutoencoderRun.Config config, Scaler scaler) {}

  /** Splits and scales exactly as a run does: the same seed gives the same test rows. */
  public static Prepared prepare(Experiment e, ExperimentLoader.Loaded loaded) {
    Dataset data = loaded.data();
    Path baseDir = loaded.baseDir();
    DataSpec.SplitSpec fractions = e.data().split();
    Dataset train = data;
    Dataset test = loaded.testData();
    if (test == null) {
      Split outer = Splits.trainTest(data, 1 - e.data().effectiveTestFraction(), e.seed());
      train = outer.train();
      test = outer.test();
    }
    Dataset validation = null;
    if (fractions.validationFraction() > 0) {
      Split inner = Splits.trainTest(train, 1 - fractions.validationFraction(), e.seed() + 1);
      train = inner.train();
      validation = inner.test();
    }
    Scaler scaler = fitScaler(e.data().scaling(), train);
    if (scaler != null) {
      train = scaler.transform(train);
      test = scaler.transform(test);
      validation = validation == null ? null : scaler.transform(validation);
    }
    DataSpec.Binarize binarize = e.data().binarize();
    if (binarize != DataSpec.Binarize.NONE) {
      // Held-out rows are drawn once, each split with its own seed, so every run scores the same bits.
      test = Binarization.sample(test, e.seed() + BINARIZE_TEST_SEED);
      validation = validation == null ? null : Binarization.sample(validation, e.seed() + BINARIZE_VALIDATION_SEED);
      if (binarize == DataSpec.Binarize.STATIC) {
        train = Binarization.sample(train, e.seed() + BINARIZE_TRAIN_SEED);
      } else {
        Binarization.requireProbabilities(train.features(), train.name());
      }
    }
    boolean pca = e.evaluation().baselines().contains(EvaluationSpec.Baseline.PCA);
    return new Prepared(new AutoencoderRun.Config(e.name(), e.model().toAutoencoder(data.cols()), e.training().plan(),
        e.seed(), e.runtime(), train, validation, test, dataFiles(e, baseDir), e.training().checkpointEvery(), pca,
        e.regularizers(), binarize == DataSpec.Binarize.DYNAMIC, e.evaluation().iwaeSamples()), scaler);
  }

  /**
   * A detector run's configuration: the rows unsplit and unscaled (the protocol does both), the
   * detector built on the experiment's autoencoder and plan, and the listed baselines.
   */
  public static AnomalyRun.Config prepareAnomaly(Experiment e, ExperimentLoader.Loaded loaded) {
    Dataset data = loaded.data();
    List<Detector> baselines = e.evaluation().detectorBaselines().stream().map(AnomalyBaselines::create).toList();
    return new AnomalyRun.Config(e.name(), e.seed(), e.runtime(), e.evaluation().anomalyProtocol(), data,
        loaded.testData(), e.buildDetector(data.cols()), baselines, dataFiles(e, loaded.baseDir()));
  }

  /** A clusterer run's configuration and the scaler fitted on the rows it clusters (null for none). */
  public record PreparedClustering(ClusteringRun.Config config, Scaler scaler) {}

  /**
   * A clusterer run's configuration: every row of the source, scaled as {@code data.scaling}
   * says by a scaler fitted on those rows (the test source, if any, scaled by the same), the
   * clusterer built on the experiment's autoencoder and plan, and the listed baselines with its
   * number of clusters.
   */
  public static PreparedClustering prepareClustering(Experiment e, ExperimentLoader.Loaded loaded) {
    Dataset data = loaded.data();
    Dataset test = loaded.testData();
    Scaler scaler = fitScaler(e.data().scaling(), data);
    if (scaler != null) {
      data = scaler.transform(data);
      test = test == null ? null : scaler.transform(test);
    }
    Clusterer clusterer = e.buildClusterer(data.cols());
    List<String> names = e.evaluation().clusteringBaselines();
    int codeWidth = (int) e.model().toAutoencoder(data.cols()).codeShape().size();
    List<Clusterer> baselines = names.stream().filter(n -> !ClusteringBaselines.onPretrainedCodes(n))
        .map(n -> ClusteringBaselines.create(n, clusterer.clusters(), codeWidth)).toList();
    List<String> onCodes = names.stream().filter(ClusteringBaselines::onPretrainedCodes).toList();
    Map<String, Path> files = dataFiles(e, loaded.baseDir());
    ClusteringRun.Pretrained pretrained = null;
    if (e.clusterer().pretrainedWeights() != null) {
      Path file = DataSourceSpec.resolve(loaded.baseDir(), e.clusterer().pretrainedWeights());
      pretrained = new ClusteringRun.Pretrained(file, AutoencoderWeights.load(file));
      files.put("pretrained_weights", file); // its sha256 goes into the provenance with the data's
    }
    return new PreparedClustering(new ClusteringRun.Config(e.name(), e.seed(), e.runtime(), data, test, clusterer,
        baselines, onCodes, files, pretrained), scaler);
  }

  /** A hashing run's configuration and the scaler fitted on its database rows (null for none). */
  public record PreparedHashing(HashingRun.Config config, Scaler scaler) {}

  /**
   * A hashing run's configuration: the queries (the test source's rows, or {@code
   * evaluation.queries} rows drawn from the source with the seed) and the database (the other
   * rows), scaled as {@code data.scaling} says by a scaler fitted on the database, which is also
   * what the hasher and the baselines train on.
   */
  public static PreparedHashing prepareHashing(Experiment e, ExperimentLoader.Loaded loaded) {
    Dataset database = loaded.data();
    Dataset queries = loaded.testData();
    if (queries == null) {
      QueryDatabaseSplit split = QueryDatabaseSplit.draw(database, e.evaluation().effectiveQueries(), e.seed());
      queries = split.queries();
      database = split.database();
    }
    Scaler scaler = fitScaler(e.data().scaling(), database);
    if (scaler != null) {
      database = scaler.transform(database);
      queries = scaler.transform(queries);
    }
    HashingMethod hasher = e.buildHasher(database.cols());
    Map<String, HashingMethod> baselines = new LinkedHashMap<>();
    e.evaluation().hashingBaselines().forEach(n -> baselines.put(n, HashingBaselines.create(n, hasher.bits())));
    return new PreparedHashing(new HashingRun.Config(e.name(), e.seed(), e.runtime(), queries, database, hasher,
        baselines, e.evaluation().precisionAt(), dataFiles(e, loaded.baseDir())), scaler);
  }

  private static Scaler fitScaler(DataSpec.Scaling scaling, Dataset rows) {
    return switch (scaling) {
      case NONE -> null;
      case MIN_MAX -> MinMaxScaler.fit(rows);
      case Z_SCORE -> ZScoreScaler.fit(rows);
    };
  }

  /** Every data file the experiment reads, for the provenance's hashes. */
  static Map<String, Path> dataFiles(Experiment e, Path baseDir) {
    Map<String, Path> files = new LinkedHashMap<>();
    List<Path> sourceFiles = new java.util.ArrayList<>(e.data().source().files(baseDir));
    if (e.data().testSource() != null) {
      sourceFiles.addAll(e.data().testSource().files(baseDir));
    }
    for (int i = 0; i < sourceFiles.size(); i++) {
      files.put("source_" + i, sourceFiles.get(i));
    }
    return files;
  }
}
