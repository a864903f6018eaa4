package io.github.aelab.experiments;

import static io.github.aelab.experiments.TreeLookup.node;
import static io.github.aelab.experiments.TreeLookup.valueAt;

import io.github.aelab.clustering.retrieval.QueryDatabaseSplit;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.experiments.bind.Problems;
import io.github.aelab.experiments.hasher.HashingBaselines;
import io.github.aelab.experiments.spec.EvaluationSpec;
import io.github.aelab.experiments.spec.Experiment;
import io.github.aelab.experiments.yaml.YamlNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cross-checks of hashing runs, after binding: which sections go with a hasher (the query
 * draw, not {@code data.split}, decides the rows; it is compared with {@code hashing_baselines},
 * not PCA; its objective is its own, so no regularizers), the settings that mean nothing without
 * one, and what the data must offer (labels, which define relevance; more rows than queries; a
 * database in which every query has a relevant row, else its average precision is undefined).
 * Like the rest of loading, every problem is collected with its place in the file, before any
 * TensorFlow work.
 */
final class HashingChecks {
  private HashingChecks() {}

  /** Checks that need no data. */
  static void checkSections(Experiment e, YamlNode tree, Problems problems) {
    EvaluationSpec evaluation = e.evaluation();
    if (e.hasher() == null) {
      if (!evaluation.hashingBaselines().isEmpty()) {
        problems.add(valueAt(tree, "evaluation", "hashing_baselines"), "evaluation.hashing_baselines",
            "hashing_baselines are measured beside a hasher; add a hasher section, or remove them.", null);
      }
      // Judged by value, not presence: a resolved spec writes every key, with its default.
      if (evaluation.queries() != null) {
        problems.add(valueAt(tree, "evaluation", "queries"), "evaluation.queries", "queries sets a hashing run's "
            + "retrieval protocol; add a hasher section, or remove it.", null);
      }
      if (evaluation.precisionAt() != EvaluationSpec.DEFAULT_PRECISION_AT) {
        problems.add(valueAt(tree, "evaluation", "precision_at"), "evaluation.precision_at", "precision_at sets a "
            + "hashing run's retrieval protocol; add a hasher section, or remove it.", null);
      }
      return;
    }
    if (node(tree, "evaluation", "baselines") instanceof YamlNode.ListNode list && !list.items().isEmpty()) {
      problems.add(list.location(), "evaluation.baselines", "baselines compares an autoencoder run with PCA; a "
          + "hashing run compares with hashing_baselines instead (e.g. hashing_baselines: [lsh, pca_itq]).", null);
    }
    BaselineNames.check(evaluation.hashingBaselines(), HashingBaselines.names(), "hashing_baselines", "hashing",
        tree, problems);
    // Judged by presence, as for clusterer runs; SpecWriter.toRunnableYaml leaves it out of a run's resolved spec.
    if (node(tree, "data", "split") != null) {
      problems.add(ExperimentLoader.locate(tree, "data", "split"), "data.split", "a hashing run splits the rows "
          + "into queries and database itself (evaluation.queries, or data.test_source as the queries); remove "
          + "data.split.", null);
    }
    if (e.data().testSource() != null && evaluation.queries() != null) {
      problems.add(valueAt(tree, "evaluation", "queries"), "evaluation.queries", "with a data.test_source its rows "
          + "are the queries; remove evaluation.queries, or data.test_source to draw the queries from the source.",
          null);
    }
    if (!e.regularizers().isEmpty()) {
      problems.add(ExperimentLoader.locate(tree, "regularizers"), "regularizers", "a hasher trains its own "
          + "objective (semantic hashing: noise on the code's pre-activation; autoencoder_itq: plain reconstruction); "
          + "regularizers do not apply to it. "
          + "Remove the regularizers section.", null);
    }
  }

  /**
   * Checks against the loaded rows ({@code test} is null without a test source): the hasher
   * suits the model, labels are there to judge relevance, the query draw leaves a database, and
   * the database holds a relevant row for every query and enough rows for a batch and for
   * precision_at.
   */
  static void checkData(Experiment e, YamlNode tree, Dataset data, Dataset test, boolean buildHasher,
      Problems problems) {
    if (buildHasher) {
      try {
        e.buildHasher(data.cols());
      } catch (IllegalArgumentException ex) {
        problems.add(ExperimentLoader.locate(tree, "model", "code"), "model.code", ex.getMessage(), null);
      }
    }
    if (!data.hasLabels()) {
      problems.add(ExperimentLoader.locate(tree, "data", "source"), "data.source", "a hashing run counts a "
          + "retrieved row as relevant when it has the query's label, but the source '" + data.name()
          + "' has none.", null);
      return;
    }
    if (test != null && !test.hasLabels()) {
      problems.add(ExperimentLoader.locate(tree, "data", "test_source"), "data.test_source", "the test rows are "
          + "the queries, judged by their labels, but '" + test.name() + "' has none.", null);
      return;
    }
    Set<Integer> queryLabels;
    Set<Integer> databaseLabels;
    int databaseRows;
    if (test == null) {
      int count = e.evaluation().effectiveQueries();
      if (count >= data.rows()) {
        problems.add(node(tree, "evaluation", "queries") != null ? valueAt(tree, "evaluation", "queries")
            : ExperimentLoader.locate(tree, "data", "source"), "evaluation.queries", count + " queries leave no "
            + "database of the " + data.rows() + " rows of '" + data.name() + "'; draw fewer (evaluation.queries).",
            null);
        return;
      }
      // The run's own draw, by row index only: the rows themselves are copied when the run splits them.
      boolean[] isQuery = QueryDatabaseSplit.queryRows(data.rows(), count, e.seed(), data.name());
      queryLabels = new TreeSet<>();
      databaseLabels = new TreeSet<>();
      for (int row = 0; row < isQuery.length; row++) {
        (isQuery[row] ? queryLabels : databaseLabels).add(data.label(row));
      }
      databaseRows = data.rows() - count;
    } else {
      queryLabels = test.labelCounts().keySet();
      databaseLabels = data.labelCounts().keySet();
      databaseRows = data.rows();
    }
    Set<Integer> missing = new TreeSet<>(queryLabels);
    missing.removeAll(databaseLabels);
    if (!missing.isEmpty()) {
      problems.add(ExperimentLoader.locate(tree, "data", "source"), "data.source", "queries with label(s) "
          + missing + " have no relevant row in the database, so their average precision is undefined; every "
          + "label of the queries must occur among the database rows.", null);
    }
    int precisionAt = e.evaluation().precisionAt();
    if (precisionAt > databaseRows) {
      problems.add(node(tree, "evaluation", "precision_at") != null ? valueAt(tree, "evaluation", "precision_at")
          : ExperimentLoader.locate(tree, "evaluation"), "evaluation.precision_at", "precision_at " + precisionAt
          + " is more than the " + databaseRows + " database rows; set evaluation.precision_at to at most that.",
          null);
    }
    int batch = e.training().batchSize();
    if (databaseRows < batch) {
      problems.add(ExperimentLoader.locate(tree, "training", "batch_size"), "training.batch_size", "batch_size "
          + batch + " is larger than the " + databaseRows + " database rows the hasher trains on", null);
    }
  }

}
