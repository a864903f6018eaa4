package io.github.aelab.runner;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.io.RecordTree;
import java.util.LinkedHashMap;
import java.util.Map;

/** The pieces every run's {@code spec.json} describes the same way: a dataset, a named method. */
final class SpecSummary {
  private SpecSummary() {}

  /** Name, rows and columns (not the values). */
  static Map<String, Object> dataset(Dataset d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("rows", d.rows());
    m.put("cols", d.cols());
    return m;
  }

  /** A labelled dataset: name, rows, columns and the number of classes. */
  static Map<String, Object> labelledDataset(Dataset d) {
    Map<String, Object> m = dataset(d);
    m.put("classes", d.labelCounts().size());
    return m;
  }

  /** A detector or clusterer: its registry name and its settings record as a tree. */
  static Map<String, Object> method(String name, Object settings) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("settings", RecordTree.toTree(settings));
    return m;
  }
}
