package io.github.aelab.experiments;

import io.github.aelab.core.data.DataLoadException;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.experiments.bind.ComponentRegistry;
import io.github.aelab.experiments.bind.Problems;
import io.github.aelab.experiments.bind.SpecBinder;
import io.github.aelab.experiments.data.DataSourceSpec;
import io.github.aelab.experiments.spec.DataSpec;
import io.github.aelab.experiments.spec.EvaluationSpec;
import io.github.aelab.experiments.spec.Experiment;
import io.github.aelab.experiments.yaml.Location;
import io.github.aelab.experiments.yaml.TreeEdits;
import io.github.aelab.experiments.yaml.YamlNode;
import io.github.aelab.experiments.yaml.YamlReader;
import io.github.aelab.models.DecoderSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Experiment file to {@link Experiment}: read safely, inherit ({@code extends}), override
 * ({@code --set}), interpolate ({@code ${env:...}}), bind, then cross-check against the data
 * (for a detector run also against its anomaly protocol: {@link DetectorChecks}; for a clusterer
 * run against its labels: {@link ClusteringChecks}; for a hashing run against its query draw:
 * {@link HashingChecks}).
 * Every problem of every step is collected; if there is any, {@link #load} throws one
 * {@link io.github.aelab.experiments.bind.InvalidSpecException} listing them all, before any
 * TensorFlow work.
 */
public final class ExperimentLoader {
  private static final int MAX_EXTENDS_DEPTH = 8;
  private final SpecBinder binder;

  public ExperimentLoader(ComponentRegistry registry) {
    this.binder = new SpecBinder(registry).withAdapter(DecoderSpec.class, io.github.aelab.experiments.bind.Adapters.decoder());
  }

  /**
   * A valid experiment, with its loaded data (loading is part of validation: shapes are checked
   * against it); {@code testData} is null unless the experiment names a separate test source.
   */
  public record Loaded(Experiment experiment, Path file, Path baseDir, String text, Dataset data, Dataset testData) {}

  public Loaded load(Path file, List<String> overrides) {
    Problems problems = new Problems();
    YamlNode tree = readTree(file, overrides, problems);
    problems.throwIfAny(file.toString());
    if (tree instanceof YamlNode.MapNode m && m.get("sweep") != null) {
      problems.add(m.entries().get("sweep").keyLocation(), "sweep",
          "this file defines a sweep; run it with 'aelab sweep', or remove the sweep section", null);
      problems.throwIfAny(file.toString());
    }
    return bindTree(file, tree, problems);
  }

  /** The file's tree after extends and overrides, before interpolation and binding (for sweeps). */
  public YamlNode readTree(Path file, List<String> overrides, Problems problems) {
    YamlNode tree = readWithBase(file, problems, new ArrayList<>());
    if (tree == null) {
      return null;
    }
    for (String assignment : overrides) {
      tree = TreeEdits.set(tree, assignment, problems);
    }
    return tree;
  }

  /** Interpolates, binds and cross-checks a tree that came from {@code file}. */
  public Loaded bindTree(Path file, YamlNode tree, Problems problems) {
    String name = file.toString();
    tree = TreeEdits.interpolate(tree, "", problems);
    problems.throwIfAny(name);
    tree = ClusteringChecks.withoutSecondHead(tree, problems);

    Experiment experiment = binder.bind(tree, Experiment.class, "", problems);
    problems.throwIfAny(name);

    Path baseDir = file.toAbsolutePath().getParent();
    boolean detectorNamesOk = DetectorChecks.checkSections(experiment, tree, problems);
    ClusteringChecks.checkSections(experiment, tree, problems);
    ClusteringChecks.checkPretrainedWeights(experiment, tree, baseDir, problems);
    HashingChecks.checkSections(experiment, tree, problems);
    int beforeData = problems.size();
    Dataset data = crossCheck(experiment, tree, baseDir, problems);
    Dataset testData = data == null ? null : loadTestSource(experiment, tree, baseDir, data, problems);
    checkBinarize(experiment, tree, data, testData, problems);
    if (experiment.evaluation().iwaeSamples() != EvaluationSpec.DEFAULT_IWAE_SAMPLES
        && experiment.kind() != Experiment.Kind.AUTOENCODER) {
      problems.add(TreeLookup.valueAt(tree, "evaluation", "iwae_samples"), "evaluation.iwae_samples", "iwae_samples "
          + "sets the likelihood estimate of a variational autoencoder run; a " + experiment.kind().word()
          + " run does not make one. Remove it.", null);
    }
    if (data != null && experiment.detector() != null) {
      // A model or regularizer that does not fit is reported once, not again by building the detector on it.
      boolean buildDetector = detectorNamesOk && problems.size() == beforeData;
      DetectorChecks.checkData(experiment, tree, data, testData, buildDetector, problems);
    }
    if (data != null && experiment.clusterer() != null) {
      ClusteringChecks.checkData(experiment, tree, data, testData, problems.size() == beforeData, problems);
    }
    if (data != null && experiment.hasher() != null) {
      HashingChecks.checkData(experiment, tree, data, testData, problems.size() == beforeData, problems);
    }
    problems.throwIfAny(name);
    String text;
    try {
      text = Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Loaded(experiment, file, baseDir, text, data, testData);
  }

  private YamlNode readWithBase(Path file, Problems problems, List<Path> chain) {
    Path normalized = file.toAbsolutePath().normalize();
    if (chain.contains(normalized)) {
      problems.add(Location.unknown(file.toString()), "extends", "'extends' makes a cycle: " + chain + " -> " + normalized, null);
      return null;
    }
    if (chain.size() > MAX_EXTENDS_DEPTH) {
      problems.add(Location.unknown(file.toString()), "extends", "'extends' chains deeper than " + MAX_EXTENDS_DEPTH + " files", null);
      return null;
    }
    if (!Files.isRegularFile(file)) {
      problems.add(Location.unknown(file.toString()), "", "no such experiment file", null);
      return null;
    }
    chain.add(normalized);
    YamlNode node = YamlReader.read(file, problems);
    if (node == null) {
      return null;
    }
    if (!(node instanceof YamlNode.MapNode map)) {
      problems.add(node.location(), "", "an experiment file is a mapping of sections (name, data, model, training, ...), found "
          + node.describe(), null);
      return null;
    }
    YamlNode ext = map.get("extends");
    if (ext == null) {
      return map;
    }
    if (!(ext instanceof YamlNode.ScalarNode s) || s.isNull()) {
      problems.add(ext.location(), "extends", "expected the path of a base experiment file, found " + ext.describe(), null);
      return null;
    }
    Path base = file.toAbsolutePath().getParent().resolve(s.text()).normalize();
    if (!Files.isRegularFile(base)) {
      problems.add(s.location(), "extends", "base file '" + s.text() + "' does not exist (looked for " + base + ")", null);
      return null;
    }
    YamlNode baseTree = readWithBase(base, problems, chain);
    return baseTree == null ? null : TreeEdits.merge(baseTree, map.without("extends"));
  }

  private Dataset crossCheck(Experiment e, YamlNode tree, Path baseDir, Problems problems) {
    Dataset data = loadSource(e.data().source(), "source", tree, baseDir, e.seed(), problems);
    if (data == null) {
      return null;
    }

    try {
      var model = e.model().toAutoencoder(data.cols());
      for (int i = 0; i < e.regularizers().size(); i++) {
        try {
          e.regularizers().get(i).check(model);
        } catch (IllegalArgumentException ex) {
          problems.add(locateItem(tree, "regularizers", i), "regularizers[" + i + "]", ex.getMessage(), null);
        }
      }
    } catch (IllegalArgumentException ex) {
      problems.add(locate(tree, "model"), "model", "does not fit rows of " + data.cols() + " values: " + ex.getMessage(), null);
    }
    // A detector run's training rows are the protocol's (DetectorChecks), a clusterer run's all of
    // the source's (ClusteringChecks), a hashing run's the database (HashingChecks), not data.split's.
    int trainRows = (int) (data.rows() * (1 - e.data().effectiveTestFraction()) * (1 - e.data().split().validationFraction()));
    if (e.kind() == Experiment.Kind.AUTOENCODER && trainRows < e.training().batchSize()) {
      problems.add(locate(tree, "training", "batch_size"), "training.batch_size", "batch_size "
          + e.training().batchSize() + " is larger than the " + trainRows + " training rows", null);
    }
    return data;
  }

  /**
   * {@code data.binarize} draws Bernoulli(value) bits, so it is for autoencoder runs on values in
   * [0, 1]: unscaled rows are checked here, min_max-scaled ones when the run scales them.
   */
  private static void checkBinarize(Experiment e, YamlNode tree, Dataset data, Dataset test, Problems problems) {
    if (e.data().binarize() == DataSpec.Binarize.NONE) {
      return;
    }
    Location at = TreeLookup.valueAt(tree, "data", "binarize");
    if (e.kind() != Experiment.Kind.AUTOENCODER) {
      problems.add(at, "data.binarize", "binarize is for autoencoder runs (a variational autoencoder's binary "
          + "likelihood); a " + e.kind().word() + " run takes the rows as they are. "
          + "Remove data.binarize.", null);
      return;
    }
    if (e.data().scaling() == DataSpec.Scaling.Z_SCORE) {
      problems.add(at, "data.binarize", "binarize draws Bernoulli(value) bits and needs values in [0, 1]; z_score "
          + "scaling gives negative values. Use scaling: min_max or none.", null);
      return;
    }
    if (e.data().scaling() == DataSpec.Scaling.NONE) {
      for (Dataset d : new Dataset[] {data, test}) {
        String outside = d == null ? null : firstOutsideUnitInterval(d);
        if (outside != null) {
          problems.add(at, "data.binarize", "binarize needs values in [0, 1], but " + outside
              + ". Add scaling: min_max, or leave binarize out.", null);
        }
      }
    }
  }

  private static String firstOutsideUnitInterval(Dataset d) {
    int i = io.github.aelab.core.data.Binarization.firstOutsideUnitInterval(d.features());
    return i < 0 ? null : d.name() + " has " + d.features()[i] + " at row " + (i / d.cols()) + ", column " + (i % d.cols());
  }

  private static Dataset loadTestSource(Experiment e, YamlNode tree, Path baseDir, Dataset data, Problems problems) {
    if (e.data().testSource() == null) {
      return null;
    }
    Dataset test = loadSource(e.data().testSource(), "test_source", tree, baseDir, e.seed() + 1, problems);
    if (test != null && test.cols() != data.cols()) {
      problems.add(locate(tree, "data", "test_source"), "data.test_source", "test rows have " + test.cols()
          + " values but the training rows " + data.cols(), null);
    }
    return test;
  }

  /** Loads {@code data.<key>}, or records why not: every missing or unreadable file, or what was wrong in one. */
  private static Dataset loadSource(DataSourceSpec source, String key, YamlNode tree, Path baseDir, long seed,
      Problems problems) {
    Location at = locate(tree, "data", key);
    boolean filesOk = true;
    for (Path f : source.files(baseDir)) {
      if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
        problems.add(at, "data." + key, "data file " + f + " does not exist or is not readable", null);
        filesOk = false;
      }
    }
    if (!filesOk) {
      return null;
    }
    try {
      return source.load(baseDir, seed);
    } catch (DataLoadException ex) {
      problems.add(at, "data." + key, ex.getMessage(), null);
      return null;
    } catch (IllegalArgumentException ex) {
      // Files that read well but do not go together (a concat of different widths, say).
      problems.add(at, "data." + key, ex.getMessage(), null);
      return null;
    }
  }

  static Location locateItem(YamlNode tree, String key, int index) {
    if (tree instanceof YamlNode.MapNode m && m.get(key) instanceof YamlNode.ListNode list && index < list.items().size()) {
      return list.items().get(index).location();
    }
    return locate(tree, key);
  }

  /** The location of the deepest existing node on a key path (for problems found after binding). */
  static Location locate(YamlNode tree, String... keys) {
    YamlNode node = tree;
    Location loc = tree.location();
    for (String k : keys) {
      if (!(node instanceof YamlNode.MapNode m) || m.get(k) == null) {
        break;
      }
      loc = m.entries().get(k).keyLocation();
      node = m.get(k);
    }
    return loc;
  }
}
