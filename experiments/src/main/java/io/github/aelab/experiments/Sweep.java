package io.github.aelab.experiments;

import io.github.aelab.experiments.bind.InvalidSpecException;
import io.github.aelab.experiments.bind.Problems;
import io.github.aelab.experiments.yaml.Location;
import io.github.aelab.experiments.yaml.TreeEdits;
import io.github.aelab.experiments.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid sweep declared in an experiment file:
 * <pre>
 * sweep:
 *   grid:
 *     training.optimizer.learning_rate: [0.001, 0.003]
 *     model.code.units: [1, 2]
 * </pre>
 * Trials are the Cartesian product in the order written (the last key varies fastest), numbered
 * from 0. Every trial is bound and validated before any runs, so a bad path or value stops the
 * whole sweep up front; shard {@code i/n} takes trials {@code t} with {@code t % n == i}.
 */
public final class Sweep {

  /** One point of the grid: its number, its assignments (path = value as written) and the validated experiment. */
  public record Trial(int index, Map<String, String> assignments, ExperimentLoader.Loaded loaded) {}

  private Sweep() {}

  public static List<Trial> trials(ExperimentLoader loader, Path file, List<String> overrides) {
    Problems problems = new Problems();
    YamlNode tree = loader.readTree(file, overrides, problems);
    problems.throwIfAny(file.toString());
    if (!(tree instanceof YamlNode.MapNode root) || root.get("sweep") == null) {
      problems.add(tree == null ? Location.unknown(file.toString()) : tree.location(), "sweep",
          "this file has no sweep section; run it with 'aelab run'", null);
      throw new InvalidSpecException(file.toString(), problems.all());
    }
    List<String> paths = new ArrayList<>();
    List<List<YamlNode>> values = new ArrayList<>();
    readGrid(root.get("sweep"), paths, values, problems);
    problems.throwIfAny(file.toString());
    YamlNode base = root.without("sweep");

    List<Trial> trials = new ArrayList<>();
    int total = 1;
    for (List<YamlNode> v : values) {
      total *= v.size();
    }
    for (int t = 0; t < total; t++) {
      Map<String, String> assignments = new LinkedHashMap<>();
      YamlNode trialTree = base;
      int rest = t;
      int[] choice = new int[paths.size()];
      for (int a = paths.size() - 1; a >= 0; a--) {
        choice[a] = rest % values.get(a).size();
        rest /= values.get(a).size();
      }
      Problems trialProblems = new Problems();
      for (int a = 0; a < paths.size(); a++) {
        YamlNode value = values.get(a).get(choice[a]);
        assignments.put(paths.get(a), value instanceof YamlNode.ScalarNode s ? s.text() : value.describe());
        trialTree = TreeEdits.set(trialTree, paths.get(a), value, value.location(), trialProblems);
      }
      try {
        trialProblems.throwIfAny(file + " (trial " + t + ": " + assignments + ")");
        trials.add(new Trial(t, assignments, loader.bindTree(file, trialTree, trialProblems)));
      } catch (InvalidSpecException e) {
        throw new InvalidSpecException(file + " (trial " + t + ": " + assignments + ")", e.problems());
      }
    }
    return trials;
  }

  private static void readGrid(YamlNode sweep, List<String> paths, List<List<YamlNode>> values, Problems problems) {
    if (!(sweep instanceof YamlNode.MapNode m) || !(m.get("grid") instanceof YamlNode.MapNode grid)) {
      problems.add(sweep.location(), "sweep", "expected 'sweep: {grid: {path: [values...], ...}}'", null);
      return;
    }
    for (String key : m.entries().keySet()) {
      if (!key.equals("grid")) {
        problems.add(m.entries().get(key).keyLocation(), "sweep." + key, "unknown key '" + key + "' for sweep.",
            io.github.aelab.experiments.bind.Suggestions.closest(key, List.of("grid")), "Known: grid.");
      }
    }
    if (grid.entries().isEmpty()) {
      problems.add(grid.location(), "sweep.grid", "the grid names no parameter", null);
    }
    for (YamlNode.Entry e : grid.entries().values()) {
      if (!(e.value() instanceof YamlNode.ListNode list) || list.items().isEmpty()) {
        problems.add(e.value().location(), "sweep.grid." + e.key(), "expected a non-empty list of values, found "
            + e.value().describe(), null);
        continue;
      }
      paths.add(e.key());
      values.add(list.items());
    }
  }

  /** The trials of shard {@code index} of {@code count}. */
  public static List<Trial> shard(List<Trial> trials, int index, int count) {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("--shard must be i/n with 0 <= i < n, found " + index + "/" + count);
    }
    return trials.stream().filter(t -> t.index() % count == index).toList();
  }
}
