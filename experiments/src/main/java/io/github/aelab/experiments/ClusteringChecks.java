package io.github.aelab.experiments;

import static io.github.aelab.experiments.TreeLookup.itemAt;
import static io.github.aelab.experiments.TreeLookup.node;
import static io.github.aelab.experiments.TreeLookup.valueAt;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.deep.AutoencoderWeights;
import io.github.aelab.clustering.deep.Dec;
import io.github.aelab.core.data.DataLoadException;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.experiments.bind.Problems;
import io.github.aelab.experiments.clusterer.ClusteringBaselines;
import io.github.aelab.experiments.data.DataSourceSpec;
import io.github.aelab.experiments.spec.Experiment;
import io.github.aelab.experiments.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The cross-checks of clusterer runs, after binding: a run has a detector or a clusterer, not
 * both; which sections go with a clusterer (it clusters every row of the source, so no
 * {@code data.split}; it is compared with {@code clustering_baselines}, not PCA); the baseline
 * names; and what the data must offer (labels, to measure accuracy, NMI and ARI; enough rows).
 * Like the rest of loading, every problem is collected with its place in the file, before any
 * TensorFlow work.
 */
final class ClusteringChecks {
  private ClusteringChecks() {}

  /** The sections that make a run something other than an autoencoder run, at most one per file. */
  private static final List<String> HEADS = List.of("detector", "clusterer", "hasher");

  /**
   * Before binding: a file with two of a detector, a clusterer and a hasher is reported at the
   * later one, and the tree is bound without it, so that the rest of the file is still checked
   * (the experiment record itself refuses the pair, but would be reported at the top of the file).
   */
  static YamlNode withoutSecondHead(YamlNode tree, Problems problems) {
    if (!(tree instanceof YamlNode.MapNode map)) {
      return tree;
    }
    String first = null;
    YamlNode.MapNode kept = map;
    for (String head : HEADS) {
      if (absent(map.get(head))) {
        continue;
      }
      if (first == null) {
        first = head;
        continue;
      }
      problems.add(ExperimentLoader.locate(tree, head), head, "an experiment has a detector, a clusterer or a "
          + "hasher, not two: a detector run scores rows as anomalies, a clusterer run groups them, a hashing run "
          + "codes them for retrieval; this file has a " + first + " and a " + head + ". Keep one (two files can "
          + "share a base with 'extends').", null);
      kept = kept.without(head);
    }
    return kept;
  }

  /** Checks that need no data. */
  static void checkSections(Experiment e, YamlNode tree, Problems problems) {
    List<String> baselines = e.evaluation().clusteringBaselines();
    if (e.clusterer() == null) {
      if (!baselines.isEmpty()) {
        problems.add(valueAt(tree, "evaluation", "clustering_baselines"), "evaluation.clustering_baselines",
            "clustering_baselines are measured beside a clusterer; add a clusterer section, or remove them.", null);
      }
      return;
    }
    if (node(tree, "evaluation", "baselines") instanceof YamlNode.ListNode list && !list.items().isEmpty()) {
      problems.add(list.location(), "evaluation.baselines", "baselines compares an autoencoder run with PCA; a "
          + "clusterer run compares with clustering_baselines instead (e.g. clustering_baselines: [kmeans, ae_kmeans]).",
          null);
    }
    checkBaselineNames(baselines, tree, problems);
    // Judged by presence, so that even the default written out is refused rather than ignored;
    // SpecWriter.toRunnableYaml leaves it out of a run's resolved spec.
    if (node(tree, "data", "split") != null) {
      problems.add(ExperimentLoader.locate(tree, "data", "split"), "data.split", "a clusterer run clusters every "
          + "row of data.source, as DEC does; remove data.split (a data.test_source, if given, is predicted).", null);
    }
  }

  /**
   * Checks against the loaded rows ({@code test} is null without a test source): the clusterer
   * suits the model, ae_kmeans has codes to come from, labels are there to measure against,
   * and the rows fill a batch and the clusters.
   */
  static void checkData(Experiment e, YamlNode tree, Dataset data, Dataset test, boolean buildClusterer,
      Problems problems) {
    Clusterer clusterer = null;
    if (buildClusterer) {
      try {
        clusterer = e.buildClusterer(data.cols());
      } catch (IllegalArgumentException ex) {
        problems.add(ExperimentLoader.locate(tree, "clusterer"), "clusterer", ex.getMessage(), null);
      }
    }
    List<String> names = e.evaluation().clusteringBaselines();
    for (int i = 0; i < names.size(); i++) {
      if (clusterer != null && ClusteringBaselines.onPretrainedCodes(names.get(i)) && !(clusterer instanceof Dec)) {
        problems.add(itemAt(tree, i, "evaluation", "clustering_baselines"), "evaluation.clustering_baselines[" + i
            + "]", names.get(i) + " is fitted on the pretrained codes inside a dec or idec fit; clusterer '"
            + clusterer.name() + "' has none.", null);
      }
    }
    if (!data.hasLabels()) {
      problems.add(ExperimentLoader.locate(tree, "data", "source"), "data.source", "a clusterer run measures "
          + "accuracy, NMI and ARI against the labels, but the source '" + data.name() + "' has none.", null);
    }
    if (test != null && !test.hasLabels()) {
      problems.add(ExperimentLoader.locate(tree, "data", "test_source"), "data.test_source", "the test source is "
          + "measured against its labels, but '" + test.name() + "' has none.", null);
    }
    if (clusterer instanceof io.github.aelab.clustering.subspace.SubspaceClustering
        && data.rows() > io.github.aelab.clustering.subspace.SubspaceClustering.MAX_ROWS) {
      problems.add(ExperimentLoader.locate(tree, "data", "source"), "data.source", "deep_subspace keeps an n x n "
          + "self-expression matrix and takes at most " + io.github.aelab.clustering.subspace.SubspaceClustering.MAX_ROWS
          + " rows; '" + data.name() + "' has " + data.rows() + " (use the source's limit).", null);
    }
    if (clusterer != null && data.rows() < clusterer.clusters()) {
      problems.add(valueAt(tree, "clusterer", "clusters"), "clusterer.clusters", clusterer.clusters()
          + " clusters are more than the " + data.rows() + " rows of '" + data.name() + "'.", null);
    }
    int batch = e.training().batchSize();
    if (data.rows() < batch) {
      problems.add(ExperimentLoader.locate(tree, "training", "batch_size"), "training.batch_size", "batch_size "
          + batch + " is larger than the " + data.rows() + " rows the autoencoder is pretrained on", null);
    }
  }

  /**
   * An earlier run's weights to start from must be there and be a readable .npz of float arrays
   * (whether they fit the model is known only once its graph is built, at the start of the run).
   */
  static void checkPretrainedWeights(Experiment e, YamlNode tree, Path baseDir, Problems problems) {
    Path given = e.clusterer() == null ? null : e.clusterer().pretrainedWeights();
    if (given == null) {
      return;
    }
    Path file = DataSourceSpec.resolve(baseDir, given);
    String problem = null;
    if (!Files.isRegularFile(file)) {
      problem = "no file " + file + (given.isAbsolute() ? "" : " (relative paths are read from the experiment "
          + "file's folder)");
    } else {
      try {
        AutoencoderWeights.load(file);
      } catch (DataLoadException ex) {
        problem = ex.getMessage();
      }
    }
    if (problem != null) {
      problems.add(valueAt(tree, "clusterer", "pretrained_weights"), "clusterer.pretrained_weights", problem
          + "; expected the pretrained_autoencoder.npz of an earlier dec or idec run with the same model.", null);
    }
  }

  private static void checkBaselineNames(List<String> names, YamlNode tree, Problems problems) {
    BaselineNames.check(names, ClusteringBaselines.names(), "clustering_baselines", "clustering", tree, problems);
  }

  private static boolean absent(YamlNode node) {
    return node == null || node instanceof YamlNode.ScalarNode s && s.isNull();
  }
}
